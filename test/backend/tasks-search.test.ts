/**
 * Word search in the task list: the words are looked up once in the FTS index; few matches are fetched by seq, many are
 * kept by a map of matched seqs while an index is walked in due order. Whichever way a search goes, its page and
 * total equal the straightforward query (the words' matches, the status computed in SQL, every row sorted by due day),
 * for today (kept status columns) and another day (status computed), with status, body and term filters and pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/backend/db/open';
import { createContext } from '../../electron/backend/repositories/context';
import { createTasksRepo, seqMap, seqsOf } from '../../electron/backend/repositories/tasks';
import { dueSortSql, statusParams, statusSql } from '../../electron/backend/repositories/tasks/status-sql';
import { ftsQuery } from '../../electron/backend/repositories/plan-index';
import { TaskListInput } from '../../shared/api/tasks';
import type { TaskStatusCode } from '../../shared/tasks';
import { seedIssuedPlans } from '../../scripts/bench/tasks';
import { cleanup, tempDir } from './helpers';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
  cleanup();
});

const TODAY = '2025-06-15';
const noon = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
};

/** The straightforward answer: every row the words match and the filters keep, sorted by due day, then the page. */
function straightforward(db: Db, f: { search: string; statuses?: TaskStatusCode[]; body?: string; term?: string; on: string; offset: number; limit: number }) {
  const where = ['t.seq IN (SELECT rowid FROM tracked_tasks_fts WHERE tracked_tasks_fts MATCH :words)', 't.removed_from_plan = 0'];
  const params: Record<string, unknown> = { ...statusParams(f.on, 7), words: ftsQuery(f.search) };
  if (f.statuses) {
    where.push(`${statusSql()} IN (SELECT value FROM json_each(:statuses))`);
    params.statuses = JSON.stringify(f.statuses);
  }
  if (f.body) {
    where.push('t.body = :body');
    params.body = f.body;
  }
  if (f.term) {
    where.push('t.term = :term');
    params.term = f.term;
  }
  const ids = db
    .prepare(`SELECT t.id FROM tracked_tasks t WHERE ${where.join(' AND ')} ORDER BY ${dueSortSql()}, t.seq`)
    .pluck()
    .all(params) as string[];
  return { total: ids.length, ids: ids.slice(f.offset, f.offset + f.limit) };
}

describe('word search in the task list', () => {
  it('reads the matched seqs back exactly, and refuses what is not a list of seqs', () => {
    expect(seqsOf('')).toEqual([]);
    expect(seqsOf('3,6,7,100000')).toEqual([3, 6, 7, 100000]);
    expect(seqsOf('3,-6')).toBeNull();
    expect(seqsOf('3,,6')).toBeNull();
    expect(seqsOf('3,')).toBeNull();
    expect([...seqMap([1, 3])!]).toEqual([0, 1, 0, 1]);
    expect(seqMap([2 ** 40])).toBeNull();
  });

  it('gives the same page and total by the seq map, by seq, and as the straightforward query', async () => {
    const dir = tempDir();
    seedIssuedPlans(dir, 40); // 400 tasks, 10 per plan
    const { db } = openDatabase(dir);
    opened.push(db);
    const ctx = createContext(db, () => noon(TODAY));
    const mapped = createTasksRepo(ctx, { fewMatches: 0 });
    const bySeq = createTasksRepo(ctx, { fewMatches: 1_000_000 });
    await mapped.refreshKept();
    const filters = [
      { search: 'kiem tra' },
      { search: 'kiem tra', statuses: ['overdue'] as TaskStatusCode[] },
      { search: 'kiem tra', statuses: ['overdue'] as TaskStatusCode[], offset: 7, limit: 5 },
      { search: 'dai hoi', statuses: ['done_late', 'due_soon', 'not_started', 'in_progress'] as TaskStatusCode[] },
      { search: 'to chuc', body: 'Ban Tổ chức Huyện ủy' },
      { search: 'bao c', term: '2025-2030', statuses: ['ongoing', 'overdue'] as TaskStatusCode[] },
      { search: 'khong co tu nay' },
    ];
    let nonEmpty = 0;
    for (const on of [TODAY, '2024-03-31']) {
      for (const f of filters) {
        const input = { on, offset: 0, limit: 100, ...f };
        const want = straightforward(db, input);
        if (want.total) nonEmpty++;
        for (const repo of [mapped, bySeq]) {
          const got = repo.list(TaskListInput.parse(input) as Parameters<typeof repo.list>[0]);
          expect({ total: got.total, ids: got.items.map((t) => t.id) }, `${JSON.stringify(input)}`).toEqual(want);
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(8);
  }, 60_000);
});
