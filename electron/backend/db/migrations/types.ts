/** A numbered schema step. Once released, a migration is frozen: change the schema with a new one. */
export interface Migration {
  /** 1, 2, 3 … in order, no gaps; stored in PRAGMA user_version after it ran. */
  version: number;
  name: string;
  /** Runs inside one transaction together with the user_version bump. */
  sql: string;
}
