/**
 * #/tasks (Nhiệm vụ): every tracked task of the issued plans, filtered and searched without accents, soonest due
 * first, overdue ones standing out. The filters live in the address; `?task=ID` opens that task's drawer.
 */
import { useRef } from 'react';
import { Alert, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useWindowEvent } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { PeriodReportButton } from '../reports/PeriodReportButton';
import { ExportXlsxButton } from './ExportXlsxButton';
import { ReportGridButton } from './ReportGridButton';
import { TaskDrawer } from './TaskDrawer';
import { TaskFilterBar } from './TaskFilterBar';
import { filterFromParams, isFiltering, listInputOf, PAGE_ROWS, paramsFromFilter, type TaskFilterState } from './taskFilter';
import { TaskTable } from './TaskTable';
import { useTaskFilterOptions } from './useTaskFilterOptions';

export default function TasksPage() {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const openTask = params.get('task');
  const [search] = useDebouncedValue(filter.search, 200);
  const input = listInputOf(filter, search);
  const first = useApiQuery('task.list', { ...input, offset: 0, limit: PAGE_ROWS }, { placeholderData: (previous) => previous });
  // What the filters offer is read once the first rows have come: the backend answers one call at a time.
  const options = useTaskFilterOptions(filter.planId, !first.isPending);

  const setFilter = (next: TaskFilterState) => setParams(paramsFromFilter(next, openTask), { replace: true });
  const setOpen = (id: string | null) => setParams(paramsFromFilter(filter, id));

  // Ctrl+F (⌘F) focuses the search box, wherever the focus is.
  useWindowEvent('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  const body = () => {
    if (first.isPending) return <PageLoader />;
    if (first.isError)
      return (
        <Alert color="red" title={t('errors.loadFailed')}>
          {errorMessage(first.error)}
        </Alert>
      );
    if (first.data.total === 0)
      return isFiltering(filter) ? (
        <EmptyState title={t('tasks.noMatch')} description={t('tasks.noMatchHint')} />
      ) : (
        <EmptyState title={t('tasks.emptyTitle')} description={t('tasks.emptyHint')} />
      );
    return (
      <>
        <TaskTable filter={input} total={first.data.total} firstPage={first.data} onOpen={(task) => setOpen(task.id)} label={t('tasks.tableLabel')} />
        <Text size="sm" c="dimmed">
          {t('tasks.total', { total: first.data.total })} · {t('tasks.keyboardHint')}
        </Text>
      </>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('tasks.title')}</Title>
        <Group gap="sm">
          {filter.planId && <ReportGridButton planId={filter.planId} label={options.plans.find((p) => p.id === filter.planId)?.label ?? ''} />}
          <PeriodReportButton key={filter.planId ?? ''} initialPlanIds={filter.planId ? [filter.planId] : []} />
          <ExportXlsxButton filter={input} disabled={!first.data?.total} />
        </Group>
      </Group>
      <TaskFilterBar filter={filter} options={options} onChange={setFilter} searchRef={searchRef} />
      {body()}
      {openTask !== null && <TaskDrawer id={openTask} onClose={() => setOpen(null)} today={first.data?.on} />}
    </Stack>
  );
}
