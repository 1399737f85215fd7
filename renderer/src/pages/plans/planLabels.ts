import type { TFunction } from 'i18next';
import { formatDocSymbol, formatShortDate } from '../../../../shared/format';
import type { PlanStatus, PlanSummary } from '../../../../shared/model';

/** "Số 315-KH/HU" ("Số 07-BC/HU" for a report), or "Chưa cấp số" for an unnumbered draft. */
export function planNumberLabel(t: TFunction, plan: Pick<PlanSummary, 'number' | 'symbol' | 'docType'>): string {
  if (!plan.number.trim()) return t('plans.unnumbered');
  return t('plans.numberLabel', { code: formatDocSymbol(plan.number, plan.docType, plan.symbol) });
}

/** "10/01/2025"; a blank day or month shows as "…". */
export function planDateLabel(plan: Pick<PlanSummary, 'date'>): string {
  return formatShortDate(plan.date).replace(/ +/g, '…');
}

export const statusColor: Record<PlanStatus, string> = { draft: 'gray', issued: 'green', archived: 'blue' };
