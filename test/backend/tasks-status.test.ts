/**
 * The status a list shows (computed in SQL for the day asked for) is taskStatus (shared/tasks/status.ts) on every
 * boundary, with a fixed "today" (the backend's clock): due today, due yesterday, completed on the due day, a day
 * late, paused, a relative deadline before and after its event date, recurring periods, ongoing, cancelled.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { SetStateInput, TaskItem } from '../../shared/api';
import type { PlanContentInput, TaskDue } from '../../shared/model';
import { addDays, taskStatus } from '../../shared/tasks';
import { minimalContent } from './fixtures/plans';
import { call, callError, cleanup, tempDir } from './helpers';

const TODAY = '2025-03-31';
const opened: Backend[] = [];
afterEach(() => {
  for (const b of opened.splice(0)) b.close();
  cleanup();
});

/** A backend whose clock reads noon of TODAY (local time). */
function backendAt(day = TODAY): Backend {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const b = createBackend({ dataDir: tempDir(), clock: () => new Date(y, m - 1, d, 12).getTime() });
  opened.push(b);
  return b;
}

const DUES: Record<string, TaskDue | null> = {
  dueToday: { dates: [TODAY], relative: '', source: 'manual' },
  dueYesterday: { dates: [addDays(TODAY, -1)], relative: '', source: 'manual' },
  dueInSeven: { dates: ['2025-01-15', addDays(TODAY, 7)], relative: '', source: 'manual' },
  dueInEight: { dates: [addDays(TODAY, 8)], relative: '', source: 'manual' },
  relative: { dates: [], relative: 'chậm nhất 03 ngày sau khi kết thúc đại hội', source: 'manual' },
  ongoing: { dates: [], relative: '', source: 'manual', ongoing: true },
  quarterly: { dates: [], relative: '', source: 'manual', every: 'quarter' },
  none: { dates: [], relative: '', source: 'manual' },
};

/** An issued plan (dated 05/11/2024) with one duty task per kind of deadline; the tasks by name. */
async function issuedWithDues(backend: Backend): Promise<Record<string, string>> {
  const ids = Object.fromEntries(Object.keys(DUES).map((k) => [k, randomUUID()]));
  const content: PlanContentInput = minimalContent({
    body: [
      {
        kind: 'duty',
        id: randomUUID(),
        body: 'Ban Tổ chức Huyện ủy',
        tasks: Object.entries(DUES).map(([k, due]) => ({ id: ids[k]!, text: `Nhiệm vụ ${k}`, due })),
      },
    ],
  });
  const draft = await call(backend, 'plan.save', { ...content, id: randomUUID(), baseRevision: null });
  await call(backend, 'plan.allocateNumber', { id: draft.id });
  await call(backend, 'plan.issue', { id: draft.id });
  return ids;
}

async function statusOn(backend: Backend, id: string, on?: string): Promise<TaskItem> {
  const { items } = await call(backend, 'task.list', { on, limit: 500 });
  const fromList = items.find((t) => t.id === id)!;
  // The list's SQL, one task's lookup and the pure rule agree.
  expect((await call(backend, 'task.get', { id, on })).task.status).toBe(fromList.status);
  expect(fromList.status).toBe(taskStatus(fromList.facts, fromList.due, on ?? TODAY, { periodsFrom: fromList.trackedFrom }));
  return fromList;
}

const set = (backend: Backend, input: SetStateInput) => call(backend, 'task.setState', input);

describe('task status on its boundaries (today 31/03/2025)', () => {
  it('due today and within 7 days is "Sắp đến hạn"; 8 days out is not; due yesterday is "Quá hạn"', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    expect((await statusOn(backend, ids.dueToday!)).status).toBe('due_soon');
    expect((await statusOn(backend, ids.dueInSeven!)).status).toBe('due_soon');
    expect((await statusOn(backend, ids.dueInEight!)).status).toBe('not_started');
    expect((await statusOn(backend, ids.dueYesterday!)).status).toBe('overdue');
    expect((await statusOn(backend, ids.dueYesterday!, addDays(TODAY, -1))).status).toBe('due_soon');
    expect((await statusOn(backend, ids.none!)).status).toBe('not_started');
    expect((await statusOn(backend, ids.ongoing!)).statusLabel).toBe('Thường xuyên');
    await set(backend, { taskId: ids.dueInEight!, action: 'start', date: '2025-03-20' });
    expect((await statusOn(backend, ids.dueInEight!)).status).toBe('in_progress');
    expect((await statusOn(backend, ids.dueInEight!, '2025-03-19')).status).toBe('not_started');
    // "Sắp đến hạn" counts 7 days unless asked otherwise.
    const wide = await call(backend, 'task.list', { dueSoonDays: 8, statuses: ['due_soon'], limit: 500 });
    expect(wide.items.map((t) => t.id)).toContain(ids.dueInEight);
  });

  it('completed on the due day is on time, a day late is late; a completion counts from its day on', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    await set(backend, { taskId: ids.dueYesterday!, action: 'complete', date: addDays(TODAY, -1) });
    expect((await statusOn(backend, ids.dueYesterday!)).statusLabel).toBe('Hoàn thành đúng hạn');
    await set(backend, { taskId: ids.dueToday!, action: 'complete', date: addDays(TODAY, 1) });
    expect((await statusOn(backend, ids.dueToday!, addDays(TODAY, 1))).statusLabel).toBe('Hoàn thành quá hạn');
    expect((await statusOn(backend, ids.dueToday!)).status).toBe('due_soon');
    await set(backend, { taskId: ids.dueToday!, action: 'reopen' });
    expect((await statusOn(backend, ids.dueToday!, addDays(TODAY, 1))).status).toBe('overdue');
  });

  it('paused from its day until resumed; cancelled from its day', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    await set(backend, { taskId: ids.dueYesterday!, action: 'pause', date: '2025-03-25', reason: 'Chờ hướng dẫn của Tỉnh ủy' });
    expect((await statusOn(backend, ids.dueYesterday!)).statusLabel).toBe('Tạm dừng');
    expect((await statusOn(backend, ids.dueYesterday!, '2025-03-24')).status).toBe('due_soon');
    await set(backend, { taskId: ids.dueYesterday!, action: 'resume' });
    expect((await statusOn(backend, ids.dueYesterday!)).status).toBe('overdue');
    await set(backend, { taskId: ids.ongoing!, action: 'cancel', date: TODAY, reason: 'Không còn phù hợp' });
    expect((await statusOn(backend, ids.ongoing!)).statusLabel).toBe('Hủy');
    expect((await statusOn(backend, ids.ongoing!, addDays(TODAY, -1))).status).toBe('ongoing');
  });

  it('a relative deadline has no due day before its event date is entered, and counts from it after', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    expect(await statusOn(backend, ids.relative!)).toMatchObject({ status: 'not_started', dueDay: null });
    await set(backend, { taskId: ids.relative!, action: 'eventDate', date: '2025-03-26' });
    // Due 29/03: overdue today; on the event day itself it falls due in 3 days.
    expect(await statusOn(backend, ids.relative!)).toMatchObject({ status: 'overdue', dueDay: '2025-03-29' });
    expect((await statusOn(backend, ids.relative!, '2025-03-26')).status).toBe('due_soon');
    // Before the event date was reached the deadline was not known yet.
    expect(await statusOn(backend, ids.relative!, '2025-03-25')).toMatchObject({ status: 'not_started', dueDay: null });
    expect((await call(backend, 'task.list', { statuses: ['overdue'], limit: 500 })).items.map((t) => t.id)).toContain(ids.relative);
  });

  it('a recurring task shows its current period; a missed earlier period makes it overdue', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    // Tracked from 31/03/2025: Quý I ends today.
    expect(await statusOn(backend, ids.quarterly!)).toMatchObject({ status: 'due_soon', dueDay: '2025-03-31' });
    expect((await statusOn(backend, ids.quarterly!, '2025-04-01')).status).toBe('overdue');
    await set(backend, { taskId: ids.quarterly!, action: 'complete', date: TODAY, period: '2025-Q1' });
    expect((await statusOn(backend, ids.quarterly!)).status).toBe('done_on_time');
    expect(await statusOn(backend, ids.quarterly!, '2025-04-01')).toMatchObject({ status: 'not_started', dueDay: '2025-06-30' });
    expect((await statusOn(backend, ids.quarterly!, '2025-07-01')).status).toBe('overdue');
    const periods = (await call(backend, 'task.get', { id: ids.quarterly!, on: '2025-07-01' })).periods;
    expect(periods.map((p) => [p.label, p.statusLabel])).toEqual([
      ['Quý I/2025', 'Hoàn thành đúng hạn'],
      ['Quý II/2025', 'Quá hạn'],
      ['Quý III/2025', 'Chưa thực hiện'],
    ]);
  });

  it('every kind on every day from a week before to a week after agrees with taskStatus', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    await set(backend, { taskId: ids.dueInSeven!, action: 'pause', date: '2025-04-02', reason: 'Chờ' });
    await set(backend, { taskId: ids.dueToday!, action: 'start', date: '2025-03-28' });
    await set(backend, { taskId: ids.relative!, action: 'eventDate', date: '2025-03-30' });
    for (let k = -7; k <= 9; k++) {
      const on = addDays(TODAY, k);
      const { items } = await call(backend, 'task.list', { on, limit: 500 });
      for (const t of items) expect([on, t.text, t.status]).toEqual([on, t.text, taskStatus(t.facts, t.due, on, { periodsFrom: t.trackedFrom })]);
      for (const code of new Set(items.map((t) => t.status))) {
        const filtered = await call(backend, 'task.list', { on, statuses: [code], limit: 500 });
        expect(filtered.items.map((t) => t.id).sort()).toEqual(items.filter((t) => t.status === code).map((t) => t.id).sort());
      }
    }
  });
});

describe('bad facts are refused with the field named, nothing written', () => {
  it('a completion before the plan’s date (05/11/2024)', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    const err = await callError(backend, 'task.setState', { taskId: ids.dueToday, action: 'complete', date: '2024-11-04' });
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['date'] }] });
    expect(err.message).toBe('Ngày hoàn thành (04/11/2024) trước ngày của kế hoạch (05/11/2024).');
    expect((await statusOn(backend, ids.dueToday!)).facts.completedAt).toBeNull();
  });

  it('a report or a completion on a cancelled task', async () => {
    const backend = backendAt();
    const ids = await issuedWithDues(backend);
    await set(backend, { taskId: ids.none!, action: 'cancel', date: TODAY, reason: 'Không thực hiện nữa' });
    const report = await callError(backend, 'task.addReport', { taskId: ids.none, date: TODAY, text: 'Đã làm' });
    expect(report).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['taskId'] }] });
    expect(report.message).toMatch(/đã hủy/);
    expect((await callError(backend, 'task.setState', { taskId: ids.none, action: 'complete', date: TODAY })).code).toBe('VALIDATION');
    expect((await call(backend, 'task.get', { id: ids.none! })).reports).toEqual([]);
  });
});
