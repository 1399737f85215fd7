import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';

/** What every repository needs: the connection, a clock and an id source. */
export interface RepoContext {
  db: Db;
  /** ISO timestamp, strictly increasing within this backend (so "updated desc" orders saves made in one millisecond). */
  now(): string;
  newId(): string;
}

export function createContext(db: Db): RepoContext {
  let last = 0;
  return {
    db,
    now() {
      last = Math.max(Date.now(), last + 1);
      return new Date(last).toISOString();
    },
    newId: () => randomUUID(),
  };
}
