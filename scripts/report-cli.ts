/**
 * `npm run kehoach -- report PLAN_ID --data DIR -o report.docx [--period 2025-H1] [--new] [--draft]`
 *
 * Prints the BÁO CÁO kết quả thực hiện of a plan in a data folder as .docx, through the backend (the same drafting,
 * layout and .docx writer as the app). Which report: the newest live report on the plan (report.ofPlan); when there is
 * none, or with --new, one is drafted (report.draft, with --period when given) and stored in the data folder like the
 * app's "Lập báo cáo" does, so the printed report is the one the app then shows and edits. Its id is printed.
 * A report with format errors is printed only with --draft (as `render`).
 */
import { createBackend } from '../electron/backend';
import type { Channel, Input, InvokeResult, Output } from '../shared/api';
import { lintPlan } from '../shared/lint';
import type { LintFinding } from '../shared/model';

export class ReportUsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ReportOptions {
  dataDir: string;
  out: string;
  period: string | null;
  fresh: boolean;
  draft: boolean;
  /** Writes the bytes safely (the CLI's writeOutput). */
  write: (target: string, bytes: Uint8Array) => Promise<void>;
  formatFinding: (f: LintFinding) => string;
}

/** A backend error in the data folder: its Vietnamese message; a missing plan or bad input is a usage error. */
class ReportFailed extends Error {}

export async function runReport(planId: string, o: ReportOptions, io: Io): Promise<number> {
  const backend = createBackend({ dataDir: o.dataDir, appVersion: process.env.npm_package_version ?? '0.0.0' });
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = (await backend.invoke(channel, input)) as InvokeResult<C>;
    if (result.ok) return result.data;
    if (result.error.code === 'NOT_FOUND' || result.error.code === 'VALIDATION') throw new ReportUsageError(result.error.message);
    throw new ReportFailed(result.error.message);
  };
  try {
    await call('plan.get', { id: planId });
    const existing = o.fresh ? [] : (await call('report.ofPlan', { id: planId })).items;
    let reportId = existing[0]?.id;
    if (reportId) {
      io.out(`Dùng báo cáo đã có: ${reportId}.`);
    } else {
      reportId = (await call('report.draft', { planIds: [planId], period: o.period })).id;
      io.out(`Đã lập báo cáo mới: ${reportId} (lưu trong ${o.dataDir}).`);
    }
    const report = await call('plan.get', { id: reportId });
    const errors = lintPlan(report).filter((f) => f.severity === 'error');
    if (errors.length && !o.draft) {
      io.err(`Báo cáo ${reportId} còn ${errors.length} lỗi thể thức nên chưa in (thêm --draft để vẫn in bản dự thảo):`);
      for (const f of errors) io.err(`  ${o.formatFinding(f)}`);
      return 1;
    }
    const docx = await call('plan.renderDocx', { id: reportId });
    const bytes = Buffer.from(docx.base64, 'base64');
    await o.write(o.out, bytes);
    io.out(`Đã ghi ${o.out} (${bytes.byteLength} byte).`);
    return 0;
  } catch (e) {
    if (e instanceof ReportFailed) {
      io.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    backend.close();
  }
}
