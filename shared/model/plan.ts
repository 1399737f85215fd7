import { z } from 'zod';
import { isoTimestamp, nfcString, uuid } from './common';
import { DOC_TYPES, PLAN_STATUSES } from './plan-codes';
import { SignatureAuthority } from './org';
import { CONTENT_VERSION, upgradeContent } from './content-migrations';
import { FormatProfile } from './profile';

/*
 * What she typed is always stored. A plan is autosaved while it is typed: texts may be empty, numbers and dates are
 * kept as typed, and shared/lint reports what is missing, malformed, impossible or too long to print (with the same
 * field paths). The schemas only hold limits that protect the system, far above anything typed or pasted:
 * SYSTEM_TEXT_MAX characters per text field and generous list sizes. The printed-purpose limits (a trích yếu of at
 * most 2,000 characters …) are lint findings (shared/lint/fields.ts), never a refused save.
 *
 * The KẾ HOẠCH as structured data. Everything printed is derived from this by shared/layout.
 *
 * Inline markup inside body texts (paragraphs, items, notes, tasks, table cells):
 *   *text*        italic       (an asterisk followed by a space is a literal "*")
 *   **text**      bold
 *   [^text]       a footnote with that text, numbered automatically
 */

/** The system limit of one text field (characters). What a person types or pastes stays far below it. */
export const SYSTEM_TEXT_MAX = 100_000;
/** A text field: any text up to the system limit, NFC-normalised, stored as typed. */
const text = () => nfcString(SYSTEM_TEXT_MAX);

/**
 * One part of a date as typed: "05", "5", "" (blank in a draft) or anything else she typed ("3x"), which lint
 * reports. Older content stored numbers (and null for a blank): read as their digits.
 */
const DatePart = z.preprocess((v) => (v == null ? '' : typeof v === 'number' ? String(v) : v), text());

/**
 * Administrative date, each part as typed. Day and month may be blank in a draft ("ngày      tháng 8 năm 2024").
 * A date that does not exist (31/02) or a malformed part ("205") is stored and reported by lint.
 */
export const PlanDate = z.object({
  day: DatePart,
  month: DatePart,
  year: DatePart,
});
export type PlanDate = z.infer<typeof PlanDate>;

export const SecrecyMark = z.enum(['', 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT']);
export const UrgencyMark = z.enum(['', 'KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC']);

/**
 * The issuer as printed on this plan. Lenient on purpose: a plan is autosaved while it is typed, so blanks are
 * stored and reported by shared/lint instead of being refused. (The office's own profile, SelfProfile, is strict.)
 */
export const PlanIssuer = z.object({
  higherLines: z.array(text()).max(100).default([]),
  name: text(),
  /** As typed; lint checks it is capitals and digits (HU, TU, ĐU). */
  symbol: text(),
});
export type PlanIssuer = z.infer<typeof PlanIssuer>;

/**
 * The document type, its symbol in the number line: KH (KẾ HOẠCH) or BC (BÁO CÁO kết quả thực hiện kế hoạch). Both are
 * stored, edited, numbered and printed the same way; the layout and the lint read the type where they differ.
 */
export const DocType = z.enum(DOC_TYPES);
export type DocType = z.infer<typeof DocType>;

export const PlanHeader = z.object({
  issuer: PlanIssuer,
  /** Document type symbol; content stored before reports existed has none and is a KẾ HOẠCH. */
  docType: DocType.default('KH'),
  /** The number as typed: digits ("315", "05"), or "" for an unnumbered draft; lint reports anything else ("3x"). */
  number: text().default(''),
  place: text(),
  date: PlanDate,
  secrecy: SecrecyMark.default(''),
  urgency: UrgencyMark.default(''),
  /** "Dự thảo lần 2", or "" when not a draft. */
  draftLabel: text().default(''),
});
export type PlanHeader = z.infer<typeof PlanHeader>;

/** Opening verbs the editor offers; any other verb may be typed. */
export const CAN_CU_VERBS = ['Căn cứ', 'Thực hiện', 'Thi hành'] as const;

/** One reference of the căn cứ, with its own opening verb. */
export const CanCuItem = z.object({
  /**
   * The opening verb as she writes it ("Căn cứ", "Thực hiện", "Thi hành", anything else), or "" for none: the
   * reference is then printed as typed (list, paragraphs) or goes on the verb before it (sentence: "Căn cứ A, B").
   */
  verb: text().default(''),
  /** The reference without its verb: "Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị về …". */
  text: text(),
  /** 'và': joined to the reference before it in one clause ("Căn cứ A và B"); '' starts its own. */
  join: z.enum(['', 'và']).default(''),
});
export type CanCuItem = z.infer<typeof CanCuItem>;

export const CanCu = z.object({
  /**
   * 'list': one "- Căn cứ …;" line per clause, then the lead sentence. 'paragraphs': the same lines without the dash
   * ("Căn cứ …;"). 'sentence': one running sentence "Thực hiện A; căn cứ B, C, <lead>".
   */
  form: z.enum(['list', 'paragraphs', 'sentence']).default('list'),
  items: z.array(CanCuItem).max(1000).default([]),
  /** Lead sentence ending "như sau:", e.g. "Ban Thường vụ Huyện ủy ban hành Kế hoạch … như sau:". */
  lead: text().default(''),
});
export type CanCu = z.infer<typeof CanCu>;

export const PilotCategory = z.enum(['chi-bo-truc-thuoc', 'chi-bo-co-so', 'dang-bo-co-so']);
export type PilotCategory = z.infer<typeof PilotCategory>;

/**
 * A calendar day picked in the editor, "YYYY-MM-DD". Only the shape is checked here: a day that does not exist
 * ("2025-02-31") is stored and reported by lint.
 */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD' });

/** A count as entered; lint reports a negative, fractional or implausible one. */
const count = z.number().nullable();

/** A pilot unit (đơn vị làm điểm). */
export const PilotUnit = z.object({
  id: uuid,
  /** "Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư". */
  name: text(),
  category: PilotCategory,
  /** "2025 - 2027" or "2025 - 2030", as typed; lint checks the form. */
  term: text().default(''),
  /** Who attends, as written: "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện; …". */
  attendees: text().default(''),
  members: count,
  invited: count,
  /** The about-figure ("khoảng 282 đại biểu"); lint checks it equals members + invited when both are given. */
  total: count,
  /** Lint checks 1 to 30 days. */
  durationDays: count,
  deadline: isoDay.nullable(),
  /** Directory entry this unit is, if picked from the directory. */
  orgId: uuid.nullable().default(null),
});
export type PilotUnit = z.infer<typeof PilotUnit>;

/** How often a recurring task falls due: each period (quý, 6 tháng, năm) is tracked on its own. */
export const TaskRecurrence = z.enum(['quarter', 'half-year', 'year']);
export type TaskRecurrence = z.infer<typeof TaskRecurrence>;

/**
 * A relative deadline in structured form: `days` after (negative: before) the named event. It becomes a date when
 * the event's date is entered (shared/tasks/deadline.ts).
 */
export const RelativeDue = z.object({
  days: z.number().int().min(-3660).max(3660),
  /** The event as written: "kết thúc đại hội". */
  event: text(),
});
export type RelativeDue = z.infer<typeof RelativeDue>;

/**
 * A structured due date proposed from the task text (or set by hand). Its kind is read by `deadlineOf`
 * (shared/tasks/deadline.ts): ongoing, recurring, fixed dates, or relative. The last three fields are optional
 * additions, so every stored shape ({ dates, relative, source }) stays valid and means what it meant.
 */
export const TaskDue = z.object({
  /** One or more ISO dates ("đợt I trước ngày 20/8; đợt II trước ngày 20/9/2025" gives two). */
  dates: z.array(isoDay).max(100),
  /** A relative deadline with no fixed date: "chậm nhất 03 ngày sau khi kết thúc đại hội". */
  relative: text().default(''),
  source: z.enum(['auto', 'manual']).default('auto'),
  /** The relative deadline structured; when absent it is read from `relative` where the text allows. */
  after: RelativeDue.nullable().optional(),
  /** "Thường xuyên": an ongoing task with no due date. */
  ongoing: z.boolean().optional(),
  /** "Hằng quý", "6 tháng", "hằng năm": each period falls due on its last day. */
  every: TaskRecurrence.nullable().optional(),
});
export type TaskDue = z.infer<typeof TaskDue>;

export const Task = z.object({
  id: uuid,
  text: text(),
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
/** A table in the body (the appendix table's shape and editor), printed as a real table. */
export type TableBlock = { kind: 'table'; id: string; table: AppendixTable };
/** One person of a team or list: "Đ/c <name> – <position> – <role>". */
export type Person = { id: string; name: string; position: string; role: string };
/**
 * A list of people with their position and role in the team. 'lines': aligned lines "Đ/c Nguyễn Văn A – Bí thư –
 * Tổ trưởng" (a borderless table, never runs of spaces); 'table': a table TT / Họ và tên / Chức vụ / Nhiệm vụ.
 */
export type PeopleBlock = { kind: 'people'; id: string; prefix: string; print: 'lines' | 'table'; people: Person[] };
export type Block = SectionBlock | ParagraphBlock | ItemBlock | NoteBlock | PilotUnitsBlock | PilotScheduleBlock | DutyBlock | TableBlock | PeopleBlock;

export const TableCell = z.object({
  /** Each entry is one paragraph in the cell (inline markup allowed). */
  paragraphs: z.array(text()).max(10_000),
  colSpan: z.number().int().min(1).max(200).default(1),
  rowSpan: z.number().int().min(1).max(100_000).default(1),
  align: z.enum(['left', 'center', 'justify']).default('justify'),
  bold: z.boolean().default(false),
});
export type TableCell = z.infer<typeof TableCell>;

export const TableRow = z.object({ cells: z.array(TableCell).min(1).max(200) });
export type TableRow = z.infer<typeof TableRow>;

export const AppendixTable = z.object({
  /** Relative column widths (e.g. [18, 41, 41]). */
  columnWidths: z.array(z.number().positive()).min(1).max(200),
  /** Header rows (bold, repeated on every page). Merged cells through colSpan/rowSpan. */
  headerRows: z.array(TableRow).max(100),
  rows: z.array(TableRow).max(100_000),
});
export type AppendixTable = z.infer<typeof AppendixTable>;

export const Person = z.object({
  id: uuid,
  /** "Nguyễn Văn A". */
  name: text(),
  /** "Bí thư Chi bộ". */
  position: text().default(''),
  /** The role in the team: "Tổ trưởng". */
  role: text().default(''),
});

const id = uuid;
const bodyText = text();

/**
 * How deep the body may nest: a block at the top is at level 1, a section's children one level below it. A KẾ HOẠCH
 * needs a handful of levels (I., 1., a), -, +); 12 leaves room and keeps every tree small enough to validate, store and
 * send between processes without deep recursion.
 */
export const MAX_BODY_DEPTH = 12;
export const tooDeepMessage = `Nội dung lồng quá ${MAX_BODY_DEPTH} cấp mục; một kế hoạch chỉ cần vài cấp. Hãy đưa các mục sâu lên cấp trên.`;

/**
 * The block schema at one level. Built level by level (not recursively), so a tree deeper than MAX_BODY_DEPTH is
 * refused at the limit without the validator descending any further.
 */
function blockAtLevel(children: z.ZodType): z.ZodType<Block, unknown> {
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('section'), id, title: text(), style: z.enum(['heading', 'runin']).default('heading'), children }),
    z.object({ kind: z.literal('paragraph'), id, text: bodyText, emphasis: z.enum(['none', 'italic', 'italic-center']).default('none') }),
    z.object({ kind: z.literal('item'), id, marker: z.enum(['-', '+']).default('-'), text: bodyText }),
    z.object({ kind: z.literal('note'), id, text: bodyText }),
    z.object({ kind: z.literal('pilotUnits'), id }),
    z.object({ kind: z.literal('pilotSchedule'), id, unitIds: z.array(uuid).max(10_000), note: text().default('') }),
    z.object({
      kind: z.literal('duty'),
      id,
      body: text(),
      orgId: uuid.nullable().default(null),
      headingSuffix: z.enum(['', ':']).default(''),
      taskStyle: z.enum(['dash', 'plain']).default('dash'),
      tasks: z.array(Task).max(10_000),
    }),
    z.object({ kind: z.literal('table'), id, table: AppendixTable }),
    z.object({
      kind: z.literal('people'),
      id,
      /** Printed before each name: "Đ/c" (or "" for none). */
      prefix: text().default('Đ/c'),
      print: z.enum(['lines', 'table']).default('lines'),
      people: z.array(Person).max(10_000),
    }),
  ]) as unknown as z.ZodType<Block, unknown>;
}

function topLevelBlock(): z.ZodType<Block, unknown> {
  let level: z.ZodType<Block, unknown> = blockAtLevel(z.array(z.unknown()).max(0, tooDeepMessage));
  for (let above = MAX_BODY_DEPTH - 1; above >= 1; above--) level = blockAtLevel(z.array(level).max(10_000));
  return level;
}

/** A body block at the top level (its children nest at most MAX_BODY_DEPTH levels in all). */
export const Block: z.ZodType<Block, unknown> = topLevelBlock();

export const Recipient = z.object({
  id: uuid,
  /** "Thường trực Tỉnh ủy", "Lưu Văn phòng Huyện ủy". */
  text: text(),
  /** Purpose note after the text: "(b/c)", "(để báo cáo)", "(để thực hiện)" or "". */
  note: text().default(''),
  orgId: uuid.nullable().default(null),
});
export type Recipient = z.infer<typeof Recipient>;

export const Appendix = z.object({
  id: uuid,
  /** The appendix name: "VỀ TIẾN ĐỘ TRIỂN KHAI CÔNG TÁC ĐẠI HỘI ĐẢNG CÁC CẤP". */
  title: text(),
  /** Paragraphs before the table, if any. */
  intro: z.array(text()).max(10_000).default([]),
  tables: z.array(AppendixTable).max(1000),
});
export type Appendix = z.infer<typeof Appendix>;

export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** The signature as printed on this plan: lenient like the header (the office's presets in org.ts are strict). */
export const PlanSignature = z.object({
  authority: SignatureAuthority,
  body: text(),
  title: text(),
  signer: text(),
});
export type PlanSignature = z.infer<typeof PlanSignature>;

/**
 * The period a BÁO CÁO covers, as its key: "2025-Q1" (quý), "2025-H1" (6 tháng), "2025" (năm) — the keys of
 * shared/tasks' recurring periods.
 */
export const ReportPeriodKey = z.string().regex(/^\d{4}(?:-Q[1-4]|-H[12])?$/, { message: 'Kỳ báo cáo phải có dạng 2025, 2025-H1 hoặc 2025-Q1' });

/** What a BÁO CÁO reports on: the plans (one or more) and, optionally, the period. */
export const ReportLink = z.object({
  planIds: z.array(uuid).min(1).max(100),
  period: ReportPeriodKey.nullable().default(null),
  /** The day the tasks' statuses were read on when the report was drafted, "YYYY-MM-DD". */
  asOf: isoDay.nullable().default(null),
});
export type ReportLink = z.infer<typeof ReportLink>;

/**
 * The plan content: what the user edits and what prints. Content read from storage or a file goes through
 * `upgradeContent` (content-migrations.ts) first, or `parsePlanContent` below, which does both.
 */
export const PlanContent = z.object({
  /** The shape version (content-migrations.ts); absent in content made before versions existed (version 1). */
  contentVersion: z.literal(CONTENT_VERSION).optional(),
  header: PlanHeader,
  trichYeu: text(),
  canCu: CanCu,
  body: z.array(Block).max(10_000),
  pilotUnits: z.array(PilotUnit).max(10_000).default([]),
  /** Closing sentences after the body sections (unnumbered paragraphs), e.g. "Kế hoạch này được phổ biến đến chi bộ." are ordinary paragraph blocks at the end of body. */
  recipients: z.array(Recipient).max(10_000),
  signature: PlanSignature,
  appendices: z.array(Appendix).max(1000).default([]),
  /** "của Ban Thường vụ Huyện ủy" in the appendix line; derived from the signature when empty. */
  appendixIssuedBy: text().default(''),
  /** The committee term this plan belongs to, for the number register ("2025-2030"), as typed; lint checks the form. */
  term: text().default(''),
  /** Format profile; the office default when absent. */
  profile: FormatProfile.optional(),
  /** A BÁO CÁO (docType BC): what it reports on. Absent on a KẾ HOẠCH. */
  report: ReportLink.optional(),
});
export type PlanContent = z.infer<typeof PlanContent>;
export type PlanContentInput = z.input<typeof PlanContent>;

/** Read content of any known version (parsed JSON): upgraded to today's shape, then validated. */
export function parsePlanContent(raw: unknown) {
  return PlanContent.safeParse(upgradeContent(raw));
}

/**
 * A plan of another office (received in a package): read-only here. `conflictOf` names our plan when this is a
 * conflict copy kept beside it. Absent for the office's own plans.
 */
export const PlanOrigin = z.object({
  officeId: z.string(),
  name: z.string(),
  version: z.number().int(),
  conflictOf: z.string().nullable(),
  receivedAt: z.string(),
});
export type PlanOrigin = z.infer<typeof PlanOrigin>;

/** A stored plan: content + identity + bookkeeping. */
export const Plan = PlanContent.extend({
  id: uuid,
  status: PlanStatus,
  revision: z.number().int().min(0),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  deletedAt: isoTimestamp.nullable(),
  origin: PlanOrigin.optional(),
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
  docType: DocType,
  number: z.string(),
  symbol: z.string(),
  trichYeu: z.string(),
  date: PlanDate,
  status: PlanStatus,
  issuerName: z.string(),
  updatedAt: isoTimestamp,
  deletedAt: isoTimestamp.nullable(),
  revision: z.number().int(),
  /** The owner office of a received plan (absent for our own). */
  owner: z.object({ officeId: z.string(), name: z.string(), conflictOf: z.string().nullable() }).optional(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
