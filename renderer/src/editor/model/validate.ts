/**
 * Field validation of the editor. Each check returns an i18n key (namespace 'editor') or null; the forms come from
 * the model (shared/model/field-forms.ts), the same the lint checks a stored plan against.
 */
import { datePartNumbers, daysInMonth } from '../../../../shared/format/date';
import { parseTypedDocNumber } from '../../../../shared/format/symbol';
import { FIELD_FORMS } from '../../../../shared/model/field-forms';
import type { PlanDate } from '../../../../shared/model';

export type Check = (value: string) => string | null;

export const checkNumber: Check = (v) =>
  v === '' || FIELD_FORMS.docNumber.test(v) ? null : parseTypedDocNumber(v) ? 'validation.numberWithSymbol' : 'validation.numberDigits';
export const checkSymbol: Check = (v) => (v === '' || FIELD_FORMS.issuerSymbol.test(v) ? null : 'validation.symbol');

function checkYears(v: string, pattern: RegExp, key: string): string | null {
  if (v === '') return null;
  const m = pattern.exec(v);
  if (!m) return key;
  return Number(m[2]) > Number(m[1]) ? null : 'validation.termOrder';
}
/** The committee term of the plan: "2025-2030". */
export const checkPlanTerm: Check = (v) => checkYears(v, FIELD_FORMS.planTerm, 'validation.planTerm');
/** A pilot unit's term as printed: "2025 - 2030". */
export const checkUnitTerm: Check = (v) => checkYears(v, FIELD_FORMS.unitTerm, 'validation.unitTerm');

/** A day that does not exist in the chosen month (31/4, 29/2 of a common year). */
export function checkPlanDate(date: PlanDate): string | null {
  const { day, month, year } = datePartNumbers(date);
  if (day !== null && month !== null && month >= 1 && month <= 12 && day > daysInMonth(month, year ?? 2000)) return 'validation.dayNotInMonth';
  if (date.day.trim() !== '' && date.month.trim() === '') return 'validation.dayWithoutMonth';
  return null;
}

/** "Thường trực Tỉnh ủy (b/c)" → text + note, the form recipient presets are saved in. */
export function splitRecipientPreset(preset: string): { text: string; note: string } {
  const m = /^(.*?)\s*(\([^()]*\))\s*$/u.exec(preset.trim());
  return m ? { text: (m[1] as string).trim(), note: m[2] as string } : { text: preset.trim(), note: '' };
}

export const joinRecipientPreset = (text: string, note: string): string => [text.trim(), note.trim()].filter(Boolean).join(' ');
