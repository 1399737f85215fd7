/**
 * Today's status kept in columns (status_today / due_today): when the day changes they are brought to it in the
 * background, a small transaction at a time, and reads meanwhile compute the status, so every answer is right and
 * none waits for the whole recompute. Only rows whose status can change are recomputed; the result equals a full
 * recompute on every day, forward and back, and a refresh cut short is redone whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { openDatabase, type Db } from '../../electron/backend/db/open';
import { createContext } from '../../electron/backend/repositories/context';
import { createTasksRepo } from '../../electron/backend/repositories/tasks';
import { dueSortSql, statusParams, statusSql } from '../../electron/backend/repositories/tasks/status-sql';
import { TaskListInput } from '../../shared/api/tasks';
import { addDays, taskStatus } from '../../shared/tasks';
import { issuedSeed } from './fixtures/tasks';
import { call, cleanup, tempDir } from './helpers';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
  cleanup();
});

const noon = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
};

/** A data folder holding seed 01 issued, with a few facts; its tracked task ids. */
async function seededFolder(): Promise<{ dir: string; ids: string[] }> {
  const dir = tempDir();
  const backend = createBackend({ dataDir: dir, clock: () => noon('2024-12-01') });
  try {
    const plan = await issuedSeed(backend);
    const { items } = await call(backend, 'task.list', { limit: 500 });
    const ids = items.map((t) => t.id);
    await call(backend, 'task.setState', { taskId: ids[0]!, action: 'start', date: '2025-01-05' });
    await call(backend, 'task.setState', { taskId: ids[1]!, action: 'complete', date: '2025-01-20' });
    await call(backend, 'task.setState', { taskId: ids[2]!, action: 'pause', date: '2025-01-10', reason: 'Chờ' });
    await call(backend, 'task.setState', { taskId: ids[3]!, action: 'cancel', date: '2025-01-12', reason: 'Thôi' });
    expect(plan.status).toBe('issued');
    return { dir, ids };
  } finally {
    backend.close();
  }
}

/** The tasks repository over `dir` with a clock the test moves. */
function repoAt(dir: string, day: string) {
  const { db } = openDatabase(dir);
  opened.push(db);
  const clock = { now: noon(day) };
  const repo = createTasksRepo(createContext(db, () => clock.now));
  return { db, repo, moveTo: (d: string) => (clock.now = noon(d)) };
}

const keptState = (db: Db) =>
  db.prepare('SELECT day, soon_days AS soonDays, refreshing_to AS refreshingTo FROM task_status_day').get() as
    | { day: string; soonDays: number; refreshingTo: string | null }
    | undefined;

/** Every row's kept columns differ from the status SQL for `day` (none when they are right). */
function keptWrong(db: Db, day: string, soonDays = 7) {
  return db
    .prepare(
      `SELECT t.id, t.status_today, ${statusSql()} AS computed, t.due_today, ${dueSortSql()} AS due FROM tracked_tasks t
       WHERE t.status_today IS NOT ${statusSql()} OR t.due_today IS NOT ${dueSortSql()}`,
    )
    .all(statusParams(day, soonDays));
}

describe('kept status columns', () => {
  it('a new day is answered at once and right while the columns are brought to it in the background', async () => {
    const { dir } = await seededFolder();
    const { db, repo, moveTo } = repoAt(dir, '2025-01-09');
    repo.list(TaskListInput.parse({}));
    await repo.refreshKept();
    expect(keptState(db)).toMatchObject({ day: '2025-01-09', refreshingTo: null });

    // The next day (a pilot unit falls due on 10/01): the first list computes, and the refresh is still under way.
    moveTo('2025-01-11');
    const first = repo.list(TaskListInput.parse({ limit: 500 }));
    expect(keptState(db)).toMatchObject({ day: '2025-01-09', refreshingTo: '2025-01-11' });
    for (const t of first.items) expect([t.id, t.status]).toEqual([t.id, taskStatus(t.facts, t.due, '2025-01-11', { periodsFrom: t.trackedFrom })]);
    expect(first.items.some((t) => t.status === 'overdue')).toBe(true);

    await repo.keptSettled();
    expect(keptState(db)).toMatchObject({ day: '2025-01-11', refreshingTo: null });
    expect(keptWrong(db, '2025-01-11')).toEqual([]);
    expect(repo.list(TaskListInput.parse({ limit: 500 })).items.map((t) => [t.id, t.status])).toEqual(first.items.map((t) => [t.id, t.status]));
  });

  it('recomputing only the rows that can change equals a full recompute on every day, forward and back', async () => {
    const { dir } = await seededFolder();
    const { db, repo, moveTo } = repoAt(dir, '2024-12-20');
    await repo.refreshKept();
    expect(keptWrong(db, '2024-12-20')).toEqual([]);
    for (const step of [1, 1, 5, 9, 3, 30, -7, -40, 100, 2]) {
      const day = addDays(keptState(db)!.day, step);
      moveTo(day);
      await repo.refreshKept();
      expect([day, keptState(db)]).toEqual([day, { day, soonDays: 7, refreshingTo: null }]);
      expect([day, keptWrong(db, day)]).toEqual([day, []]);
    }
  });

  it('a refresh cut short (rows of two days) is redone for every row', async () => {
    const { dir } = await seededFolder();
    const { db, repo } = repoAt(dir, '2025-02-01');
    await repo.refreshKept();
    // As if the app closed mid-way: some rows hold another day, the marker says a refresh was under way.
    db.exec(`UPDATE tracked_tasks SET status_today = 'done_on_time', due_today = '2000-01-01' WHERE seq % 2 = 0;
             UPDATE task_status_day SET refreshing_to = '2025-02-01', refreshing_soon = 7`);
    expect(keptWrong(db, '2025-02-01').length).toBeGreaterThan(0);
    expect(repo.list(TaskListInput.parse({ statuses: ['done_on_time'], limit: 500 })).items.every((t) => t.facts.completedAt)).toBe(true);
    await repo.refreshKept();
    expect(keptWrong(db, '2025-02-01')).toEqual([]);
  });

  it('a write while the columns are being brought to a day computes its row for that day', async () => {
    const { dir, ids } = await seededFolder();
    const { db, repo } = repoAt(dir, '2025-02-01');
    await repo.refreshKept();
    db.prepare(`UPDATE task_status_day SET refreshing_to = '2025-03-01', refreshing_soon = 7`).run();
    repo.setState({ taskId: ids[5]!, action: 'complete', date: '2025-02-20' });
    const row = db.prepare('SELECT status_today FROM tracked_tasks WHERE id = ?').get(ids[5]!) as { status_today: string };
    const onMarch = db.prepare(`SELECT ${statusSql()} FROM tracked_tasks t WHERE t.id = :id`).pluck().get({ ...statusParams('2025-03-01', 7), id: ids[5]! });
    expect(row.status_today).toBe(onMarch);
  });
});

describe('the "sắp đến hạn" window (Cài đặt)', () => {
  it('changing it changes the statuses of the list, the counts and one task', async () => {
    const dir = tempDir();
    const backend: Backend = createBackend({ dataDir: dir, clock: () => noon('2024-12-31') });
    opened.push(backend);
    await issuedSeed(backend);
    // Pilot unit 1 is due 10/01/2025: 10 days out.
    const unit = (await call(backend, 'task.list', { limit: 500 })).items.find((t) => t.dueDay === '2025-01-10')!;
    expect((await call(backend, 'task.get', { id: unit.id })).task.status).toBe('not_started');
    const before = (await call(backend, 'task.summary', {})).rollUp.byStatus.due_soon ?? 0;

    await call(backend, 'settings.set', { taskDueSoonDays: 14 });
    expect((await call(backend, 'task.get', { id: unit.id })).task.status).toBe('due_soon');
    const soon = await call(backend, 'task.list', { statuses: ['due_soon'], limit: 500 });
    expect(soon.items.map((t) => t.id)).toContain(unit.id);
    for (const t of soon.items) expect(t.dueDay! <= '2025-01-14').toBe(true);
    expect((await call(backend, 'task.summary', {})).rollUp.byStatus.due_soon).toBeGreaterThan(before);
    // A day asked for with its own window keeps it.
    expect((await call(backend, 'task.get', { id: unit.id, dueSoonDays: 7 })).task.status).toBe('not_started');
  });
});
