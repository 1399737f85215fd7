import type { Db } from '../open';

/**
 * A numbered schema step: SQL, or code (`up`) for the data moves SQL cannot express. Once released, a migration is
 * frozen (test/backend/migrations-frozen.test.ts): change the schema with a new one. Either form runs inside one
 * IMMEDIATE transaction together with the user_version bump, and may only add tables, columns and indexes
 * (test/backend/schema-guard.test.ts).
 */
export type Migration = {
  /** 1, 2, 3 … in order, no gaps; stored in PRAGMA user_version after it ran. */
  version: number;
  name: string;
} & ({ sql: string; up?: never } | { up: (db: Db) => void; sql?: never });
