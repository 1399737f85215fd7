import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';

/** What every repository needs: the connection, a clock and an id source. */
export interface RepoContext {
  db: Db;
  /** Milliseconds since the epoch: the clock behind now(); tests and the benchmark inject a simulated one. */
  clock(): number;
  /** ISO timestamp, strictly increasing within this backend (so "updated desc" orders saves made in one millisecond). */
  now(): string;
  /**
   * now(), but at least 1 ms after `previous` (a record's last timestamp): a record's times keep increasing even when
   * the system clock was set back (a hybrid logical clock per record).
   */
  nowAfter(previous: string | null | undefined): string;
  newId(): string;
}

/**
 * `since`: the latest timestamp already stored (createBackend passes the newest plan change), so times go on from it
 * even when the system clock is now behind it.
 */
export function createContext(db: Db, clock: () => number = Date.now, since?: string | null): RepoContext {
  let last = since ? Date.parse(since) || 0 : 0;
  const now = () => {
    last = Math.max(clock(), last + 1);
    return new Date(last).toISOString();
  };
  return {
    db,
    clock,
    now,
    nowAfter(previous) {
      const floor = previous ? Date.parse(previous) + 1 : NaN;
      if (Number.isFinite(floor) && floor > last) last = floor - 1;
      return now();
    },
    newId: () => randomUUID(),
  };
}
