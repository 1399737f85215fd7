/**
 * A tracked task's status for a day, in SQL, so a list can filter, count and page by status at 100,000 tasks.
 * The CASE below is shared/tasks/status.ts `taskStatus` over the stored fact columns for every kind of deadline but a
 * recurring one; a recurring task (few, with per-period facts) calls `taskStatus` itself through the SQL function
 * kh_task_status. test/backend/tasks-status-sql.test.ts checks the two agree on every boundary.
 */
import type { TaskDue } from '../../../../shared/model';
import { addDays, periodContaining } from '../../../../shared/tasks/deadline';
import { taskStatus, TaskFacts, type PeriodFacts } from '../../../../shared/tasks/status';
import type { Db } from '../../db/open';

/** The fact columns of a tracked_tasks row. */
export interface FactColumns {
  started_at: string | null;
  completed_at: string | null;
  paused_at: string | null;
  pause_reason: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  removed_from_plan: number;
  event_date: string | null;
  periods: string;
}

/** The TaskFacts a row stores. */
export function factsOf(row: FactColumns): TaskFacts {
  return {
    startedAt: row.started_at,
    completedAt: row.completed_at,
    paused: row.paused_at ? { at: row.paused_at, reason: row.pause_reason ?? '' } : null,
    cancelled: row.cancelled_at ? { at: row.cancelled_at, reason: row.cancel_reason ?? '', removedFromPlan: row.removed_from_plan === 1 } : null,
    eventDate: row.event_date,
    periods: JSON.parse(row.periods) as PeriodFacts[],
  };
}

/** The parameters the status expression reads: the day, and the last day that is still "sắp đến hạn". */
export interface StatusParams {
  on: string;
  soonDay: string;
  /** The day's quarter, half-year and year end: a recurring task's current due day. */
  qEnd: string;
  hEnd: string;
  yEnd: string;
  soonDays: number;
}

export function statusParams(on: string, dueSoonDays: number): StatusParams {
  return {
    on,
    soonDay: addDays(on, dueSoonDays),
    qEnd: periodContaining('quarter', on).end,
    hEnd: periodContaining('half-year', on).end,
    yEnd: periodContaining('year', on).end,
    soonDays: dueSoonDays,
  };
}

/** The due day on :on of a fixed or relative deadline (a relative one counts once its event date is by :on). */
const effectiveDue = (t: string) =>
  `(CASE WHEN ${t}.due_kind = 'relative' AND (${t}.event_date IS NULL OR ${t}.event_date > :on) THEN NULL ELSE ${t}.due_day END)`;

/** The day a task falls due on :on, for sorting and the due range: a recurring task's current period end. */
export const dueOnSql = (t = 't') =>
  `(CASE WHEN ${t}.due_kind = 'recurring' THEN (CASE json_extract(${t}.due, '$.every') WHEN 'quarter' THEN :qEnd WHEN 'half-year' THEN :hEnd ELSE :yEnd END) ELSE ${effectiveDue(t)} END)`;

/** dueOnSql for sorting: '~' (after every date) when the task has no due day. */
export const dueSortSql = (t = 't') => `coalesce(${dueOnSql(t)}, '~')`;

/** The status code of tracked task `t` on :on. */
export const statusSql = (t = 't') => {
  const due = effectiveDue(t);
  return `(CASE
  WHEN ${t}.due_kind = 'recurring' THEN kh_task_status(${t}.due, ${t}.started_at, ${t}.completed_at, ${t}.paused_at, ${t}.cancelled_at, ${t}.periods, ${t}.tracked_from, :on, :soonDays)
  WHEN ${t}.cancelled_at <= :on THEN 'cancelled'
  WHEN ${t}.completed_at <= :on THEN (CASE WHEN ${due} IS NOT NULL AND ${t}.completed_at > ${due} THEN 'done_late' ELSE 'done_on_time' END)
  WHEN ${t}.paused_at <= :on THEN 'paused'
  WHEN ${t}.due_kind = 'ongoing' THEN 'ongoing'
  WHEN ${due} < :on THEN 'overdue'
  WHEN ${due} <= :soonDay THEN 'due_soon'
  WHEN ${t}.started_at <= :on THEN 'in_progress'
  ELSE 'not_started'
END)`;
};

/** kh_task_status: taskStatus for a recurring task's row (its facts relevant to periods). */
export function registerTaskStatusFunction(db: Db): void {
  db.function(
    'kh_task_status',
    { deterministic: true },
    (due: unknown, startedAt: unknown, completedAt: unknown, pausedAt: unknown, cancelledAt: unknown, periods: unknown, from: unknown, on: unknown, soon: unknown) => {
      const facts: TaskFacts = {
        startedAt: startedAt as string | null,
        completedAt: completedAt as string | null,
        paused: pausedAt ? { at: pausedAt as string, reason: '-' } : null,
        cancelled: cancelledAt ? { at: cancelledAt as string, reason: '-', removedFromPlan: false } : null,
        eventDate: null,
        periods: JSON.parse(periods as string) as PeriodFacts[],
      };
      return taskStatus(facts, JSON.parse(due as string) as TaskDue, on as string, { dueSoonDays: Number(soon), periodsFrom: from as string });
    },
  );
}
