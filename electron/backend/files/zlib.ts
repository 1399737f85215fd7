/**
 * node:zlib's sync raw deflate/inflate, safe against the backend thread being terminated mid-call.
 *
 * Node aborts the WHOLE process (node_zlib.cc "close before init") when a worker is terminated while a zlib call is
 * between creating its native handle and initialising it. The relay in main terminates a stuck backend thread, so
 * every native zlib call in the backend goes through here: with a termination guard installed (the worker does it with
 * the SharedArrayBuffer main gives it), main first claims the guard (`claimForTermination`, termination-guard.ts),
 * which waits for the call in progress to end and parks the thread before the next one; then terminates.
 * Outside a worker (CLI, tests) there is no guard and the calls are node:zlib's.
 */
import { crc32, deflateRawSync as nodeDeflateRawSync, inflateRawSync as nodeInflateRawSync, type ZlibOptions } from 'node:zlib';
import { enterGuarded, leaveGuarded } from './termination-guard';

let guard: Int32Array | null = null;

/** The worker installs main's guard word once at start. */
export function installTerminationGuard(state: Int32Array): void {
  guard = state;
}

function guarded<T>(run: () => T): T {
  const state = guard;
  if (!state) return run();
  enterGuarded(state);
  try {
    return run();
  } finally {
    leaveGuarded(state);
  }
}

export function deflateRawSync(data: Uint8Array, options?: ZlibOptions): Buffer {
  return guarded(() => nodeDeflateRawSync(data, options));
}

export function inflateRawSync(data: Uint8Array, options?: ZlibOptions): Buffer {
  return guarded(() => nodeInflateRawSync(data, options));
}

/** crc32 is a plain function of node:zlib's binding (no handle): nothing to guard. */
export { crc32 };
