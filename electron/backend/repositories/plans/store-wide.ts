/**
 * Reads over every plan that the backend needs outside the plans repository: the backups (is any plan secret?) and the
 * clock of a freshly opened store (the newest time stored). They take the connection, since a backup may read another
 * one than the open store's.
 */
import type { Db } from '../../db/open';

/** Any readable revision of any plan carries a secrecy mark (MẬT, TỐI MẬT, TUYỆT MẬT); a damaged one is skipped. */
export function hasSecretPlans(db: Db): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM plan_revisions WHERE damaged_at IS NULL
           AND IFNULL(json_extract(kh_read(content, checksum), '$.header.secrecy'), '') <> '' LIMIT 1`,
      )
      .get() !== undefined
  );
}

/** The newest time stored for a plan: a clock set back since then does not make new changes sort before it. */
export const latestPlanChange = (db: Db): string | null =>
  (db.prepare('SELECT max(updated_at) FROM plans').pluck().get() as string | null | undefined) ?? null;
