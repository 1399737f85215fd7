/**
 * A task's status, computed for a given day from the facts it stores. Only facts are stored (started, completed,
 * paused, cancelled, the relative deadline's event date, each recurring period's progress); the status is never
 * stored, so it is right on whatever day it is asked for ("--on 2025-03-31"). A fact dated after that day is not yet
 * true on it.
 */
import { z } from 'zod';
import { isoDate, requiredText } from '../model/common';
import type { TaskDue } from '../model/plan';
import { daysBetween, deadlineOf, periodContaining, periodsOf, type Period } from './deadline';
import { TASK_STATUS_CODES } from './status-codes';

export const TaskStatusCode = z.enum(TASK_STATUS_CODES);
export type TaskStatusCode = z.infer<typeof TaskStatusCode>;

const reason = requiredText(2000);

/** Progress of one period of a recurring task, under its period key ("2025-Q1", "2025-H2", "2025"). */
export const PeriodFacts = z.object({
  key: z.string().regex(/^\d{4}(?:-Q[1-4]|-H[12])?$/, { message: 'Kỳ phải có dạng 2025, 2025-H1 hoặc 2025-Q1' }),
  startedAt: isoDate.nullable().default(null),
  completedAt: isoDate.nullable().default(null),
});
export type PeriodFacts = z.infer<typeof PeriodFacts>;

/** What a task stores about its progress: facts with their days, never a status. */
export const TaskFacts = z.object({
  startedAt: isoDate.nullable().default(null),
  completedAt: isoDate.nullable().default(null),
  /** Paused since `at`; cleared when work resumes. */
  paused: z.object({ at: isoDate, reason }).nullable().default(null),
  /** Cancelled on `at`; `removedFromPlan` when a reissued plan no longer holds the task ("Hủy (bỏ khỏi kế hoạch)"). */
  cancelled: z.object({ at: isoDate, reason, removedFromPlan: z.boolean().default(false) }).nullable().default(null),
  /** The day the relative deadline's event took place ("kết thúc đại hội"), once entered. */
  eventDate: isoDate.nullable().default(null),
  /** A recurring task's progress, one entry per period. */
  periods: z.array(PeriodFacts).max(1000).default([]),
});
export type TaskFacts = z.infer<typeof TaskFacts>;
export type TaskFactsInput = z.input<typeof TaskFacts>;

export interface StatusOptions {
  /** "Sắp đến hạn" when the due day is at most this many days away (0: due today). */
  dueSoonDays?: number;
  /**
   * For a recurring task: the first day it is tracked from (the plan's issue). An unfinished earlier period then
   * makes the task "Quá hạn"; without it the task shows its current period.
   */
  periodsFrom?: string;
}

const DUE_SOON_DAYS = 7;

/** A fact counts on `today` when it has a day no later than today. */
const by = (day: string | null | undefined, today: string): day is string => day != null && day <= today;

/** The status against one due day (null: no due day known) from the start and completion days. */
function againstDue(due: string | null, startedAt: string | null, completedAt: string | null, today: string, soon: number): TaskStatusCode {
  if (by(completedAt, today)) return due != null && completedAt > due ? 'done_late' : 'done_on_time';
  if (due != null) {
    const left = daysBetween(today, due);
    if (left < 0) return 'overdue';
    if (left <= soon) return 'due_soon';
  }
  return by(startedAt, today) ? 'in_progress' : 'not_started';
}

function periodStatus(p: Period, facts: TaskFacts, today: string, soon: number): TaskStatusCode {
  const own = facts.periods.find((x) => x.key === p.key);
  const completedAt = own?.completedAt ?? null;
  if (by(completedAt, today)) return againstDue(p.due, null, completedAt, today, soon);
  // A pause or a cancellation reaches the periods still open on its day; those already missed stay missed.
  if (by(facts.cancelled?.at, today) && p.due >= facts.cancelled.at) return 'cancelled';
  if (by(facts.paused?.at, today) && p.due >= facts.paused.at) return 'paused';
  if (p.start > today) return 'not_started';
  return againstDue(p.due, own?.startedAt ?? null, null, today, soon);
}

/** Each period of a recurring task from `from` to `to`, with its status on `today`. */
export function periodStatuses(
  facts: TaskFacts,
  due: TaskDue | null,
  from: string,
  to: string,
  today: string,
  { dueSoonDays = DUE_SOON_DAYS }: StatusOptions = {},
): Array<Period & { status: TaskStatusCode }> {
  return periodsOf(due, from, to).map((p) => ({ ...p, status: periodStatus(p, facts, today, dueSoonDays) }));
}

/** The status of a task on `today` (a calendar day "YYYY-MM-DD"). */
export function taskStatus(facts: TaskFacts, due: TaskDue | null, today: string, opts: StatusOptions = {}): TaskStatusCode {
  const soon = opts.dueSoonDays ?? DUE_SOON_DAYS;
  const deadline = deadlineOf(due, by(facts.eventDate, today) ? facts.eventDate : null);
  if (by(facts.cancelled?.at, today)) return 'cancelled';
  if (deadline.kind === 'recurring') {
    if (opts.periodsFrom) {
      const current = periodContaining(deadline.every, today);
      const missed = periodStatuses(facts, due, opts.periodsFrom, today, today, opts).some((p) => p.key !== current.key && p.status === 'overdue');
      if (missed && !by(facts.paused?.at, today)) return 'overdue';
    }
    return periodStatus(periodContaining(deadline.every, today), facts, today, soon);
  }
  const dueDay = deadline.kind === 'dates' || deadline.kind === 'relative' ? deadline.due : null;
  if (by(facts.completedAt, today)) return againstDue(dueDay, null, facts.completedAt, today, soon);
  if (by(facts.paused?.at, today)) return 'paused';
  if (deadline.kind === 'ongoing') return 'ongoing';
  return againstDue(dueDay, facts.startedAt, null, today, soon);
}

/** The government's two groups, each split in two: "Đã hoàn thành (đúng hạn / quá hạn)", "Chưa hoàn thành (trong hạn / quá hạn)". */
export type RollUpGroup = 'done_on_time' | 'done_late' | 'not_done_in_time' | 'not_done_overdue';

/**
 * The group a status counts in. A cancelled task counts in neither. An ongoing task has no deadline to miss, and a
 * paused one has its deadline suspended: both are not done, in time.
 */
export function rollUpGroup(code: TaskStatusCode): RollUpGroup | null {
  switch (code) {
    case 'done_on_time':
      return 'done_on_time';
    case 'done_late':
      return 'done_late';
    case 'overdue':
      return 'not_done_overdue';
    case 'cancelled':
      return null;
    default:
      return 'not_done_in_time';
  }
}

export interface RollUp {
  done: { onTime: number; late: number; total: number };
  notDone: { inTime: number; overdue: number; total: number };
  /** Outside both groups. */
  cancelled: number;
  /** done.total + notDone.total (cancelled tasks excluded). */
  total: number;
  byStatus: Record<TaskStatusCode, number>;
}

/** Counts of a list of statuses in the two groups, and by status. */
export function rollUp(codes: Iterable<TaskStatusCode>): RollUp {
  const byStatus = Object.fromEntries(TaskStatusCode.options.map((c) => [c, 0])) as Record<TaskStatusCode, number>;
  const g: Record<RollUpGroup, number> = { done_on_time: 0, done_late: 0, not_done_in_time: 0, not_done_overdue: 0 };
  for (const code of codes) {
    byStatus[code] += 1;
    const group = rollUpGroup(code);
    if (group) g[group] += 1;
  }
  const done = { onTime: g.done_on_time, late: g.done_late, total: g.done_on_time + g.done_late };
  const notDone = { inTime: g.not_done_in_time, overdue: g.not_done_overdue, total: g.not_done_in_time + g.not_done_overdue };
  return { done, notDone, cancelled: byStatus.cancelled, total: done.total + notDone.total, byStatus };
}
