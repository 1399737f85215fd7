/**
 * Administrative dates as Party documents print them.
 *
 * Padding rule (Hướng dẫn 36-HD/VPTW): a day below 10 and the months 1 and 2 get a leading zero
 * ("ngày 05 tháng 02", "10/01/2025", "03/10/2024"), other months do not ("tháng 4", "31/3/2025").
 * A draft may leave the day and/or the month blank: the blank prints as spaces to be filled by hand.
 */
import type { PlanDate } from '../model/plan';

/** What a blank day or month prints as in the place-and-date line ("ngày      tháng 8 năm 2024"). */
export const DATE_LINE_BLANK = '    ';
/** What a blank day or month prints as in a short date ("ngày     /      /2024"). */
export const SHORT_DATE_BLANK = '     ';

/** "05" for 5, "15" for 15. */
export function formatDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

/** "01", "02" for January and February; "3" … "12" otherwise. */
export function formatMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** "Điện Biên, ngày 05 tháng 02 năm 2025"; blanks for a draft: "Điện Biên, ngày      tháng 8 năm 2024". */
export function formatPlaceDateLine(place: string, date: PlanDate): string {
  const day = date.day == null ? DATE_LINE_BLANK : formatDay(date.day);
  const month = date.month == null ? DATE_LINE_BLANK : formatMonth(date.month);
  const where = place.trim();
  return `${where ? `${where}, ` : ''}ngày ${day} tháng ${month} năm ${date.year}`;
}

/** "10/01/2025", "31/3/2025", "03/10/2024"; blanks for a draft: "     /     /2024". Accepts a PlanDate or an ISO date. */
export function formatShortDate(date: PlanDate | string): string {
  const d = typeof date === 'string' ? isoToPlanDate(date) : date;
  const day = d.day == null ? SHORT_DATE_BLANK : formatDay(d.day);
  const month = d.month == null ? SHORT_DATE_BLANK : formatMonth(d.month);
  return `${day}/${month}/${d.year}`;
}

/** "2025-01-10" → {day: 10, month: 1, year: 2025}. Throws on a malformed string. */
export function isoToPlanDate(iso: string): PlanDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Ngày không hợp lệ: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** {day: 10, month: 1, year: 2025} → "2025-01-10"; null when the day or month is blank or the date does not exist. */
export function planDateToIso(date: PlanDate): string | null {
  if (date.day == null || date.month == null) return null;
  const dt = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (dt.getUTCFullYear() !== date.year || dt.getUTCMonth() !== date.month - 1 || dt.getUTCDate() !== date.day) return null;
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
