/**
 * What a task's deadline means, as calendar days in the office's local time ("YYYY-MM-DD" strings; no Date objects
 * cross this module, so no time zone can shift a day).
 *
 * A stored TaskDue (shared/model/plan.ts) holds one of four kinds:
 *   - ongoing ("thường xuyên"): no due date;
 *   - recurring ("hằng quý", "6 tháng", "hằng năm"): each period falls due on its last day (`periodsOf`);
 *   - fixed dates ("đợt I trước ngày 20/8; đợt II trước ngày 20/9/2025"): the task is due by the latest one;
 *   - relative ("chậm nhất 03 ngày sau khi kết thúc đại hội"): a date once the event's date is entered.
 */
import { daysInMonth } from '../format/date';
import type { RelativeDue, TaskDue, TaskRecurrence } from '../model/plan';

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): string {
  const dt = new Date(n * DAY_MS);
  return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day `n` days after `iso` (before, for a negative n). */
export function addDays(iso: string, n: number): string {
  return fromDayNumber(dayNumber(iso) + n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Today as the office's calendar shows it (the machine's local time, never UTC). */
export function localToday(now: Date = new Date()): string {
  return ymd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The kind of deadline a task holds, with the day it falls due where one is known. */
export type Deadline =
  | { kind: 'none' }
  | { kind: 'ongoing' }
  | { kind: 'recurring'; every: TaskRecurrence }
  | { kind: 'dates'; dates: string[]; due: string }
  /** `due` is null until the event's date is entered. */
  | { kind: 'relative'; rule: RelativeDue | null; text: string; due: string | null };

const UNITS: Record<string, number> = { ngày: 1, tuần: 7 };
/** "chậm nhất 03 ngày sau khi kết thúc đại hội", "trong vòng 2 tuần kể từ ngày nhận quyết định", "05 ngày trước khi khai mạc". */
const RELATIVE_RULE = /(\d{1,4})\s+(ngày|tuần)(?!\s+làm\s+việc)\s+(sau\s+khi|sau|kể\s+từ(?:\s+khi)?|trước\s+khi|trước)\s+(?:ngày\s+)?(.+)$/iu;

/**
 * Reads a relative deadline's text into days and event: "chậm nhất 03 ngày sau khi kết thúc đại hội" →
 * { days: 3, event: "kết thúc đại hội" }. Null when the text gives no count of days or weeks (working days and
 * months are left to be set by hand: they need a calendar of holidays or month arithmetic the text does not fix).
 */
export function relativeRuleOf(text: string): RelativeDue | null {
  const src = text.normalize('NFC').replace(/\s+/gu, ' ').trim().split(';')[0]!.trim();
  const mt = RELATIVE_RULE.exec(src);
  if (!mt) return null;
  const n = Number(mt[1]) * UNITS[mt[2]!.toLowerCase()]!;
  const before = mt[3]!.toLowerCase().startsWith('trước');
  const event = mt[4]!.replace(/[.,;:]+$/u, '').trim();
  if (!event) return null;
  return { days: before ? -n : n, event };
}

/**
 * The kind of a stored due date. Ongoing wins over recurring, recurring over fixed dates, fixed dates over a
 * relative deadline (a date written in the text is the one the plan promised). `eventDate` is the day the relative
 * deadline's event took place, once entered.
 */
export function deadlineOf(due: TaskDue | null | undefined, eventDate: string | null = null): Deadline {
  if (!due) return { kind: 'none' };
  if (due.ongoing) return { kind: 'ongoing' };
  if (due.every) return { kind: 'recurring', every: due.every };
  if (due.dates.length) {
    const dates = [...due.dates].sort();
    return { kind: 'dates', dates: due.dates, due: dates[dates.length - 1]! };
  }
  const rule = due.after ?? (due.relative ? relativeRuleOf(due.relative) : null);
  if (rule || due.relative) {
    return { kind: 'relative', rule, text: due.relative, due: rule && eventDate ? addDays(eventDate, rule.days) : null };
  }
  return { kind: 'none' };
}

/** One period of a recurring task. */
export interface Period {
  /** "2025-Q1", "2025-H2", "2025": the key its progress is stored under. */
  key: string;
  start: string;
  end: string;
  /** The day it falls due: its last day. */
  due: string;
  /** As a document names it: "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025". */
  label: string;
}

const MONTHS_PER: Record<TaskRecurrence, number> = { quarter: 3, 'half-year': 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];

function periodAt(every: TaskRecurrence, y: number, index: number): Period {
  const span = MONTHS_PER[every];
  const first = index * span + 1;
  const last = first + span - 1;
  const start = ymd(y, first, 1);
  const end = ymd(y, last, daysInMonth(last, y));
  if (every === 'quarter') return { key: `${y}-Q${index + 1}`, start, end, due: end, label: `Quý ${ROMAN[index]}/${y}` };
  if (every === 'half-year') {
    return { key: `${y}-H${index + 1}`, start, end, due: end, label: `6 tháng ${index === 0 ? 'đầu' : 'cuối'} năm ${y}` };
  }
  return { key: String(y), start, end, due: end, label: `Năm ${y}` };
}

/** The period of `every` that contains `day`. */
export function periodContaining(every: TaskRecurrence, day: string): Period {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return periodAt(every, y, Math.floor((m - 1) / MONTHS_PER[every]));
}

/** The period of a key ("2025-Q1", "2025-H2", "2025"), with its label ("Quý I/2025"). */
export function periodOfKey(key: string) {
  const [year, part] = key.split('-') as [string, string | undefined];
  if (!part) return periodContaining('year', `${year}-01-01`);
  const n = Number(part.slice(1));
  if (part.startsWith('Q')) return periodContaining('quarter', `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`);
  return periodContaining('half-year', `${year}-${n === 1 ? '01' : '07'}-01`);
}

/**
 * The periods of a recurring task that overlap the days from `from` to `to` (both included), in order. Empty for a
 * task that does not recur or when `to` is before `from`.
 */
export function periodsOf(due: TaskDue | null | undefined, from: string, to: string): Period[] {
  const every = due?.every;
  if (!every || to < from) return [];
  const out: Period[] = [];
  let p = periodContaining(every, from);
  while (p.start <= to) {
    out.push(p);
    p = periodContaining(every, addDays(p.end, 1));
  }
  return out;
}
