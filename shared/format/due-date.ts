/**
 * Reads the deadline out of a task's Vietnamese text and proposes a structured due date.
 *
 *   "trước ngày 10/01/2025", "hoàn thành trước ngày 31/3/2025", "chậm nhất ngày 01/5/2025"  → that day
 *   "trong tháng 8/2024", "tháng 10, 11/2024"                                            → last day of the (last) month
 *   "Quý III/2024"                                                                         → last day of the quarter
 *   "trong năm 2025"                                                                       → 31/12 of that year
 *   "đợt I trước ngày 20/8; đợt II trước ngày 20/9/2025"                                   → two dates; a missing
 *       year is carried back from the next date that has one, else taken from the plan date (rolling forward
 *       a year when the day would fall before the plan date)
 *   "chậm nhất 03 ngày sau khi kết thúc đại hội"                                           → no date, relative text kept
 *   "báo cáo định kỳ hằng quý", "6 tháng một lần", "sơ kết hằng năm"                           → recurring, each period
 *   "Thường xuyên báo cáo tiến độ …", "(thường xuyên)", "thời gian: thường xuyên"                → ongoing
 *       (both only when the text names no date and no relative deadline: a promised date is the more precise
 *       reading; recurring before ongoing, its periods are what can be tracked)
 *
 * Dates that merely cite a document ("Kế hoạch số 294-KH/HU, ngày 19/7/2024") are not deadlines: a day date
 * counts only after a deadline word (trước, chậm nhất, hạn, đến, hoàn thành … (31/10/2025)).
 */
import type { TaskDue, TaskRecurrence } from '../model/plan';
import { datePartNumbers, type DateParts } from './date';

type Precision = 'day' | 'month' | 'quarter' | 'year';

interface Found {
  /** Position in the text, to keep text order. */
  at: number;
  precision: Precision;
  /** First and last day of the period the phrase names (equal for a day). */
  start: YMD;
  end: YMD;
}

interface YMD {
  y: number;
  m: number;
  d: number;
}

interface PendingDay {
  at: number;
  d: number;
  m: number;
  y: number | null;
}

const MAX_DATES = 5;

const DAY_DATE = String.raw`(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?!\s*/?\s*\d)`;
/** Words after which a day date is a deadline. */
const DAY_MARKER = String.raw`(?:trước|chậm nhất(?:\s+là)?(?:\s+vào)?|muộn nhất(?:\s+là)?|hạn(?:\s+chót)?(?:\s+là)?|không\s+muộn\s+hơn|xong\s+trước|đến(?:\s+hết)?|hết)`;
const DAY_AFTER_MARKER = new RegExp(String.raw`(?<![\p{L}])${DAY_MARKER}\s+(?:ngày\s+)?${DAY_DATE}`, 'giu');
/** "hoàn thành … (31/10/2025)": a bare date in brackets after "hoàn thành" in the same clause. */
const DAY_IN_BRACKETS_AFTER_DONE = new RegExp(String.raw`hoàn\s+thành[^.;()]*\(\s*(?:ngày\s+)?${DAY_DATE}\s*\)`, 'giu');
/** "tháng 8/2024", "tháng 10, 11/2024", "tháng 10 và 11/2024", "tháng 8 năm 2024". */
const MONTHS = new RegExp(String.raw`(?<![\p{L}])tháng\s+(\d{1,2}(?:\s*(?:,|và|-|–)\s*\d{1,2})*)\s*(?:/|\s+năm\s+)(\d{4})`, 'giu');
const QUARTER = new RegExp(String.raw`(?<![\p{L}])quý\s+(IV|I{1,3}|[1-4])(?![\p{L}])\s*(?:/|\s+năm\s+)(\d{4})`, 'giu');
const YEAR = new RegExp(String.raw`(?<![\p{L}])(?:trong|hết|cuối)\s+năm\s+(\d{4})`, 'giu');
/** "chậm nhất 03 ngày sau khi kết thúc đại hội", "trong vòng 15 ngày kể từ ngày …". */
const RELATIVE = new RegExp(
  String.raw`(?<![\p{L}])(?:chậm\s+nhất|muộn\s+nhất|trong\s+vòng|trong\s+thời\s+hạn|trong|sau)\s+\d{1,3}\s+(?:ngày(?:\s+làm\s+việc)?|tuần|tháng)\s+(?:sau|kể\s+từ|trước)(?![\p{L}])[^,.;()]*`,
  'giu',
);

/**
 * "Thường xuyên" as the task's deadline: the text opens with it ("Thường xuyên báo cáo tiến độ …"), or it stands where a
 * deadline stands ("(thường xuyên)", "thời gian: thường xuyên", "thực hiện thường xuyên"). Elsewhere in a sentence
 * ("kiểm tra thường xuyên việc …") it says how, not when.
 */
const ONGOING = new RegExp(
  String.raw`^[\s\-–+*•]*thường\s+xuyên(?![\p{L}])|\(\s*thường\s+xuyên\s*[,;)]|(?:thời\s+gian|thời\s+hạn)(?:\s+thực\s+hiện)?\s*:?\s*thường\s+xuyên(?![\p{L}])|thực\s+hiện\s+thường\s+xuyên(?![\p{L}])`,
  'iu',
);
/** Each period on its own: "hằng quý", "hàng quý", "mỗi quý", "định kỳ quý"; "6 tháng một lần", "định kỳ 6 tháng"; "hằng năm". */
/** Each with the word it cannot match without (lower case), so most texts skip its search. */
const EVERY: readonly [RegExp, TaskRecurrence, string][] = [
  [/(?<![\p{L}])(?:hằng|hàng|mỗi|từng)\s+quý(?![\p{L}])|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?quý(?![\p{L}])/iu, 'quarter', 'quý'],
  [
    /(?<![\p{L}])(?:(?:hằng|hàng|mỗi|định\s+kỳ)\s+(?:06|6|sáu)\s+tháng|(?:06|6|sáu)\s+tháng\s*(?:một\s+lần|\/\s*lần|1\s+lần))(?![\p{L}])|định\s+kỳ\s+(?:06|6|sáu)\s+tháng/iu,
    'half-year',
    'tháng',
  ],
  [/(?<![\p{L}])(?:hằng|hàng|mỗi|từng)\s+năm(?![\p{L}])|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?năm(?![\p{L}])/iu, 'year', 'năm'],
];

/** How often a text says a task recurs; the shortest period when it names several ("hằng quý, hằng năm"). */
function findEvery(text: string, lower = text.toLowerCase()): TaskRecurrence | null {
  return EVERY.find(([re, , word]) => lower.includes(word) && re.test(text))?.[1] ?? null;
}

const QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= 1930 && y <= 2100;
}

function compare(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function iso(x: YMD): string {
  return `${String(x.y).padStart(4, '0')}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}

/**
 * The earliest day the plan date can mean (a blank day or month counts from the start of the period; so does a
 * malformed or impossible one). Null without a usable year.
 */
function planStart(p: DateParts): YMD | null {
  const { day, month, year } = datePartNumbers(p);
  if (year == null || year < 1930 || year > 2100) return null;
  if (month == null || month < 1 || month > 12) return { y: year, m: 1, d: 1 };
  return { y: year, m: month, d: day != null && isValidDay(year, month, day) ? day : 1 };
}

/**
 * The plan date as the ISO day it certainly is not before: "ngày __ tháng 8 năm 2024" → "2024-08-01"; null when
 * the year is blank or malformed. Compare deadlines against it to tell "certainly before the plan date".
 */
export function planDateStartIso(p: DateParts): string | null {
  const start = planStart(p);
  return start ? iso(start) : null;
}

function monthEnd(y: number, m: number): YMD {
  return { y, m, d: daysInMonth(y, m) };
}

function findDays(text: string): PendingDay[] {
  const out: PendingDay[] = [];
  for (const re of [DAY_AFTER_MARKER, DAY_IN_BRACKETS_AFTER_DONE]) {
    for (const mt of text.matchAll(re)) {
      out.push({ at: mt.index, d: Number(mt[1]), m: Number(mt[2]), y: mt[3] ? Number(mt[3]) : null });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Give year-less days a year: from the next dated day in the text, else from the plan date rolling forward. */
function resolveDays(days: PendingDay[], planDate: DateParts): Found[] {
  const start = planStart(planDate);
  const out: Found[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    let y = day.y;
    if (y == null) {
      const later = days.slice(i + 1).find((x) => x.y != null);
      if (later && later.y != null) {
        y = later.y;
        // "20/12; … 20/01/2025": the earlier batch falls in the year before.
        if (compare({ y, m: day.m, d: day.d }, { y, m: later.m, d: later.d }) > 0) y -= 1;
      } else if (start) {
        y = start.y;
        if (compare({ y, m: day.m, d: day.d }, start) < 0) y += 1;
      } else {
        continue;
      }
    }
    if (!isValidDay(y, day.m, day.d)) continue;
    const ymd = { y, m: day.m, d: day.d };
    out.push({ at: day.at, precision: 'day', start: ymd, end: ymd });
  }
  return out;
}

/** A day date is two numbers around a slash: a text without one skips the day searches. */
const DAY_SLASH = /\d\s*\/\s*\d/u;

function findPeriods(text: string, lower: string): Found[] {
  const out: Found[] = [];
  // Each search only where its word is.
  const monthMatches = lower.includes('tháng') ? text.matchAll(MONTHS) : [];
  const quarterMatches = lower.includes('quý') ? text.matchAll(QUARTER) : [];
  const yearMatches = lower.includes('năm') ? text.matchAll(YEAR) : [];
  for (const mt of monthMatches) {
    const y = Number(mt[2]);
    const months = mt[1]!.split(/\s*(?:,|và|-|–)\s*/u).map(Number).filter((m) => m >= 1 && m <= 12);
    if (!months.length || y < 1930 || y > 2100) continue;
    const first = Math.min(...months);
    const last = Math.max(...months);
    out.push({ at: mt.index, precision: 'month', start: { y, m: first, d: 1 }, end: monthEnd(y, last) });
  }
  for (const mt of quarterMatches) {
    const q = QUARTERS[mt[1]!.toUpperCase()];
    const y = Number(mt[2]);
    if (!q || y < 1930 || y > 2100) continue;
    out.push({ at: mt.index, precision: 'quarter', start: { y, m: q * 3 - 2, d: 1 }, end: monthEnd(y, q * 3) });
  }
  for (const mt of yearMatches) {
    const y = Number(mt[1]);
    if (y < 1930 || y > 2100) continue;
    out.push({ at: mt.index, precision: 'year', start: { y, m: 1, d: 1 }, end: { y, m: 12, d: 31 } });
  }
  return out;
}

function findRelative(text: string): string {
  const phrases: string[] = [];
  for (const mt of text.matchAll(RELATIVE)) {
    const phrase = mt[0].replace(/\s+/gu, ' ').trim();
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
  }
  return phrases.join('; ').slice(0, 300);
}

/**
 * Propose a due date for a task from its text. Returns null when the text names no deadline at all.
 * `planDate` supplies the year for dates written without one.
 */
export function proposeDue(text: string, planDate: DateParts): TaskDue | null {
  const src = text.normalize('NFC');
  // Days, months, quarters, years and relative deadlines are all written with digits: a text without any (most task
  // texts) can only say "thường xuyên" or a recurrence.
  const digits = /\d/u.test(src);
  const lower = src.toLowerCase();
  const days = digits && DAY_SLASH.test(src) ? resolveDays(findDays(src), planDate) : [];
  // A coarse period that contains a precise day adds nothing ("đầu tháng 7/2025 đến 15/7/2025").
  const periods = digits ? findPeriods(src, lower).filter((p) => !days.some((d) => compare(d.start, p.start) >= 0 && compare(d.start, p.end) <= 0)) : [];
  const found = [...days, ...periods].sort((a, b) => a.at - b.at);

  const dates: string[] = [];
  for (const f of found) {
    const s = iso(f.end);
    if (!dates.includes(s)) dates.push(s);
  }
  const relative = digits ? findRelative(src) : '';
  if (!dates.length && !relative) {
    // "Thường xuyên theo dõi …; định kỳ 6 tháng báo cáo": the periods are what can be tracked.
    const every = findEvery(src, lower);
    if (every) return { dates: [], relative: '', source: 'auto', every };
    if (lower.includes('xuyên') && ONGOING.test(src)) return { dates: [], relative: '', source: 'auto', ongoing: true };
    return null;
  }
  return { dates: dates.slice(0, MAX_DATES), relative, source: 'auto' };
}
