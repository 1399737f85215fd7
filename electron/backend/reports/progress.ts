/**
 * Where a BÁO CÁO reads what was recorded about each task of a plan: its status on the day and its progress reports,
 * from the task store (tracked tasks of issued plans, repositories/tasks). A plan not issued yet has no tracked tasks:
 * the drafter then reports each task from its deadline alone (shared/report `progressFromDeadline`).
 */
import type { TaskProgress } from '../../../shared/report';
import type { Services } from '../services';

/** Each task's recorded progress on `asOf`, by its id in the plan's content (task.id, pilotUnit.id). */
export type TaskProgressSource = (planId: string, asOf: string) => ReadonlyMap<string, TaskProgress>;

export function recordedProgress({ tasks }: Pick<Services, 'tasks'>): TaskProgressSource {
  return (planId, asOf) => {
    const out = new Map<string, TaskProgress>();
    for (const item of tasks.all({ planId, on: asOf, search: '' }).items) {
      // Reports newest first; one dated after the day does not count yet.
      const reports = item.reportCount
        ? tasks
            .get({ id: item.id, on: asOf })
            .reports.filter((r) => r.date <= asOf)
            .map((r) => ({ date: r.date, text: r.text, percent: r.percent }))
        : [];
      out.set(item.sourceId, { status: item.status, statusText: item.statusLabel, reports });
    }
    return out;
  };
}
