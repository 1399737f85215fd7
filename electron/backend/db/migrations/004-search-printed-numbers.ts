import { parseContent } from '../../repositories/plans/store';
import { searchText } from '../../repositories/plan-index';
import type { Migration } from './types';

/**
 * A data move in code: rebuild the search text of every plan from its current content. Earlier versions indexed the
 * number as typed ("5-KH/HU"), so a search for the printed "05-KH" missed it; the index now holds the number as
 * printed. Plans are read one at a time (a store of thousands of plans never sits in memory at once).
 */
export const migration004: Migration = {
  version: 4,
  name: 'search-printed-numbers',
  up(db) {
    const seqs = db.prepare<[], number>('SELECT seq FROM plans ORDER BY seq').pluck().all();
    const current = db
      .prepare<[number], string>('SELECT kh_inflate(r.content) FROM plans p JOIN plan_revisions r ON r.plan_id = p.id AND r.revision = p.revision WHERE p.seq = ?')
      .pluck();
    const remove = db.prepare<[number]>('DELETE FROM plans_fts WHERE rowid = ?');
    const insert = db.prepare<[number, string]>('INSERT INTO plans_fts (rowid, text) VALUES (?, ?)');
    for (const seq of seqs) {
      const json = current.get(seq);
      if (json === undefined) continue;
      remove.run(seq);
      insert.run(seq, searchText(parseContent(json)));
    }
  },
};
