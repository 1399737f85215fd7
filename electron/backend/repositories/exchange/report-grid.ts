/**
 * For one of our plans, which units have reported and which have not: its tracked tasks grouped by body (a duty
 * block's body or a pilot unit), each with its tasks, the reports on them (those that came in the unit's own packages
 * apart), the last report's day, and how many are completed or overdue on the day. The unit's office is the trust
 * list's office linked to the body's directory entry, or named like it.
 */
import type { ReportGrid } from '../../../../shared/api/exchange';
import { foldVietnamese } from '../../../../shared/format/fold';
import type { RepoContext } from '../context';
import type { TasksRepo } from '../tasks';

export function createReportGrid(ctx: RepoContext, tasks: TasksRepo) {
  const { db } = ctx;
  const perTask = db.prepare<[string], { id: string; received: number }>(
    `SELECT t.id, (SELECT count(*) FROM task_reports r WHERE r.task_id = t.id AND r.office_id IS NOT NULL) AS received
     FROM tracked_tasks t WHERE t.plan_id = ?`,
  );
  const offices = db.prepare<[], { office_id: string; name: string; org_id: string | null }>(
    "SELECT office_id, name, org_id FROM exchange_offices WHERE status = 'trusted'",
  );

  return function reportGrid(planId: string, on?: string): ReportGrid {
    const { on: day, items } = tasks.all({ planId, on, search: '' });
    const received = new Map(perTask.all(planId).map((r) => [r.id, r.received]));
    const known = offices.all();
    const officeOf = (body: string, orgId: string | null): string | null => {
      const byOrg = orgId ? known.find((o) => o.org_id === orgId) : undefined;
      if (byOrg) return byOrg.office_id;
      const folded = foldVietnamese(body).trim();
      return known.find((o) => folded !== '' && foldVietnamese(o.name).trim() === folded)?.office_id ?? null;
    };
    const units = new Map<string, ReportGrid['units'][number]>();
    for (const t of items) {
      if (t.removedFromPlan) continue;
      let u = units.get(t.body);
      if (!u) {
        u = { body: t.body, orgId: t.orgId, officeId: officeOf(t.body, t.orgId), tasks: 0, tasksReported: 0, reports: 0, reportsReceived: 0, lastReportDate: null, completed: 0, overdue: 0, reported: false };
        units.set(t.body, u);
      }
      u.tasks += 1;
      u.reports += t.reportCount;
      u.reportsReceived += received.get(t.id) ?? 0;
      if (t.reportCount > 0) u.tasksReported += 1;
      if (t.lastReport && (!u.lastReportDate || t.lastReport.date > u.lastReportDate)) u.lastReportDate = t.lastReport.date;
      if (t.status === 'done_on_time' || t.status === 'done_late') u.completed += 1;
      if (t.status === 'overdue') u.overdue += 1;
    }
    for (const u of units.values()) u.reported = u.reports > 0 || u.completed > 0;
    return { planId, on: day, units: [...units.values()] };
  };
}
export type ReportGridQuery = ReturnType<typeof createReportGrid>;
