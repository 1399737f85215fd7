/**
 * Nhiệm vụ figures on a store of 10,000 issued plans holding 100,000 tracked tasks (10 per plan: fixed dates over
 * 2023-2026, some ongoing, relative or quarterly; a third completed, some started, paused or cancelled), created
 * through the real issue path (the tracked-task sync), with budgets:
 * - taskList: task.list with the page's filters (status, body, plan, term, due range, words; 100 rows)  ≤ 30 ms p95
 * - summary: the dashboard's counts by status, due in the next 14 days, overdue by body                  ≤ 50 ms p95
 * Also reported: one task's detail, the per-plan timeline, the .xlsx of one plan's tasks, the once-a-day recompute of
 * the kept status columns, and a list for another day than today (computed in SQL).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { openDatabase } from '../../electron/backend/db/open';
import { createContext } from '../../electron/backend/repositories/context';
import { createPlansRepo } from '../../electron/backend/repositories/plans';
import { createRegisterRepo } from '../../electron/backend/repositories/register';
import { createTasksRepo } from '../../electron/backend/repositories/tasks';
import type { TaskListInput } from '../../shared/api/tasks';
import { PlanContent, type TaskDue } from '../../shared/model';
import { addDays } from '../../shared/tasks';
import { minimalContent } from '../../test/backend/fixtures/plans';
import { log, percentile, median, sample, ok } from './_stats';

export const budgets = { 'taskList.p95Ms': 30, 'summary.p95Ms': 50 };

const BODIES = ['Ban Tổ chức Huyện ủy', 'Ủy ban Kiểm tra Huyện ủy', 'Ban Tuyên giáo Huyện ủy', 'Văn phòng Huyện ủy', 'Ủy ban nhân dân huyện', 'Đảng ủy xã Bình Lư', 'Đảng ủy xã Bản Hon', 'Đảng ủy thị trấn'];
const VERBS = ['Tổ chức', 'Hướng dẫn', 'Kiểm tra', 'Tổng hợp', 'Tuyên truyền', 'Chuẩn bị', 'Theo dõi', 'Báo cáo'];
const OBJECTS = ['đại hội điểm chi bộ', 'công tác nhân sự', 'văn kiện đại hội', 'kết quả thực hiện Chỉ thị 35', 'việc phát triển đảng viên', 'công tác kiểm tra, giám sát', 'hội nghị sơ kết', 'bảo vệ chính trị nội bộ'];
const TODAY = '2025-06-15';

function dueFor(i: number): TaskDue {
  const k = i % 20;
  if (k === 0) return { dates: [], relative: '', source: 'manual', ongoing: true };
  if (k === 1) return { dates: [], relative: '', source: 'manual', every: 'quarter' };
  if (k === 2) return { dates: [], relative: 'chậm nhất 05 ngày sau khi kết thúc đại hội', source: 'manual' };
  return { dates: [addDays('2023-01-01', (i * 37) % 1400)], relative: '', source: 'manual' };
}

function contentOf(p: number): PlanContent {
  const tasks = Array.from({ length: 10 }, (_, k) => {
    const i = p * 10 + k;
    return { id: randomUUID(), text: `${VERBS[i % VERBS.length]} ${OBJECTS[(i * 3) % OBJECTS.length]} phối hợp với ${BODIES[(i + 3) % BODIES.length]} (${i})`, due: dueFor(i) };
  });
  const base = minimalContent({ term: p % 2 ? '2020-2025' : '2025-2030' });
  return PlanContent.parse({
    ...base,
    header: { ...base.header, number: String((p % 900) + 1), date: { day: 5, month: 1, year: 2023 } },
    body: [
      { kind: 'duty', id: randomUUID(), body: BODIES[p % BODIES.length], tasks: tasks.slice(0, 5) },
      { kind: 'duty', id: randomUUID(), body: BODIES[(p + 1) % BODIES.length], tasks: tasks.slice(5) },
    ],
  });
}

/** 10,000 issued plans with 10 tasks each, through the issue path's sync; then facts on a share of them. */
export function seedIssuedPlans(dataDir: string, plans: number): string[] {
  const { db } = openDatabase(dataDir);
  const [y, m, d] = TODAY.split('-').map(Number) as [number, number, number];
  const ctx = createContext(db, () => new Date(y, m - 1, d, 12).getTime());
  const tasks = createTasksRepo(ctx);
  const repo = createPlansRepo(ctx, { register: createRegisterRepo(ctx), defaultTerm: () => '2020-2025', onIssued: tasks.syncPlan });
  const ids: string[] = [];
  db.transaction(() => {
    for (let p = 0; p < plans; p++) {
      const id = randomUUID();
      ids.push(id);
      repo.writeRevision(id, contentOf(p), 'issued', 'issue');
    }
    // Facts: a third completed (some late), a share started, a few paused or cancelled.
    db.exec(`
      UPDATE tracked_tasks SET started_at = '2023-02-01' WHERE seq % 3 = 1;
      UPDATE tracked_tasks SET completed_at = coalesce(due_day, '2024-01-01'), started_at = '2023-02-01' WHERE seq % 3 = 0;
      UPDATE tracked_tasks SET completed_at = date(due_day, '+3 days') WHERE seq % 9 = 0 AND due_day IS NOT NULL;
      UPDATE tracked_tasks SET paused_at = '2025-03-01', pause_reason = 'Chờ hướng dẫn' WHERE seq % 50 = 7;
      UPDATE tracked_tasks SET cancelled_at = '2025-04-01', cancel_reason = 'Không còn phù hợp' WHERE seq % 97 = 5;
      UPDATE tracked_tasks SET event_date = '2025-06-01', due_day = '2025-06-06' WHERE due_kind = 'relative' AND seq % 2 = 0;
    `);
  })();
  db.close();
  return ids;
}

/** The kept status columns brought to day `first` (every row) then to `second` (a day later), in the background. */
export async function keptRefresh(dataDir: string, first: number, second: number): Promise<{ allMs: number; nextDayMs: number; longestBlockMs: number }> {
  const { db } = openDatabase(dataDir);
  let now = first;
  const tasks = createTasksRepo(createContext(db, () => now));
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
    if (running) setImmediate(tick);
  };
  try {
    setImmediate(tick);
    let t0 = performance.now();
    await tasks.refreshKept();
    const allMs = performance.now() - t0;
    now = second;
    t0 = performance.now();
    await tasks.refreshKept();
    const nextDayMs = performance.now() - t0;
    return { allMs, nextDayMs, longestBlockMs: longest };
  } finally {
    running = false;
    db.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-bench-tasks-'));
  try {
    log('tasks: seeding 10,000 issued plans, 100,000 tasks…');
    const started = performance.now();
    const planIds = seedIssuedPlans(dataDir, 10_000);
    log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The app's clock reads TODAY: lists and the dashboard for today read the kept status columns. They are brought
    // to a day in the background, a small transaction at a time: timed apart (every row, then a day later only the
    // rows whose status can change), with the longest the event loop was held by one transaction.
    const [y, m, d] = TODAY.split('-').map(Number) as [number, number, number];
    const kept = await keptRefresh(dataDir, new Date(y, m - 1, d - 1, 12).getTime(), new Date(y, m - 1, d, 12).getTime());
    const backend = createBackend({ dataDir, revisionScanDelayMs: null, clock: () => new Date(y, m - 1, d, 12).getTime() });
    try {
      const total = (await ok(backend.invoke('task.list', { on: TODAY, limit: 1 }))).total;
      if (total !== 100_000) throw new Error(`tracked ${total} tasks`);
      const filters: TaskListInput[] = [
        {},
        { statuses: ['overdue'] },
        { statuses: ['due_soon', 'not_started', 'in_progress'] },
        { statuses: ['done_late'], body: BODIES[2] },
        { body: BODIES[5] },
        { planId: planIds[4321] },
        { term: '2025-2030', statuses: ['overdue'] },
        { dueFrom: '2025-06-01', dueTo: '2025-06-30' },
        { search: 'dai hoi diem' },
        { search: 'kiem tra', statuses: ['overdue'] },
        { statuses: ['overdue'], offset: 2000 },
      ];
      // CPU time of each call too: on a machine shared with other work, wall time overstates it.
      const listCpu: number[] = [];
      const list = await sample(filters.length * 10, async (i) => {
        const cpu = process.cpuUsage();
        await ok(backend.invoke('task.list', { on: TODAY, limit: 100, ...filters[Math.abs(i) % filters.length] }));
        const used = process.cpuUsage(cpu);
        if (i >= 0) listCpu.push((used.user + used.system) / 1000);
      }, filters.length);
      const perFilter = filters.map((f) => ({ f, ms: 0 }));
      for (const pf of perFilter) {
        const t0 = performance.now();
        await ok(backend.invoke('task.list', { on: TODAY, limit: 100, ...pf.f }));
        pf.ms = performance.now() - t0;
      }
      log(`  task.list by filter (ms): ${perFilter.map((p) => `${JSON.stringify(p.f)} ${p.ms.toFixed(1)}`).join('; ')}`);
      const summaryCpu: number[] = [];
      const summary = await sample(20, async (i) => {
        const cpu = process.cpuUsage();
        await ok(backend.invoke('task.summary', { on: TODAY }));
        const used = process.cpuUsage(cpu);
        if (i >= 0) summaryCpu.push((used.user + used.system) / 1000);
      });
      const someTask = (await ok(backend.invoke('task.list', { on: TODAY, limit: 1, offset: 5000 }))).items[0]!.id;
      const get = await sample(30, () => ok(backend.invoke('task.get', { id: someTask, on: TODAY })));
      const timeline = await sample(10, () => ok(backend.invoke('task.timeline', { on: TODAY })));
      const xlsx = await sample(5, () => ok(backend.invoke('task.exportXlsx', { on: TODAY, planId: planIds[10] })), 1);
      // Another day than today computes every row's status in SQL (the CLI's --on, an export for a chosen day).
      const otherDay = await sample(5, () => ok(backend.invoke('task.list', { on: '2025-03-31', statuses: ['overdue'], limit: 100 })), 1);
      return {
        'taskList.p95Ms': percentile(list, 95),
        'taskList.medianMs': median(list),
        'summary.p95Ms': percentile(summary, 95),
        'summary.medianMs': median(summary),
        'taskList.cpuP95Ms': percentile(listCpu, 95),
        'summary.cpuP95Ms': percentile(summaryCpu, 95),
        'taskGet.medianMs': median(get),
        'timeline.medianMs': median(timeline),
        'exportXlsxOnePlan.medianMs': median(xlsx),
        'keptRefreshAllMs': kept.allMs,
        'keptRefreshNextDayMs': kept.nextDayMs,
        'keptRefreshLongestBlockMs': kept.longestBlockMs,
        'taskListOtherDayOverdue.medianMs': median(otherDay),
      };
    } finally {
      backend.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
