import type { ReportsChannels } from '../../../shared/api';
import type { Plan, PlanSummary } from '../../../shared/model';
import { draftReport, reportAsOf } from '../../../shared/report';
import { localToday } from '../../../shared/tasks';
import type { Handlers } from '../dispatch';
import { BackendError } from '../errors';
import type { Services } from '../services';
import { recordedProgress } from './progress';

/** The live reports (BC) whose link names the plan, newest first (reads the content of each report only). */
export function reportsOfPlan({ plans }: Services, planId: string): PlanSummary[] {
  const out: PlanSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = plans.list({ query: '', deleted: false, docType: 'BC', offset, limit: 500 });
    for (const summary of page.items) if (plans.get(summary.id).report?.planIds.includes(planId)) out.push(summary);
    if (offset + 500 >= page.total) return out;
  }
}

/** Lập báo cáo: the plans read, each task's progress on the day, the content drafted, stored as a new BC draft. */
export function draftReportFor(services: Services, planIds: string[], period: string | null): Plan {
  const { plans, ctx } = services;
  const progress = recordedProgress(services);
  const today = localToday(new Date(ctx.clock()));
  const asOf = reportAsOf(period, today);
  const sources = planIds.map((id) => {
    const plan = plans.get(id);
    if (plan.header.docType !== 'KH') throw new BackendError('VALIDATION', 'Chỉ lập báo cáo kết quả thực hiện cho kế hoạch (KH), không lập cho một báo cáo.');
    if (plan.deletedAt) throw new BackendError('CONFLICT', 'Kế hoạch đang ở thùng rác. Hãy khôi phục trước khi lập báo cáo.');
    return { id, content: plan, progress: progress(id, asOf) };
  });
  return plans.create(draftReport({ plans: sources, period, asOf, today, newId: ctx.newId }));
}

export const reportsHandlers = (services: Services): Handlers<ReportsChannels> => ({
  'report.draft': ({ planIds, period }) => draftReportFor(services, [...new Set(planIds)], period),
  'report.ofPlan': ({ id }) => (services.plans.get(id), { items: reportsOfPlan(services, id) }),
});
