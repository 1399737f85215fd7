/**
 * The Vietnamese words for task statuses and the roll-up groups. They are document vocabulary: the BÁO CÁO and the
 * CLI (`statusLabel` in `--json`) print them, so they live in shared/layout with the other document phrasing and not
 * in the renderer's locales. The
 * screens show the same words through i18next (their keys are the status codes), so a page and a printed report
 * never disagree.
 */
import type { RollUpGroup, TaskFacts, TaskStatusCode } from '../tasks/status';

export const TASK_STATUS_LABELS: Record<TaskStatusCode, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện (trong hạn)',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  ongoing: 'Thường xuyên',
  paused: 'Tạm dừng',
  cancelled: 'Hủy',
};

/** A task a reissued plan no longer holds. */
export const REMOVED_FROM_PLAN_LABEL = 'Hủy (bỏ khỏi kế hoạch)';

/** The two groups of a roll-up and their halves, as a report heads them. */
export const ROLL_UP_LABELS = {
  done: 'Đã hoàn thành',
  notDone: 'Chưa hoàn thành',
  done_on_time: 'Đúng hạn',
  done_late: 'Quá hạn',
  not_done_in_time: 'Trong hạn',
  not_done_overdue: 'Quá hạn',
} as const satisfies Record<'done' | 'notDone' | RollUpGroup, string>;

/** The words for a status; a task removed from its plan says so. */
export function statusLabel(code: TaskStatusCode, facts?: Pick<TaskFacts, 'cancelled'> | null): string {
  if (code === 'cancelled' && facts?.cancelled?.removedFromPlan) return REMOVED_FROM_PLAN_LABEL;
  return TASK_STATUS_LABELS[code];
}
