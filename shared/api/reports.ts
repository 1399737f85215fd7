import { z } from 'zod';
import { Plan, PlanSummary, ReportPeriodKey, uuid } from '../model';
import { ById } from './common';
import { command, query } from './contract';

/** report.draft: a new BÁO CÁO on one or more plans (KH), optionally over a period (quý, 6 tháng, năm). */
export const ReportDraftInput = z
  .object({
    planIds: z.array(uuid).min(1).max(100),
    /** "2025-Q1", "2025-H1", "2025"; null: the plan so far. */
    period: ReportPeriodKey.nullable().default(null),
  })
  .strict();
export type ReportDraftInput = z.input<typeof ReportDraftInput>;

export const ReportsOfPlanOutput = z.object({ items: z.array(PlanSummary) });

export const reportsChannels = {
  /**
   * Lập báo cáo: drafts "Báo cáo kết quả thực hiện Kế hoạch số …" from the plans (their number, date and issuer for
   * the trích yếu, their duty bodies and tasks, each task's status on the day and its latest progress reports) and
   * stores it as a new draft document of type BC, returned whole.
   */
  'report.draft': command({ input: ReportDraftInput, output: Plan }),
  /** The live reports (BC) on a plan, newest first. */
  'report.ofPlan': query({ input: ById, output: ReportsOfPlanOutput }),
} as const;
export type ReportsChannels = typeof reportsChannels;
