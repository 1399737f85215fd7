import type { KehoachBridge } from '../../shared/api';

declare global {
  interface Window {
    /** The contract's invoke, exposed by the preload (or shimmed by the web harness). Nothing else. */
    kehoach: KehoachBridge;
  }
}

export {};
