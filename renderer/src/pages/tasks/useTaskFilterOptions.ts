import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import type { FilterOptions } from './TaskFilterBar';

/**
 * The bodies, plans and terms the filter bar offers (those present among tracked tasks). Plans are many: the backend
 * offers the newest 50, or those matching the words typed in the field (`onPlanSearch`), and the chosen one. Nothing
 * is asked while `enabled` is false (the page holds it back until its first rows have come).
 */
export function useTaskFilterOptions(planId: string | null, enabled = true): FilterOptions {
  const { t } = useTranslation();
  const [planSearch, setPlanSearch] = useState('');
  const [search] = useDebouncedValue(planSearch, 200);
  const options = useApiQuery('task.filterOptions', { planSearch: search, ...(planId ? { planId } : {}) }, { placeholderData: (previous) => previous, enabled });
  const data = options.data;
  return {
    bodies: data?.bodies ?? [],
    plans: (data?.plans ?? []).map((p) => ({
      id: p.id,
      label: `${p.ref ? t('plans.numberLabel', { code: p.ref }) : t('plans.unnumbered')} — ${p.trichYeu || t('plans.untitled')}`,
    })),
    plansMore: Math.max(0, (data?.plansTotal ?? 0) - (data?.plans.length ?? 0)),
    terms: data?.terms ?? [],
    owners: data?.owners ?? [],
    onPlanSearch: setPlanSearch,
  };
}
