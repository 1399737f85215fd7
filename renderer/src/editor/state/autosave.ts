/**
 * Autosave scheduling: the latest snapshot is stored at most `maxWaitMs` after the first unsaved change
 * (and `delayMs` after the last one when typing pauses). Saves never overlap; a snapshot that arrives
 * while one is being stored is stored right after it. `flush()` stores now (Ctrl+S, leaving the page).
 */
export interface AutosaverTiming {
  delayMs: number;
  maxWaitMs: number;
}

export const defaultTiming: AutosaverTiming = { delayMs: 400, maxWaitMs: 900 };

export class Autosaver<T> {
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: (snapshot: T) => Promise<void>,
    private readonly timing: AutosaverTiming = defaultTiming,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** A new snapshot to store (replaces any snapshot not yet stored). */
  schedule(snapshot: T): void {
    this.pending = snapshot;
    const now = this.now();
    if (!this.firstPendingAt) this.firstPendingAt = now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.timing.delayMs, this.firstPendingAt + this.timing.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Store the pending snapshot now; resolves when nothing is pending or being stored. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running || this.pending !== null) {
      if (this.running) {
        await this.running;
        continue;
      }
      const snapshot = this.pending as T;
      this.pending = null;
      this.firstPendingAt = 0;
      this.running = this.store(snapshot)
        .catch(() => undefined)
        .finally(() => {
          this.running = null;
        });
    }
  }

  /** Drop what is pending (the plan was reloaded from the store). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.firstPendingAt = 0;
  }

  get hasPending(): boolean {
    return this.pending !== null;
  }

  get isSaving(): boolean {
    return this.running !== null;
  }
}
