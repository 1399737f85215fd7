/**
 * Drafting a BÁO CÁO kết quả thực hiện kế hoạch from the plans it reports on (THE-THUC.md, BÁO CÁO). Pure: the
 * backend gathers the plans and each task's progress (`TaskProgress`), this builds the content, which is then stored,
 * edited and printed like any plan (docType BC).
 *
 * Sections: I. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện; II. Kết quả thực hiện (per body and task, from the
 * progress reports); III. Đánh giá chung (ưu điểm; hạn chế, khuyết điểm và nguyên nhân); IV. Nhiệm vụ, giải pháp
 * thời gian tới; V. Đề xuất, kiến nghị. Then nơi nhận and signature as on the plan, and a phụ lục table of every task
 * (nội dung, đơn vị chủ trì, thời hạn, tình trạng, kết quả).
 */
import { planDateStartIso } from '../format/due-date';
import { deriveAppendixIssuedBy } from '../layout/phrases';
import { assignmentSentence, dueText, pilotUnitTaskText, planResultsHeading, reportTrichYeu, rollUpSentence, taskResultLine, type ReportedPlan } from '../layout/report-phrases';
import { listDuties } from '../model/tree';
import { PlanContent, SecrecyMark, type Appendix, type Block, type PlanContentInput, type Recipient, type TableRow, type TaskDue } from '../model/plan';
import { CONTENT_VERSION } from '../model/content-migrations';
import { periodOfKey } from '../tasks/deadline';
import { planDueReader, trackedDue } from '../tasks/plan-due';
import { TaskFacts, rollUp, taskStatus, type TaskStatusCode } from '../tasks/status';
import { statusLabel } from '../layout/task-labels';

/** One task of a plan as a report lists it: from a duty block of the plan's content. */
export interface PlanTask {
  id: string;
  /** The body in charge (đơn vị chủ trì): the duty block's body. */
  body: string;
  text: string;
  due: TaskDue | null;
}

/**
 * Every task of a plan as the task store tracks it once the plan is issued: each task of its duty blocks in reading
 * order (a task without a set deadline by the one its text or the pilot schedule gives it), then each pilot unit's
 * deadline.
 */
export function planTasks(content: PlanContent): PlanTask[] {
  const reader = planDueReader(content);
  const tasks = listDuties(content.body).flatMap(({ duty }) =>
    duty.tasks.map((t) => ({ id: t.id, body: duty.body.trim(), text: t.text, due: trackedDue(t, duty, content, reader) })),
  );
  const units = content.pilotUnits.map((u) => ({
    id: u.id,
    body: u.name.trim(),
    text: pilotUnitTaskText(u.name),
    due: u.deadline ? { dates: [u.deadline], relative: '', source: 'manual' as const } : null,
  }));
  return [...tasks, ...units];
}

/** A progress report of a task: its day, text and optional percent. */
export interface TaskProgressReport {
  date: string;
  text: string;
  percent: number | null;
}

/** What the report prints about one task on its day: the status and the progress reports (newest first). */
export interface TaskProgress {
  status: TaskStatusCode;
  /** The Vietnamese words ("Hoàn thành quá hạn", "Hủy (bỏ khỏi kế hoạch)"). */
  statusText: string;
  reports: TaskProgressReport[];
}

/**
 * A task's progress when nothing was recorded about it: the status its deadline alone gives on `asOf` (no facts),
 * no reports. What a report says of a task the office has not tracked.
 */
export function progressFromDeadline(task: PlanTask, asOf: string, planStart: string | null): TaskProgress {
  const status = taskStatus(TaskFacts.parse({}), task.due, asOf, planStart ? { periodsFrom: planStart } : {});
  return { status, statusText: statusLabel(status), reports: [] };
}

/** One plan the report covers, with its stored id and each task's progress by task id (missing: from the deadline). */
export interface ReportSourcePlan {
  id: string;
  content: PlanContent;
  progress: ReadonlyMap<string, TaskProgress>;
}

export interface DraftReportInput {
  plans: readonly ReportSourcePlan[];
  /** "2025-Q1", "2025-H1", "2025", or null for a report on the whole plan so far. */
  period: string | null;
  /** The day the statuses are read on. */
  asOf: string;
  /** The report's own date (the drafting day), "YYYY-MM-DD". */
  today: string;
  newId: () => string;
}

const SECRECY_ORDER = SecrecyMark.options;

/** The day a period's statuses are read on: its last day, or `today` while it runs. */
export function reportAsOf(period: string | null, today: string): string {
  if (!period) return today;
  const end = periodOfKey(period).end;
  return end < today ? end : today;
}

/** The recipients of a report: the plan's recipients it reports to ("(b/c)", "để báo cáo"), then its "Lưu …" line. */
function reportRecipients(plan: PlanContent, newId: () => string): Recipient[] {
  const up = plan.recipients.filter((r) => /b\/c|báo cáo/iu.test(r.note) && !/^Lưu\b/u.test(r.text.trim()));
  const archive = plan.recipients.filter((r) => /^Lưu\b/u.test(r.text.trim())).at(-1);
  const kept = up.length ? [...up, ...(archive ? [archive] : [])] : plan.recipients;
  return kept.map((r) => ({ ...r, id: newId() }));
}

/** Draft the BÁO CÁO content. The first plan gives the issuer, place, term, signature and format profile. */
export function draftReport(input: DraftReportInput): PlanContent {
  const { plans, newId } = input;
  const first = plans[0];
  if (!first) throw new Error('draftReport needs at least one plan');
  const lead = first.content;
  const reported: ReportedPlan[] = plans.map(({ content }) => ({
    header: content.header,
    issuedBy: content.appendixIssuedBy.trim().replace(/^của\s+/u, '') || deriveAppendixIssuedBy(content.signature, content.header.issuer),
    trichYeu: content.trichYeu,
  }));
  const period = input.period ? periodOfKey(input.period) : null;

  // Every task with its progress, per plan.
  const perPlan = plans.map((p) => {
    const start = planDateStartIso(p.content.header.date);
    return planTasks(p.content).map((task) => ({ task, progress: p.progress.get(task.id) ?? progressFromDeadline(task, input.asOf, start) }));
  });
  const all = perPlan.flat();
  const totals = rollUp(all.map((x) => x.progress.status));

  const section = (title: string, children: Block[]): Block => ({ kind: 'section', id: newId(), title, style: 'heading', children });
  const paragraph = (text: string): Block => ({ kind: 'paragraph', id: newId(), text, emphasis: 'none' });
  const item = (text: string): Block => ({ kind: 'item', id: newId(), marker: '-', text });

  /** Section II for one plan's tasks: one section per body in charge (in the plan's order), an item per task. */
  const resultsByBody = (tasks: typeof all): Block[] => {
    const bodies = new Map<string, Block[]>();
    for (const { task, progress } of tasks) {
      const body = task.body || 'Các cơ quan, đơn vị khác';
      const list = bodies.get(body) ?? [];
      list.push(item(taskResultLine(task.text, progress.statusText, progress.reports[0]?.text ?? '')));
      bodies.set(body, list);
    }
    return [...bodies].map(([body, items]) => section(body, items));
  };

  const bodyCount = (tasks: typeof all) => new Set(tasks.map((x) => x.task.body)).size;
  const leadership = reported.map((p, i) => paragraph(assignmentSentence(p, perPlan[i]!.length, bodyCount(perPlan[i]!))));
  const results: Block[] = [paragraph(rollUpSentence(totals))];
  if (plans.length === 1) results.push(...resultsByBody(all));
  else perPlan.forEach((tasks, i) => results.push(section(planResultsHeading(reported[i]!.header), resultsByBody(tasks))));

  const overdue = all.filter((x) => x.progress.status === 'overdue');
  const open = all.filter((x) => !['done_on_time', 'done_late', 'cancelled'].includes(x.progress.status));
  const strengths = paragraph(
    totals.done.total
      ? `Đã hoàn thành ${totals.done.total}/${totals.total} nhiệm vụ, trong đó ${totals.done.onTime} nhiệm vụ hoàn thành đúng hạn.`
      : `Các cơ quan, đơn vị đang triển khai ${totals.total} nhiệm vụ được giao.`,
  );
  const limits: Block[] = overdue.length
    ? [paragraph(`Còn ${overdue.length} nhiệm vụ quá hạn chưa hoàn thành:`), ...overdue.map(({ task }) => item(`${task.text.trim().replace(/[\s.;,]+$/u, '')} (${task.body}).`))]
    : [paragraph('Không có nhiệm vụ quá hạn.')];
  const nextSteps: Block[] = open.length
    ? [paragraph('Tập trung chỉ đạo hoàn thành các nhiệm vụ còn lại:'), ...open.map(({ task }) => item(`${task.text.trim().replace(/[\s.;,]+$/u, '')} (${task.body}).`))]
    : [paragraph('')];

  const body: Block[] = [
    section('Công tác lãnh đạo, chỉ đạo, triển khai thực hiện', leadership),
    section('Kết quả thực hiện', results),
    section('Đánh giá chung', [section('Ưu điểm', [strengths]), section('Hạn chế, khuyết điểm và nguyên nhân', limits)]),
    section('Nhiệm vụ, giải pháp thời gian tới', nextSteps),
    section('Đề xuất, kiến nghị', [paragraph('')]),
  ];

  const cell = (text: string, align: 'left' | 'center' | 'justify' = 'left') => ({ paragraphs: [text], colSpan: 1, rowSpan: 1, align, bold: false });
  const header: TableRow = {
    cells: ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng', 'Kết quả'].map((t) => ({ ...cell(t, 'center'), bold: true })),
  };
  const rows: TableRow[] = all.map(({ task, progress }, i) => ({
    cells: [
      cell(String(i + 1), 'center'),
      cell(task.text.trim()),
      cell(task.body),
      cell(dueText(task.due), 'center'),
      cell(progress.statusText, 'center'),
      cell(progress.reports[0]?.text.trim() ?? ''),
    ],
  }));
  const appendix: Appendix = {
    id: newId(),
    title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ',
    intro: [],
    tables: [{ columnWidths: [6, 34, 18, 12, 14, 24], headerRows: [header], rows }],
  };

  // A report on a secret plan is at least as secret as the plan.
  const secrecy = SECRECY_ORDER[Math.max(0, ...plans.map((p) => SECRECY_ORDER.indexOf(p.content.header.secrecy)))]!;
  const [year, month, day] = input.today.split('-') as [string, string, string];
  const draft: PlanContentInput = {
    contentVersion: CONTENT_VERSION,
    header: {
      issuer: { ...lead.header.issuer, higherLines: [...lead.header.issuer.higherLines] },
      docType: 'BC',
      number: '',
      place: lead.header.place,
      date: { day: String(Number(day)), month: String(Number(month)), year },
      secrecy,
      urgency: '',
      draftLabel: '',
    },
    trichYeu: reportTrichYeu(reported, period?.label ?? null),
    canCu: {},
    body,
    pilotUnits: [],
    recipients: reportRecipients(lead, newId),
    signature: { ...lead.signature },
    appendices: all.length ? [appendix] : [],
    appendixIssuedBy: lead.appendixIssuedBy,
    term: lead.term,
    ...(lead.profile ? { profile: lead.profile } : {}),
    report: { planIds: plans.map((p) => p.id), period: input.period, asOf: input.asOf },
  };
  return PlanContent.parse(draft);
}
