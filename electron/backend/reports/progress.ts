/**
 * Where a BÁO CÁO reads what was recorded about each task of a plan: its status on the day and its progress reports.
 *
 * `recordedProgress` is the seam to the task store (tracked tasks and progress reports of issued plans). Until the
 * store answers, a task with nothing recorded is reported from its deadline alone (shared/report
 * `progressFromDeadline`): the drafter fills in every task missing from the map this returns.
 */
import type { TaskProgress } from '../../../shared/report';
import type { Services } from '../services';

/** Each task's recorded progress on `asOf`, by task id (the id of the task in the plan's content). */
export type TaskProgressSource = (planId: string, asOf: string) => ReadonlyMap<string, TaskProgress>;

export function recordedProgress(_services: Services): TaskProgressSource {
  return () => new Map();
}
