import { z } from 'zod';
import { isoDate, isoTimestamp, nfcString, uuid } from './common';
import { Signature } from './org';
import { FormatProfile } from './profile';

/*
 * Texts may be empty: a plan is autosaved while it is typed; shared/lint reports what is missing.
 *
 * The KẾ HOẠCH as structured data. Everything printed is derived from this by shared/layout.
 *
 * Inline markup inside body texts (paragraphs, items, notes, tasks, table cells):
 *   *text*        italic       (an asterisk followed by a space is a literal "*")
 *   **text**      bold
 *   [^text]       a footnote with that text, numbered automatically
 */

/** Administrative date: day and month may be blank in a draft ("ngày      tháng 8 năm 2024"). */
export const PlanDate = z.object({
  day: z.number().int().min(1).max(31).nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  year: z.number().int().min(1930).max(2100),
});
export type PlanDate = z.infer<typeof PlanDate>;

export const SecrecyMark = z.enum(['', 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT']);
export const UrgencyMark = z.enum(['', 'KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC']);

/**
 * The issuer as printed on this plan. Lenient on purpose: a plan is autosaved while it is typed, so blanks are
 * stored and reported by shared/lint instead of being refused. (The office's own profile, SelfProfile, is strict.)
 */
export const PlanIssuer = z.object({
  higherLines: z.array(nfcString(200)).max(3).default([]),
  name: nfcString(200),
  symbol: nfcString(20).pipe(z.string().regex(/^[A-ZĐ0-9]*$/u, { message: 'Ký hiệu chỉ gồm chữ in hoa và số, ví dụ HU, TU, ĐU' })),
});
export type PlanIssuer = z.infer<typeof PlanIssuer>;

export const PlanHeader = z.object({
  issuer: PlanIssuer,
  /** Document type symbol; a KẾ HOẠCH is always KH. */
  docType: z.literal('KH').default('KH'),
  /** The number as digits ("315", "05"), or "" for an unnumbered draft. */
  number: z.string().regex(/^(\d{1,6})?$/, { message: 'Số văn bản chỉ gồm chữ số' }).default(''),
  place: nfcString(100),
  date: PlanDate,
  secrecy: SecrecyMark.default(''),
  urgency: UrgencyMark.default(''),
  /** "Dự thảo lần 2", or "" when not a draft. */
  draftLabel: nfcString(100).default(''),
});
export type PlanHeader = z.infer<typeof PlanHeader>;

export const CanCu = z.object({
  /** 'list': one "- Căn cứ …;" line per reference then the lead sentence. 'sentence': "Căn cứ A, B, <lead>". */
  form: z.enum(['list', 'sentence']).default('list'),
  /** The opening verb: "Căn cứ" or "Thực hiện". */
  verb: z.enum(['Căn cứ', 'Thực hiện']).default('Căn cứ'),
  /** References without the verb, e.g. "Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị về …". */
  items: z.array(nfcString(2000)).max(50).default([]),
  /** Lead sentence ending "như sau:", e.g. "Ban Thường vụ Huyện ủy ban hành Kế hoạch … như sau:". */
  lead: nfcString(3000).default(''),
});
export type CanCu = z.infer<typeof CanCu>;

export const PilotCategory = z.enum(['chi-bo-truc-thuoc', 'chi-bo-co-so', 'dang-bo-co-so']);
export type PilotCategory = z.infer<typeof PilotCategory>;

/** A pilot unit (đơn vị làm điểm). */
export const PilotUnit = z
  .object({
    id: uuid,
    /** "Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư". */
    name: nfcString(300),
    category: PilotCategory,
    /** "2025 - 2027" or "2025 - 2030". */
    term: z.string().regex(/^(\d{4} - \d{4})?$/, { message: 'Nhiệm kỳ có dạng 2025 - 2030' }).default(''),
    /** Who attends, as written: "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện; …". */
    attendees: nfcString(3000).default(''),
    members: z.number().int().min(0).max(100_000).nullable(),
    invited: z.number().int().min(0).max(100_000).nullable(),
    /** The about-figure ("khoảng 282 đại biểu"); must equal members + invited when both are given. */
    total: z.number().int().min(0).max(200_000).nullable(),
    durationDays: z.number().int().min(1).max(30).nullable(),
    deadline: isoDate.nullable(),
    /** Directory entry this unit is, if picked from the directory. */
    orgId: uuid.nullable().default(null),
  })
  .superRefine((u, ctx) => {
    if (u.members != null && u.invited != null && u.total != null && u.total !== u.members + u.invited) {
      ctx.addIssue({ code: 'custom', path: ['total'], message: `Tổng số đại biểu (${u.total}) phải bằng đảng viên (${u.members}) + đại biểu mời (${u.invited})` });
    }
  });
export type PilotUnit = z.infer<typeof PilotUnit>;

/** A structured due date proposed from the task text (or set by hand). */
export const TaskDue = z.object({
  /** One or more ISO dates ("đợt I trước ngày 20/8; đợt II trước ngày 20/9/2025" gives two). */
  dates: z.array(isoDate).max(5),
  /** A relative deadline with no fixed date: "chậm nhất 03 ngày sau khi kết thúc đại hội". */
  relative: nfcString(300).default(''),
  source: z.enum(['auto', 'manual']).default('auto'),
});
export type TaskDue = z.infer<typeof TaskDue>;

export const Task = z.object({
  id: uuid,
  text: nfcString(5000),
  due: TaskDue.nullable().default(null),
});
export type Task = z.infer<typeof Task>;

export interface SectionBlock {
  kind: 'section';
  id: string;
  /** Heading text without its number: "MỤC ĐÍCH, YÊU CẦU", "Tổ chức đảng thực hiện đại hội điểm". */
  title: string;
  /** 'heading': the numbered title on its own line (bold). 'runin': a numbered body paragraph ("1. Tập trung lãnh đạo …"). */
  style: 'heading' | 'runin';
  children: Block[];
}
export type ParagraphBlock = { kind: 'paragraph'; id: string; text: string; emphasis: 'none' | 'italic' | 'italic-center' };
export type ItemBlock = { kind: 'item'; id: string; marker: '-' | '+'; text: string };
/** The "* Kết thúc đại hội …" note. */
export type NoteBlock = { kind: 'note'; id: string; text: string };
/** Smart block: the plan's pilot units, grouped by category as level-3 headings. */
export type PilotUnitsBlock = { kind: 'pilotUnits'; id: string };
/** Smart block: "- <unit>: Không quá 01 ngày, <note>, hoàn thành trước ngày 10/01/2025." grouping equal terms. */
export type PilotScheduleBlock = { kind: 'pilotSchedule'; id: string; unitIds: string[]; note: string };
/** Smart block: one body's responsibilities; numbered like a section at its level. */
export type DutyBlock = {
  kind: 'duty';
  id: string;
  /** "Ban Thường vụ Huyện ủy". */
  body: string;
  orgId: string | null;
  /** Printed after the body name: "" or ":". */
  headingSuffix: '' | ':';
  /** 'dash': each task "- …"; 'plain': each task a plain paragraph. */
  taskStyle: 'dash' | 'plain';
  tasks: Task[];
};
export type Block = SectionBlock | ParagraphBlock | ItemBlock | NoteBlock | PilotUnitsBlock | PilotScheduleBlock | DutyBlock;

const id = uuid;
const bodyText = nfcString(20_000);

export const Block: z.ZodType<Block, unknown> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('section'), id, title: nfcString(2000), style: z.enum(['heading', 'runin']).default('heading'), children: z.array(Block).max(2000) }),
    z.object({ kind: z.literal('paragraph'), id, text: bodyText, emphasis: z.enum(['none', 'italic', 'italic-center']).default('none') }),
    z.object({ kind: z.literal('item'), id, marker: z.enum(['-', '+']).default('-'), text: bodyText }),
    z.object({ kind: z.literal('note'), id, text: bodyText }),
    z.object({ kind: z.literal('pilotUnits'), id }),
    z.object({ kind: z.literal('pilotSchedule'), id, unitIds: z.array(uuid).max(500), note: nfcString(1000).default('') }),
    z.object({
      kind: z.literal('duty'),
      id,
      body: nfcString(300),
      orgId: uuid.nullable().default(null),
      headingSuffix: z.enum(['', ':']).default(''),
      taskStyle: z.enum(['dash', 'plain']).default('dash'),
      tasks: z.array(Task).max(500),
    }),
  ]),
) as unknown as z.ZodType<Block, unknown>;

export const Recipient = z.object({
  id: uuid,
  /** "Thường trực Tỉnh ủy", "Lưu Văn phòng Huyện ủy". */
  text: nfcString(500),
  /** Purpose note after the text: "(b/c)", "(để báo cáo)", "(để thực hiện)" or "". */
  note: nfcString(100).default(''),
  orgId: uuid.nullable().default(null),
});
export type Recipient = z.infer<typeof Recipient>;

export const TableCell = z.object({
  /** Each entry is one paragraph in the cell (inline markup allowed). */
  paragraphs: z.array(nfcString(20_000)).max(200),
  colSpan: z.number().int().min(1).max(20).default(1),
  rowSpan: z.number().int().min(1).max(500).default(1),
  align: z.enum(['left', 'center', 'justify']).default('justify'),
  bold: z.boolean().default(false),
});
export type TableCell = z.infer<typeof TableCell>;

export const TableRow = z.object({ cells: z.array(TableCell).min(1).max(20) });
export type TableRow = z.infer<typeof TableRow>;

export const AppendixTable = z.object({
  /** Relative column widths (e.g. [18, 41, 41]). */
  columnWidths: z.array(z.number().positive()).min(1).max(20),
  /** Header rows (bold, repeated on every page). Merged cells through colSpan/rowSpan. */
  headerRows: z.array(TableRow).max(5),
  rows: z.array(TableRow).max(5000),
});
export type AppendixTable = z.infer<typeof AppendixTable>;

export const Appendix = z.object({
  id: uuid,
  /** The appendix name: "VỀ TIẾN ĐỘ TRIỂN KHAI CÔNG TÁC ĐẠI HỘI ĐẢNG CÁC CẤP". */
  title: nfcString(1000),
  /** Paragraphs before the table, if any. */
  intro: z.array(nfcString(5000)).max(50).default([]),
  tables: z.array(AppendixTable).max(10),
});
export type Appendix = z.infer<typeof Appendix>;

export const PlanStatus = z.enum(['draft', 'issued', 'archived']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** The plan content: what the user edits and what prints. */
export const PlanContent = z.object({
  header: PlanHeader,
  trichYeu: nfcString(2000),
  canCu: CanCu,
  body: z.array(Block).max(2000),
  pilotUnits: z.array(PilotUnit).max(500).default([]),
  /** Closing sentences after the body sections (unnumbered paragraphs), e.g. "Kế hoạch này được phổ biến đến chi bộ." are ordinary paragraph blocks at the end of body. */
  recipients: z.array(Recipient).max(200),
  signature: Signature,
  appendices: z.array(Appendix).max(20).default([]),
  /** "của Ban Thường vụ Huyện ủy" in the appendix line; derived from the signature when empty. */
  appendixIssuedBy: nfcString(300).default(''),
  /** The committee term this plan belongs to, for the number register ("2025-2030"). */
  term: z.string().regex(/^(\d{4}-\d{4})?$/, { message: 'Nhiệm kỳ có dạng 2025-2030' }).default(''),
  /** Format profile; the office default when absent. */
  profile: FormatProfile.optional(),
});
export type PlanContent = z.infer<typeof PlanContent>;
export type PlanContentInput = z.input<typeof PlanContent>;

/** A stored plan: content + identity + bookkeeping. */
export const Plan = PlanContent.extend({
  id: uuid,
  status: PlanStatus,
  revision: z.number().int().min(0),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  deletedAt: isoTimestamp.nullable(),
});
export type Plan = z.infer<typeof Plan>;

/** What the client sends to save: content + id; revision is the one it last saw (optimistic check). */
export const PlanSaveInput = PlanContent.extend({
  id: uuid,
  baseRevision: z.number().int().min(0).nullable(),
});
export type PlanSaveInput = z.input<typeof PlanSaveInput>;

export const PlanSummary = z.object({
  id: uuid,
  number: z.string(),
  symbol: z.string(),
  trichYeu: z.string(),
  date: PlanDate,
  status: PlanStatus,
  issuerName: z.string(),
  updatedAt: isoTimestamp,
  deletedAt: isoTimestamp.nullable(),
  revision: z.number().int(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
