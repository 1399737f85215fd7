/**
 * While anything is unsaved, closing or reloading the page asks first: the browser shows its own question; in
 * Electron the cancelled unload reaches main, which asks with a native dialog (electron/main/unsaved-close.ts).
 */
import { useEffect } from 'react';

export function useUnsavedGuard(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
