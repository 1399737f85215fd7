/** The filter bar of the Nhiệm vụ page: search (accents optional), status, body, whose plan, plan, term and a due range. */
import type { RefObject } from 'react';
import { Button, Group, Kbd, MultiSelect, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import type { TaskStatusCode } from '../../../../shared/tasks';
import { EMPTY_FILTER, isFiltering, type TaskFilterState } from './taskFilter';
import { taskStatusLabels, TASK_STATUS_ORDER } from './taskStatus';

export interface FilterOptions {
  bodies: string[];
  /** The plans offered now (the newest, or those matching the words typed in the field). */
  plans: { id: string; label: string }[];
  /** Plans not offered (type to narrow). */
  plansMore?: number;
  terms: string[];
  /** The offices whose received plans have tasks here: with them, "whose plan" is offered (ours or a unit's). */
  owners: { officeId: string; name: string }[];
  /** The words typed in the plan field; the plans offered follow them (searched by the backend). */
  onPlanSearch?: (words: string) => void;
}

/** A closed list draws nothing (Mantine keeps every option of a closed Combobox in the page by default). */
const DROPDOWN_WHEN_OPEN = { keepMounted: false } as const;

interface Props {
  filter: TaskFilterState;
  options: FilterOptions;
  onChange: (next: TaskFilterState) => void;
  searchRef?: RefObject<HTMLInputElement | null>;
}

export function TaskFilterBar({ filter, options, onChange, searchRef }: Props) {
  const { t } = useTranslation();
  const labels = taskStatusLabels(t);
  const set = (patch: Partial<TaskFilterState>) => onChange({ ...filter, ...patch });
  // A value named by the address stays offered even when no task has it any more.
  const withValue = (list: string[], value: string | null) => (value && !list.includes(value) ? [value, ...list] : list);
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('tasks.filters')}>
      <TextInput
        ref={searchRef}
        style={{ flex: '1 1 260px', maxWidth: 420 }}
        type="search"
        label={t('tasks.search')}
        placeholder={t('tasks.searchPlaceholder')}
        rightSection={<Kbd size="xs">{t('plans.searchShortcut')}</Kbd>}
        rightSectionWidth={64}
        value={filter.search}
        onChange={(event) => set({ search: event.currentTarget.value })}
      />
      <MultiSelect
        style={{ flex: '1 1 220px', maxWidth: 360 }}
        label={t('tasks.status')}
        placeholder={filter.statuses.length ? undefined : t('tasks.allStatuses')}
        data={TASK_STATUS_ORDER.map((s) => ({ value: s, label: labels[s] }))}
        value={filter.statuses}
        onChange={(values) => set({ statuses: values as TaskStatusCode[] })}
        clearable
        comboboxProps={DROPDOWN_WHEN_OPEN}
      />
      <Select
        style={{ flex: '1 1 200px', maxWidth: 300 }}
        label={t('tasks.body')}
        placeholder={t('tasks.allBodies')}
        data={withValue(options.bodies, filter.body)}
        value={filter.body}
        onChange={(value) => set({ body: value })}
        searchable
        clearable
        comboboxProps={DROPDOWN_WHEN_OPEN}
        nothingFoundMessage={t('tasks.nothingFound')}
      />
      {(options.owners.length > 0 || filter.owner) && (
        <Select
          style={{ flex: '1 1 200px', maxWidth: 300 }}
          label={t('tasks.owner')}
          placeholder={t('tasks.allOwners')}
          data={[
            { value: 'self', label: t('tasks.ownerSelf') },
            ...options.owners.map((o) => ({ value: o.officeId, label: o.name })),
            ...(filter.owner && filter.owner !== 'self' && !options.owners.some((o) => o.officeId === filter.owner) ? [{ value: filter.owner, label: filter.owner }] : []),
          ]}
          value={filter.owner}
          onChange={(value) => set({ owner: value })}
          clearable
          comboboxProps={DROPDOWN_WHEN_OPEN}
        />
      )}
      <Select
        style={{ flex: '1 1 220px', maxWidth: 340 }}
        label={t('tasks.plan')}
        placeholder={options.plansMore ? t('tasks.allPlansTypeToFind', { count: options.plans.length + options.plansMore }) : t('tasks.allPlans')}
        data={options.plans.map((p) => ({ value: p.id, label: p.label }))}
        value={filter.planId}
        onChange={(value) => set({ planId: value })}
        searchable
        onSearchChange={(words) => options.onPlanSearch?.(options.plans.some((p) => p.label === words) ? '' : words)}
        // The backend already chose the plans for the words typed.
        filter={options.onPlanSearch ? ({ options: all }) => all : undefined}
        clearable
        comboboxProps={DROPDOWN_WHEN_OPEN}
        nothingFoundMessage={t('tasks.nothingFound')}
      />
      <Select
        w={140}
        label={t('tasks.term')}
        placeholder={t('tasks.allTerms')}
        data={withValue(options.terms, filter.term)}
        value={filter.term}
        onChange={(value) => set({ term: value })}
        clearable
        comboboxProps={DROPDOWN_WHEN_OPEN}
      />
      <DateInput w={150} label={t('tasks.dueFrom')} value={filter.dueFrom ?? null} onChange={(dueFrom) => set({ dueFrom })} />
      <DateInput w={150} label={t('tasks.dueTo')} value={filter.dueTo ?? null} onChange={(dueTo) => set({ dueTo })} />
      {isFiltering(filter) && (
        <Button
          variant="subtle"
          onClick={() => onChange(EMPTY_FILTER)}
        >
          {t('tasks.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
