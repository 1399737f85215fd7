/**
 * One shared Int32 between main and the backend thread, so main never terminates the thread inside a native call that
 * Node cannot abandon safely (see zlib.ts). Both sides change it only by compare-and-swap:
 *
 *   IDLE ──thread enters──▶ BUSY ──thread leaves──▶ IDLE
 *   IDLE ──main claims───▶ PARKED              (the thread blocks at its next enter)
 *   BUSY ──main claims───▶ BUSY_CLAIMED ──thread leaves──▶ PARKED (the thread blocks right there)
 *
 * Once PARKED the thread can never enter a guarded call again, so terminating it is safe.
 */
const IDLE = 0;
const BUSY = 1;
const PARKED = 2;
const BUSY_CLAIMED = 3;

/** A new guard word for one thread (main side); the thread gets the buffer through workerData. */
export function newTerminationGuard(): { buffer: SharedArrayBuffer; state: Int32Array } {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  return { buffer, state: new Int32Array(buffer) };
}

/** Blocks the thread until it is terminated (Atomics.wait is interrupted by termination). */
function park(state: Int32Array): never {
  for (;;) Atomics.wait(state, 0, PARKED);
}

/** Thread side, before a guarded native call. */
export function enterGuarded(state: Int32Array): void {
  if (Atomics.compareExchange(state, 0, IDLE, BUSY) !== IDLE) park(state);
}

/** Thread side, after it. */
export function leaveGuarded(state: Int32Array): void {
  if (Atomics.compareExchange(state, 0, BUSY, IDLE) === BUSY_CLAIMED) {
    Atomics.store(state, 0, PARKED);
    Atomics.notify(state, 0);
    park(state);
  }
}

/**
 * Main side: resolves once the thread is parked or idle-and-claimed (safe to terminate), or after `maxWaitMs` when a
 * single native call runs that long (then termination is as unsafe as without a guard, which a zlib call never is).
 */
export async function claimForTermination(state: Int32Array, maxWaitMs = 5000): Promise<void> {
  const until = performance.now() + maxWaitMs;
  for (;;) {
    const was = Atomics.compareExchange(state, 0, IDLE, PARKED);
    if (was === IDLE || was === PARKED) return;
    if (was === BUSY) Atomics.compareExchange(state, 0, BUSY, BUSY_CLAIMED);
    if (performance.now() >= until) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
