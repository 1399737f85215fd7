/**
 * The sentences a drafted BÁO CÁO kết quả thực hiện kế hoạch writes from data (THE-THUC.md, BÁO CÁO): its trích yếu,
 * the reference to a plan, the roll-up of its tasks, a task's deadline as a table cell says it.
 */
import { formatDocSymbol, formatShortDate } from '../format';
import type { PlanHeader, TaskDue } from '../model/plan';
import type { RollUp } from '../tasks/status';
import { DOC_TYPE_NAMES, documentReference, trimEndPunctuation } from './phrases';

/** The first letter in lower case: "Tổ chức đại hội …" → "tổ chức đại hội …" (a word in capitals stays: "BCH"). */
export function lowerFirst(text: string): string {
  const t = text.trim();
  const [first = '', second = ''] = [...t];
  if (!first || second.toUpperCase() === second) return t;
  return first.toLowerCase() + t.slice(first.length);
}

/** One plan a report covers, as its reference is printed. */
export interface ReportedPlan {
  header: PlanHeader;
  /** "Ban Thường vụ Huyện ủy" (phrases.ts deriveAppendixIssuedBy, or the plan's appendixIssuedBy). */
  issuedBy: string;
  trichYeu: string;
}

/**
 * "kết quả thực hiện Kế hoạch số 12-KH/HU, ngày 05/11/2024 của Ban Thường vụ Huyện ủy về tổ chức đại hội điểm …";
 * with a period: "kết quả 6 tháng đầu năm 2025 thực hiện Kế hoạch số …"; several plans: "… Kế hoạch số 12-KH/HU,
 * ngày 05/11/2024 và Kế hoạch số 15-KH/HU, ngày 20/11/2024 của Ban Thường vụ Huyện ủy" (each with its issuer when
 * they differ).
 */
export function reportTrichYeu(plans: readonly ReportedPlan[], periodLabel: string | null): string {
  const lead = periodLabel ? `kết quả ${lowerFirst(periodLabel)} thực hiện` : 'kết quả thực hiện';
  if (plans.length === 1) {
    const p = plans[0]!;
    const about = trimEndPunctuation(p.trichYeu.replace(/\s+/gu, ' '));
    return `${lead} ${documentReference(p.header, p.issuedBy)}${about ? ` về ${lowerFirst(about)}` : ''}`;
  }
  const sameIssuer = plans.every((p) => p.issuedBy.trim() === plans[0]?.issuedBy.trim());
  const refs = plans.map((p) => documentReference(p.header, sameIssuer ? '' : p.issuedBy));
  const joined = refs.length > 1 ? `${refs.slice(0, -1).join('; ')} và ${refs.at(-1)}` : (refs[0] ?? '');
  const by = sameIssuer && plans[0]?.issuedBy.trim() ? ` của ${plans[0].issuedBy.trim()}` : '';
  return `${lead} ${joined}${by}`;
}

/** The heading of one plan's results in a report on several: "Thực hiện Kế hoạch số 12-KH/HU". */
export function planResultsHeading(header: PlanHeader): string {
  return `Thực hiện ${DOC_TYPE_NAMES[header.docType]} số ${formatDocSymbol(header.number, header.docType, header.issuer.symbol)}`;
}

/** "Kế hoạch số 12-KH/HU, ngày 05/11/2024 của Ban Thường vụ Huyện ủy giao 40 nhiệm vụ cho 6 cơ quan, đơn vị." */
export function assignmentSentence(plan: ReportedPlan, tasks: number, bodies: number): string {
  const ref = documentReference(plan.header, plan.issuedBy);
  if (tasks === 0) return `${ref} chưa giao nhiệm vụ cụ thể cho cơ quan, đơn vị nào.`;
  return `${ref} giao ${tasks} nhiệm vụ cho ${bodies} cơ quan, đơn vị.`;
}

/**
 * "Tổng số 40 nhiệm vụ: đã hoàn thành 12 nhiệm vụ (đúng hạn 10, quá hạn 2); chưa hoàn thành 28 nhiệm vụ (trong hạn
 * 20, quá hạn 8)." Cancelled tasks are counted apart ("; hủy 1 nhiệm vụ").
 */
export function rollUpSentence(r: RollUp): string {
  const parts = [
    `đã hoàn thành ${r.done.total} nhiệm vụ (đúng hạn ${r.done.onTime}, quá hạn ${r.done.late})`,
    `chưa hoàn thành ${r.notDone.total} nhiệm vụ (trong hạn ${r.notDone.inTime}, quá hạn ${r.notDone.overdue})`,
  ];
  if (r.cancelled) parts.push(`hủy ${r.cancelled} nhiệm vụ`);
  return `Tổng số ${r.total + r.cancelled} nhiệm vụ: ${parts.join('; ')}.`;
}

const EVERY_TEXT: Record<NonNullable<TaskDue['every']>, string> = { quarter: 'Hằng quý', 'half-year': '6 tháng một lần', year: 'Hằng năm' };

/** A task's deadline as a table cell says it: "20/8/2025", "Thường xuyên", "Hằng quý", the relative text, or "". */
export function dueText(due: TaskDue | null | undefined): string {
  if (!due) return '';
  if (due.ongoing) return 'Thường xuyên';
  if (due.every) return EVERY_TEXT[due.every];
  if (due.dates.length) return due.dates.map((d) => formatShortDate(d)).join('; ');
  return trimEndPunctuation(due.relative.trim());
}

/** How a pilot unit's deadline reads as a task: "Hoàn thành đại hội điểm tại Chi bộ 02 (bản Nà Phát)". */
export const pilotUnitTaskText = (name: string): string => `Hoàn thành đại hội điểm tại ${name}`.trim();

/** "- <task>: <status>. <latest report>." — one task of section II. */
export function taskResultLine(task: string, status: string, latestReport: string): string {
  const head = `${trimEndPunctuation(task.replace(/\s+/gu, ' '))}: ${lowerFirst(status)}`;
  const report = trimEndPunctuation(latestReport.trim());
  return report ? `${head}. ${report}.` : `${head}.`;
}
