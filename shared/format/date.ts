/**
 * Administrative dates as Party documents print them.
 *
 * Padding rule (Hướng dẫn 36-HD/VPTW): a day below 10 and the months 1 and 2 get a leading zero
 * ("ngày 05 tháng 02", "10/01/2025", "03/10/2024"), other months do not ("tháng 4", "31/3/2025").
 * A draft may leave the day and/or the month blank: the blank prints as spaces to be filled by hand.
 */

/** A date part as stored (the typed text: "05", "", "3x") or as a number (ISO parts, older content; null = blank). */
export type DatePartValue = string | number | null;
/** A date whose parts are typed text (PlanDate) or numbers. */
export interface DateParts {
  day: DatePartValue;
  month: DatePartValue;
  year: DatePartValue;
}

/** What a blank day or month prints as in the place-and-date line ("ngày      tháng 8 năm 2024"). */
export const DATE_LINE_BLANK = '    ';
/** What a blank day or month prints as in a short date ("ngày     /      /2024"). */
export const SHORT_DATE_BLANK = '     ';

/** The part's text, trimmed ("" when blank). */
export function datePartText(part: DatePartValue): string {
  return part == null ? '' : String(part).trim();
}

/** The part as a number when it is only digits ("05" → 5), else null (blank or malformed). */
export function datePartNumber(part: DatePartValue): number | null {
  if (typeof part === 'number') return Number.isInteger(part) ? part : null;
  const t = datePartText(part);
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

/** The numbers of a date (null for a blank or malformed part). */
export function datePartNumbers(date: DateParts): { day: number | null; month: number | null; year: number | null } {
  return { day: datePartNumber(date.day), month: datePartNumber(date.month), year: datePartNumber(date.year) };
}

/** "05" for 5, "15" for 15. */
export function formatDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

/** "01", "02" for January and February; "3" … "12" otherwise. */
export function formatMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** A part as printed: padded when it is a number, as typed otherwise, `blank` when empty. */
function printPart(part: DatePartValue, pad: (n: number) => string, blank: string): string {
  const n = datePartNumber(part);
  if (n != null) return pad(n);
  return datePartText(part) || blank;
}

/** "ngày 05 tháng 02 năm 2025"; blanks for a draft: "ngày      tháng 8 năm 2024" (the date of the place-and-date line). */
export function formatDateWords(date: DateParts): string {
  const day = printPart(date.day, formatDay, DATE_LINE_BLANK);
  const month = printPart(date.month, formatMonth, DATE_LINE_BLANK);
  const year = datePartText(date.year) || DATE_LINE_BLANK;
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "Điện Biên, ngày 05 tháng 02 năm 2025"; blanks for a draft: "Điện Biên, ngày      tháng 8 năm 2024". */
export function formatPlaceDateLine(place: string, date: DateParts): string {
  const where = place.trim();
  return `${where ? `${where}, ` : ''}${formatDateWords(date)}`;
}

/** True when the day, month or year is left blank (a draft's date, filled in by hand). */
export function hasBlankDatePart(date: DateParts): boolean {
  return !datePartText(date.day) || !datePartText(date.month) || !datePartText(date.year);
}

/**
 * A date inside a sentence: "ngày 05/11/2024"; a date with a blank part is written out in words as the
 * place-and-date line prints it ("ngày      tháng 8 năm 2024"), so the blank reads as a space to fill in.
 */
export function formatDateInText(date: DateParts): string {
  return hasBlankDatePart(date) ? formatDateWords(date) : `ngày ${formatShortDate(date)}`;
}

/** "10/01/2025", "31/3/2025", "03/10/2024"; blanks for a draft: "     /     /2024". Accepts a date or an ISO date. */
export function formatShortDate(date: DateParts | string): string {
  const d = typeof date === 'string' ? isoToPlanDate(date) : date;
  const day = printPart(d.day, formatDay, SHORT_DATE_BLANK);
  const month = printPart(d.month, formatMonth, SHORT_DATE_BLANK);
  return `${day}/${month}/${datePartText(d.year) || SHORT_DATE_BLANK}`;
}

/** "2025-01-10" → {day: 10, month: 1, year: 2025}. Throws on a malformed string. */
export function isoToPlanDate(iso: string): { day: number; month: number; year: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Ngày không hợp lệ: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Days in a month of a year (February of 2024: 29). */
export function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the day exists in the calendar (no 31/02, no 29/02/2025). */
export function isRealDay(day: number, month: number, year: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** True for "YYYY-MM-DD" naming a day that exists. */
export function isRealIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m != null && isRealDay(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** {day: 10, month: 1, year: 2025} → "2025-01-10"; null when a part is blank or malformed or the date does not exist. */
export function planDateToIso(date: DateParts): string | null {
  const { day, month, year } = datePartNumbers(date);
  if (day == null || month == null || year == null || year < 1000 || !isRealDay(day, month, year)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
