/**
 * Revisions written in bulk (a package's plans) are stored without compression (db/content-codec.ts
 * BULK_CONTENT_LEVEL): deflating a thousand plans would add a tenth to the import. They are compressed here
 * afterwards, in the background, a few revisions per turn of the event loop, each step in its own transaction: the
 * revisions a bulk write asked for (`request`), and any the revision scan finds after a restart (`compactRow`).
 * A revision is rewritten only when intact, smaller compressed, and unchanged since it was read (same checksum).
 */
import { CONTENT_LEVEL, contentChecksum, encodeContent, isStoredOnly, readContent } from '../../db/content-codec';
import type { Db } from '../../db/open';

/** Revisions compressed per step (about half a millisecond each). */
const STEP = 50;

export interface StoredRevision {
  rowid: number;
  content: Buffer;
  checksum: number | null;
}

export function createCompaction(db: Db) {
  const st = {
    read: db.prepare<[string, number], StoredRevision>('SELECT rowid, content, checksum FROM plan_revisions WHERE plan_id = ? AND revision = ?'),
    write: db.prepare<[Buffer, number, number, number]>('UPDATE plan_revisions SET content = ?, checksum = ? WHERE rowid = ? AND checksum = ?'),
  };

  /** Compress one revision now when it is stored uncompressed and intact; true when it was rewritten. */
  function compactRow(row: StoredRevision): boolean {
    if (row.checksum === null || !isStoredOnly(row.content)) return false;
    const json = readContent(row.content, row.checksum);
    if (json === null) return false;
    const packed = encodeContent(json, CONTENT_LEVEL);
    if (packed.length >= row.content.length) return false;
    return st.write.run(packed, contentChecksum(packed), row.rowid, row.checksum).changes > 0;
  }

  const waiting: { planId: string; revision: number }[] = [];
  let scheduled = false;

  const step = db.transaction((batch: readonly { planId: string; revision: number }[]) => {
    for (const { planId, revision } of batch) {
      const row = st.read.get(planId, revision);
      if (row) compactRow(row);
    }
  });

  function run(): void {
    scheduled = false;
    if (!db.open) return void waiting.splice(0);
    try {
      step.immediate(waiting.splice(0, STEP));
    } catch (err) {
      // Busy or read-only: the revisions stay stored as they are (readable), and the next scan tries again.
      waiting.splice(0);
      process.stderr.write(`Compacting imported revisions failed: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    if (waiting.length) schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  }

  /** Compress this revision in the background (asked inside the write's transaction; runs after it). */
  function request(planId: string, revision: number): void {
    waiting.push({ planId, revision });
    schedule();
  }

  return { request, compactRow };
}
export type Compaction = ReturnType<typeof createCompaction>;
