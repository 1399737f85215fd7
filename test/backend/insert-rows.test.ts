/** Many rows in a few multi-row statements (db/insert-rows.ts): every row, in order, whatever the count. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rowInserter } from '../../electron/backend/db/insert-rows';

describe('rowInserter', () => {
  it('inserts every row in its order for counts around the chunk sizes, with NULLs, numbers and blobs', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY, a TEXT, b INTEGER, c BLOB)');
      type Row = { a: string | null; b: number; c: Buffer | null };
      const insert = rowInserter<Row>(db, 't', ['a', 'b', 'c'], (r) => [r.a, r.b, r.c]);
      for (const count of [0, 1, 2, 3, 1023, 1024, 1025, 3001]) {
        db.exec('DELETE FROM t');
        const rows: Row[] = Array.from({ length: count }, (_, i) => ({ a: i % 7 ? `dòng ${i}` : null, b: i, c: i % 5 ? null : Buffer.from([i % 256]) }));
        insert.insert(rows);
        const back = db.prepare('SELECT a, b, c FROM t ORDER BY seq').all() as Row[];
        expect(back.length).toBe(count);
        expect(back).toEqual(rows);
      }
    } finally {
      db.close();
    }
  });

  it('keeps a chunk within the bound-parameter limit for a wide table', () => {
    const db = new Database(':memory:');
    try {
      const columns = Array.from({ length: 40 }, (_, i) => `c${i}`);
      db.exec(`CREATE TABLE w (${columns.join(', ')})`);
      const insert = rowInserter<number>(db, 'w', columns, (n) => columns.map((_, i) => n * 100 + i));
      insert.insert(Array.from({ length: 2000 }, (_, n) => n));
      expect(db.prepare('SELECT count(*) FROM w').pluck().get()).toBe(2000);
      expect(db.prepare('SELECT sum(c39) FROM w').pluck().get()).toBe(Array.from({ length: 2000 }, (_, n) => n * 100 + 39).reduce((a, b) => a + b, 0));
    } finally {
      db.close();
    }
  });
});
