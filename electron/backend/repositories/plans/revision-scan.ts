/**
 * The revision scan: every stored revision checked against its checksum (db/content-codec.ts). A damaged one is
 * marked (damaged_at) so the history names it and the plan reopens at its newest intact revision (store.ts). Runs in
 * the background after the store opens, a page of rows per turn of the event loop, and on demand (backup verify).
 * In the background it also compresses the revisions a bulk write left uncompressed when the app closed before its
 * compaction did (compaction.ts).
 */
import { isStoredOnly, readContent } from '../../db/content-codec';
import { createCompaction } from './compaction';
import type { Db } from '../../db/open';
import { isReadOnlyError } from '../../errors';

export interface DamagedRevision {
  planId: string;
  revision: number;
  savedAt: string;
  /** The plan's trích yếu as the revision's row holds it (the list column, readable without the damaged blob). */
  trichYeu: string;
}

export interface RevisionScanReport {
  checked: number;
  damaged: DamagedRevision[];
}

const PAGE = 200;

type ScanRow = { rowid: number; plan_id: string; revision: number; saved_at: string; trich_yeu: string; content: Buffer; checksum: number | null; damaged_at: string | null };

function prepareScan(db: Db) {
  return {
    page: db.prepare<[number, number], ScanRow>(
      'SELECT rowid, plan_id, revision, saved_at, trich_yeu, content, checksum, damaged_at FROM plan_revisions WHERE rowid > ? ORDER BY rowid LIMIT ?',
    ),
    mark: db.prepare<[string, number]>('UPDATE plan_revisions SET damaged_at = ? WHERE rowid = ? AND damaged_at IS NULL'),
  };
}

/**
 * Check one page of rows after `after`; returns the last rowid seen, or null at the end. `stored` takes the intact
 * rows still stored uncompressed.
 */
function scanPage(db: Db, st: ReturnType<typeof prepareScan>, after: number, report: RevisionScanReport, now: () => string, stored?: ScanRow[]): number | null {
  const rows = st.page.all(after, PAGE);
  if (!rows.length) return null;
  const found: ScanRow[] = [];
  for (const row of rows) {
    report.checked++;
    if (row.damaged_at !== null || readContent(row.content, row.checksum) === null) found.push(row);
    else if (stored && isStoredOnly(row.content)) stored.push(row);
  }
  for (const row of found) {
    report.damaged.push({ planId: row.plan_id, revision: row.revision, savedAt: row.saved_at, trichYeu: row.trich_yeu });
    if (row.damaged_at !== null) continue;
    try {
      st.mark.run(now(), row.rowid);
    } catch (err) {
      if (!isReadOnlyError(err)) throw err;
    }
  }
  return rows[rows.length - 1]!.rowid;
}

/** Check every revision now; damaged ones (found now or before) are reported and marked. */
export function scanRevisions(db: Db, now: () => string = () => new Date().toISOString()): RevisionScanReport {
  const st = prepareScan(db);
  const report: RevisionScanReport = { checked: 0, damaged: [] };
  let after: number | null = 0;
  while (after !== null) after = scanPage(db, st, after, report, now);
  return report;
}

/**
 * The same scan off the hot path: one page per setImmediate turn, so calls are answered in between. `stopped()`
 * ends it early (the store closed); resolves with the report, or null when stopped.
 */
export function scanRevisionsInBackground(db: Db, now: () => string, stopped: () => boolean): Promise<RevisionScanReport | null> {
  const st = prepareScan(db);
  const report: RevisionScanReport = { checked: 0, damaged: [] };
  const compaction = createCompaction(db);
  const compact = db.transaction((rows: readonly ScanRow[]) => rows.forEach((row) => compaction.compactRow(row)));
  return new Promise((resolve, reject) => {
    const step = (after: number) => {
      if (stopped()) return resolve(null);
      try {
        const stored: ScanRow[] = [];
        const next = scanPage(db, st, after, report, now, stored);
        if (stored.length) {
          try {
            compact.immediate(stored);
          } catch {
            // Busy or read-only: they stay readable as they are, and the next start tries again.
          }
        }
        if (next === null) resolve(report);
        else setImmediate(step, next);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    step(0);
  });
}
