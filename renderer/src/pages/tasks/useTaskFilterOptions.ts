import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import type { FilterOptions } from './TaskFilterBar';

/** The bodies, plans and terms the filter bar offers (those present among tracked tasks). */
export function useTaskFilterOptions(): FilterOptions {
  const { t } = useTranslation();
  const options = useApiQuery('task.filterOptions', {});
  const data = options.data;
  return {
    bodies: data?.bodies ?? [],
    plans: (data?.plans ?? []).map((p) => ({
      id: p.id,
      label: `${p.ref ? t('plans.numberLabel', { code: p.ref }) : t('plans.unnumbered')} — ${p.trichYeu || t('plans.untitled')}`,
    })),
    terms: data?.terms ?? [],
  };
}
