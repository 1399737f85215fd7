/** Dates that cannot be printed on an issued document: malformed parts and days that are not in the calendar. */
import { datePartNumber, datePartText, daysInMonth, formatShortDate, isRealIsoDate } from '../format/date';
import type { PlanDate } from '../model/plan';
import { type Findings, type Path } from './findings';

export const YEAR_MIN = 1930;
export const YEAR_MAX = 2100;

/** The plan's date (ngày … tháng … năm …): each part as typed, and the day must exist in that month. */
export function checkPlanDate(date: PlanDate, at: Path, f: Findings): void {
  const yearText = datePartText(date.year);
  const monthText = datePartText(date.month);
  const dayText = datePartText(date.day);
  let year = datePartNumber(date.year);
  let month = datePartNumber(date.month);
  let day = datePartNumber(date.day);

  if (yearText === '') {
    f.error('date.year-missing', [...at, 'year'], 'Chưa có năm ban hành (ví dụ 2025).');
  } else if (!/^\d{4}$/.test(yearText) || year == null || year < YEAR_MIN || year > YEAR_MAX) {
    f.error('date.year-invalid', [...at, 'year'], `Năm "${yearText}" không hợp lệ: năm ghi đủ 4 chữ số, từ ${YEAR_MIN} đến ${YEAR_MAX} (ví dụ 2025).`);
    year = null;
  }
  if (monthText !== '' && (month == null || month < 1 || month > 12)) {
    f.error('date.month-invalid', [...at, 'month'], `Tháng "${monthText}" không hợp lệ: tháng là số từ 1 đến 12.`);
    month = null;
  }
  if (dayText !== '' && (day == null || day < 1 || day > 31)) {
    f.error('date.day-invalid', [...at, 'day'], `Ngày "${dayText}" không hợp lệ: ngày là số từ 1 đến 31.`);
    day = null;
  }
  if (dayText !== '' && monthText === '') {
    f.error('date.day-without-month', [...at, 'month'], 'Đã ghi ngày nhưng chưa ghi tháng: ghi cả tháng, hoặc để trống cả ngày và tháng.');
  }
  if (day == null || month == null) return;
  // Without a valid year, February may have 29 days; a 30 or 31 tháng 2 is impossible in every year.
  const days = daysInMonth(month, year ?? 2000);
  if (day > days) {
    const when = year != null ? `tháng ${month} năm ${year}` : `tháng ${month}`;
    f.error(
      'date.impossible',
      [...at, 'day'],
      `Ngày ${day} tháng ${month}${year != null ? ` năm ${year}` : ''} không có trong lịch: ${when} chỉ có ${days} ngày. Hãy sửa ngày ban hành.`,
    );
  }
}

/** A day picked as "YYYY-MM-DD" (a deadline, a due date) that does not exist in the calendar. */
export function checkIsoDay(iso: string, at: Path, rule: string, what: string, f: Findings): void {
  if (isRealIsoDate(iso)) return;
  f.error(rule, at, `${what} (${formatShortDate(iso)}) không có trong lịch. Hãy chọn lại ngày.`);
}
