import { crc32, inflateRawSync } from 'node:zlib';
import type { Migration } from './types';

/**
 * Each revision gets the CRC-32 of its stored (raw-deflated) content, so a damaged blob is found before it is
 * inflated, and a mark for a revision found damaged and set aside (damaged_at). Existing revisions are checked once
 * here: a blob that inflates to JSON gets its checksum, one that does not is marked damaged now. Self-contained (no
 * import from the codec) so that later changes there cannot change what this step did.
 */
export const migration005: Migration = {
  version: 5,
  name: 'revision-checksums',
  up(db) {
    db.exec(`
ALTER TABLE plan_revisions ADD COLUMN checksum INTEGER;
ALTER TABLE plan_revisions ADD COLUMN damaged_at TEXT;
`);
    const page = db.prepare<[number], { rowid: number; content: Buffer }>(
      'SELECT rowid, content FROM plan_revisions WHERE rowid > ? ORDER BY rowid LIMIT 200',
    );
    const setChecksum = db.prepare<[number, number]>('UPDATE plan_revisions SET checksum = ? WHERE rowid = ?');
    const setDamaged = db.prepare<[string, number]>('UPDATE plan_revisions SET damaged_at = ? WHERE rowid = ?');
    const now = new Date().toISOString();
    let after = 0;
    for (;;) {
      const rows = page.all(after);
      if (!rows.length) break;
      for (const row of rows) {
        after = row.rowid;
        let intact: boolean;
        try {
          JSON.parse(inflateRawSync(row.content).toString('utf8'));
          intact = true;
        } catch {
          intact = false;
        }
        if (intact) setChecksum.run(crc32(row.content), row.rowid);
        else setDamaged.run(now, row.rowid);
      }
    }
  },
};
