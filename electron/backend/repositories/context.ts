import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';

/** What every repository needs: the connection, a clock and an id source. */
export interface RepoContext {
  db: Db;
  /** Milliseconds since the epoch: the clock behind now(); tests and the benchmark inject a simulated one. */
  clock(): number;
  /** ISO timestamp, strictly increasing within this backend (so "updated desc" orders saves made in one millisecond). */
  now(): string;
  newId(): string;
}

export function createContext(db: Db, clock: () => number = Date.now): RepoContext {
  let last = 0;
  return {
    db,
    clock,
    now() {
      last = Math.max(clock(), last + 1);
      return new Date(last).toISOString();
    },
    newId: () => randomUUID(),
  };
}
