import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  EmptyState,
  Group,
  Kbd,
  NativeSelect,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useWindowEvent } from '@mantine/hooks';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocType, PlanStatus, PlanSummary } from '../../../../shared/model';
import { isDocType, isPlanStatus } from '../../../../shared/model/plan-codes';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { notifySuccess } from '../../app/notify';
import { notifyUndoable } from '../../app/notifyUndo';
import { PageLoader } from '../../app/AppLayout';
import { planStatusLabels, toSelectData } from '../../i18n/labels';
import { planDateLabel, planNumberLabel, statusColor } from './planLabels';
import { TemplatePicker } from './TemplatePicker';
import { FirstRunHint } from '../../components/FirstRunHint';
import { PeriodReportButton } from '../reports/PeriodReportButton';
import { ReportGridButton } from '../tasks/ReportGridButton';
import { lightAnchorProps, lightBadge, lightButton, tableLook } from '../../components/lightLook';
import './plans.css';
import { PAGE_SIZE, planListInput, planYearsInput, viewOf, type PlanListView as View } from './planListInput';

type CommandKind = 'duplicate' | 'remove' | 'restore' | 'archive' | 'unarchive' | 'draftReport';
type PlanRowCommands = Record<CommandKind, (plan: PlanSummary) => void>;

/**
 * The commands a row offers. One mutation of each kind serves every row (a row with its own six mutations and four
 * buttons each drawing a loader transition made the first draw of 50 rows the slowest part of opening the list).
 * `commands` keeps its identity across renders, so a row redraws only when its plan or its pending command changes;
 * `pendingOf(id)` names the command in flight on that row.
 */
function usePlanRowCommands(onRemoved: (plan: PlanSummary) => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The plan a "Xóa" was clicked on, for the undo notice (the list no longer holds it once the command refetched it).
  const removing = useRef(new Map<string, PlanSummary>());
  const duplicate = useApiMutation('plan.duplicate', { onSuccess: () => notifySuccess(t('plans.duplicated')) });
  const remove = useApiMutation('plan.remove', {
    onSuccess: (_data, { id }) => {
      const plan = removing.current.get(id);
      removing.current.delete(id);
      if (plan) onRemoved(plan);
    },
    onError: (_error, { id }) => removing.current.delete(id),
  });
  const restore = useApiMutation('plan.restore', { onSuccess: () => notifySuccess(t('plans.restored')) });
  const archive = useApiMutation('plan.archive', { onSuccess: () => notifySuccess(t('plans.archived')) });
  const unarchive = useApiMutation('plan.unarchive', { onSuccess: () => notifySuccess(t('plans.unarchived')) });
  const draftReport = useApiMutation('report.draft', {
    onSuccess: (report) => {
      notifySuccess(t('plans.reportDrafted'));
      void navigate(`/plans/${report.id}`);
    },
  });
  // TanStack's `mutate` keeps its identity for the life of the component.
  const { mutate: mutateDuplicate } = duplicate;
  const { mutate: mutateRemove } = remove;
  const { mutate: mutateRestore } = restore;
  const { mutate: mutateArchive } = archive;
  const { mutate: mutateUnarchive } = unarchive;
  const { mutate: mutateDraftReport } = draftReport;
  const commands = useMemo<PlanRowCommands>(
    () => ({
      duplicate: (plan) => mutateDuplicate({ id: plan.id }),
      remove: (plan) => {
        removing.current.set(plan.id, plan);
        mutateRemove({ id: plan.id });
      },
      restore: (plan) => mutateRestore({ id: plan.id }),
      archive: (plan) => mutateArchive({ id: plan.id }),
      unarchive: (plan) => mutateUnarchive({ id: plan.id }),
      draftReport: (plan) => mutateDraftReport({ planIds: [plan.id] }),
    }),
    [mutateDuplicate, mutateRemove, mutateRestore, mutateArchive, mutateUnarchive, mutateDraftReport],
  );
  const inFlight: [CommandKind, string | undefined][] = [
    ['duplicate', duplicate.isPending ? duplicate.variables?.id : undefined],
    ['remove', remove.isPending ? remove.variables?.id : undefined],
    ['restore', restore.isPending ? restore.variables?.id : undefined],
    ['archive', archive.isPending ? archive.variables?.id : undefined],
    ['unarchive', unarchive.isPending ? unarchive.variables?.id : undefined],
    ['draftReport', draftReport.isPending ? draftReport.variables?.planIds[0] : undefined],
  ];
  const pendingOf = (id: string): CommandKind | undefined => inFlight.find(([, on]) => on === id)?.[0];
  return { commands, pendingOf };
}

/** The words every row shows, translated once per language rather than once per row. */
function rowTextOf(t: TFunction) {
  return {
    status: planStatusLabels(t),
    untitled: t('plans.untitled'),
    reportBadge: t('plans.reportBadge'),
    conflictBadge: t('plans.conflictBadge'),
    unnamedOffice: t('plans.unnamedOffice'),
    restore: t('plans.restore'),
    archive: t('plans.archive'),
    unarchive: t('plans.unarchive'),
    draftReport: t('plans.draftReport'),
    duplicate: t('plans.duplicate'),
    remove: t('actions.delete'),
  };
}
type RowText = ReturnType<typeof rowTextOf>;

interface PlanRowActionsProps {
  plan: PlanSummary;
  text: RowText;
  view: View;
  /** The command in flight on this row: only its button draws a loader. */
  pending: CommandKind | undefined;
  commands: PlanRowCommands;
  t: TFunction;
}

function PlanRowActions({ plan, text, view, pending, commands, t }: PlanRowActionsProps) {
  const busy = (kind: CommandKind) => pending === kind;
  const label = plan.trichYeu || text.untitled;
  const stop = (event: { stopPropagation: () => void }) => event.stopPropagation();
  if (view === 'bin') {
    return (
      <div className="kh-plans-actions" onClick={stop}>
        {lightButton({
          variant: 'light',
          loading: busy('restore'),
          'aria-label': t('plans.restoreNamed', { name: label }),
          onClick: () => commands.restore(plan),
          children: text.restore,
        })}
      </div>
    );
  }
  // A received plan is its owner's to write: a copy of our own, or our report on it, is all she can make of it here.
  const ours = view === 'live';
  return (
    <div className="kh-plans-actions" onClick={stop}>
      {ours &&
        plan.status === 'issued' &&
        lightButton({ loading: busy('archive'), 'aria-label': t('plans.archiveNamed', { name: label }), onClick: () => commands.archive(plan), children: text.archive })}
      {ours &&
        plan.status === 'archived' &&
        lightButton({
          loading: busy('unarchive'),
          'aria-label': t('plans.unarchiveNamed', { name: label }),
          onClick: () => commands.unarchive(plan),
          children: text.unarchive,
        })}
      {ours && plan.status !== 'draft' && <ReportGridButton size="xs" planId={plan.id} label={label} />}
      {plan.docType === 'KH' &&
        lightButton({
          color: 'grape',
          loading: busy('draftReport'),
          'aria-label': t('plans.draftReportNamed', { name: label }),
          onClick: () => commands.draftReport(plan),
          children: text.draftReport,
        })}
      {lightButton({
        color: 'gray',
        loading: busy('duplicate'),
        'aria-label': t('plans.duplicateNamed', { name: label }),
        onClick: () => commands.duplicate(plan),
        children: text.duplicate,
      })}
      {ours &&
        lightButton({ color: 'red', loading: busy('remove'), 'aria-label': t('plans.deleteNamed', { name: label }), onClick: () => commands.remove(plan), children: text.remove })}
    </div>
  );
}

interface PlanRowProps extends PlanRowActionsProps {
  /** The first plan of its office in the received view: a header row with the office's name goes before it. */
  groupStart: boolean;
  onOpen: (plan: PlanSummary) => void;
}

const TITLE_LINK = lightAnchorProps({ color: 'inherit', fontWeight: 500 });
const BADGE_GAP = { marginRight: 'calc(0.375rem * var(--mantine-scale))' };

/**
 * One plan in the table, drawn as plain elements with the Table's, Badge's and Button's look (fifty rows of Mantine
 * components were most of the list's first draw). Memoised: the page redraws for many reasons (each start-up answer,
 * a filter), its rows seldom.
 */
const PlanRow = memo(function PlanRow({ plan, text, view, pending, commands, t, groupStart, onOpen }: PlanRowProps) {
  const title = plan.trichYeu || text.untitled;
  return (
    <>
      {view === 'received' && plan.owner && groupStart && (
        <tr className={tableLook.tr} data-with-row-border="true" data-hover="true">
          <th className={tableLook.th} colSpan={6} scope="colgroup" style={{ background: 'var(--mantine-color-gray-0)' }}>
            {plan.owner.name || text.unnamedOffice}
          </th>
        </tr>
      )}
      <tr
        className={tableLook.tr}
        data-with-row-border="true"
        data-hover="true"
        style={view !== 'bin' ? { cursor: 'pointer' } : undefined}
        onClick={view !== 'bin' ? () => onOpen(plan) : undefined}
      >
        <td className={`${tableLook.td} kh-plans-nowrap`}>
          <span className="kh-plans-number" data-unnumbered={plan.number ? undefined : true}>
            {planNumberLabel(t, plan)}
          </span>
        </td>
        <td className={tableLook.td}>
          {plan.docType === 'BC' && lightBadge('grape', text.reportBadge, { size: 'sm', style: BADGE_GAP })}
          {plan.owner?.conflictOf && lightBadge('orange', text.conflictBadge, { size: 'sm', style: BADGE_GAP })}
          {view !== 'bin' ? (
            <Link to={`/plans/${plan.id}`} {...TITLE_LINK} onClick={(event) => event.stopPropagation()}>
              {title}
            </Link>
          ) : (
            <span className="kh-plans-text">{title}</span>
          )}
        </td>
        <td className={`${tableLook.td} kh-plans-nowrap`}>{planDateLabel(plan)}</td>
        <td className={`${tableLook.td} kh-plans-nowrap`}>{lightBadge(statusColor[plan.status], text.status[plan.status], { style: { overflow: 'visible' } })}</td>
        <td className={tableLook.td}>
          <span className="kh-plans-text">{plan.issuerName}</span>
        </td>
        <td className={`${tableLook.td} kh-plans-nowrap`}>
          <PlanRowActions plan={plan} text={text} view={view} pending={pending} commands={commands} t={t} />
        </td>
      </tr>
    </>
  );
});

/** Rows drawn by the first paint of a page of plans: about a window's height; the rest follow right after it. */
export const FIRST_DRAWN_ROWS = 14;

interface PlanRowsProps extends Pick<PlanRowProps, 'view' | 'commands' | 't' | 'onOpen'> {
  items: PlanSummary[];
  pendingOf: (id: string) => CommandKind | undefined;
}

/**
 * The rows of a page of plans. When the list first comes, the rows a window shows are drawn at once and the others
 * (below the fold) in a render React does after that paint (`useDeferredValue`), so the list is usable sooner.
 */
function PlanRows({ items, view, pendingOf, commands, t, onOpen }: PlanRowsProps) {
  const text = useMemo(() => rowTextOf(t), [t]);
  const drawn = useDeferredValue(items.length, Math.min(items.length, FIRST_DRAWN_ROWS));
  return items.slice(0, Math.max(drawn, Math.min(items.length, FIRST_DRAWN_ROWS))).map((plan, i, all) => (
    <PlanRow
      key={plan.id}
      plan={plan}
      text={text}
      view={view}
      pending={pendingOf(plan.id)}
      commands={commands}
      t={t}
      groupStart={plan.owner?.officeId !== all[i - 1]?.owner?.officeId}
      onOpen={onOpen}
    />
  ));
}

/** #/plans: every plan of the office, searchable without accents, with the bin. */
export default function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const searchRef = useRef<HTMLInputElement>(null);
  // The view lives in the address (?view=bin): the sidebar's "Kế hoạch" link always opens the live list.
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const [search, setSearch] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<PlanStatus | null>(null);
  const [docType, setDocType] = useState<DocType | null>(null);
  const [page, setPage] = useState(1);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [query] = useDebouncedValue(search.trim(), 200);
  const undoRemove = useApiMutation('plan.restore');
  const onRemoved = (plan: PlanSummary) =>
    notifyUndoable({
      message: t('plans.movedToBinNamed', { name: plan.trichYeu || t('plans.untitled') }),
      undoLabel: t('plans.undo'),
      onUndo: () => undoRemove.mutate({ id: plan.id }, { onSuccess: () => notifySuccess(t('plans.restored')) }),
    });
  const { commands, pendingOf } = usePlanRowCommands(onRemoved);

  // Ctrl+F (⌘F) focuses the search box, wherever the focus is.
  useWindowEvent('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  const plans = useApiQuery('plan.list', planListInput({ view, query, page, year, status, docType }), { placeholderData: (previous) => previous });
  const years = useApiQuery('plan.years', planYearsInput(view));
  // The years the plans are dated in; a chosen year stays offered while the data changes under it.
  const yearOptions = [...new Set([...(years.data ?? []), ...(year !== null ? [year] : [])])].sort((a, b) => b - a);
  const statusLabels = planStatusLabels(t);
  const filtering = query !== '' || year !== null || status !== null || docType !== null;
  const resetPage = () => setPage(1);
  const open = useCallback((plan: PlanSummary) => void navigate(`/plans/${plan.id}`), [navigate]);

  const emptyState = () => {
    if (view === 'bin' && filtering) return <EmptyState title={t('plans.binNoMatch')} description={t('plans.noMatchHint')} />;
    if (view === 'bin') return <EmptyState title={t('plans.binEmpty')} description={t('plans.binEmptyHint')} />;
    if (view === 'received' && filtering) return <EmptyState title={t('plans.noMatch')} description={t('plans.noMatchHint')} />;
    if (view === 'received') return <EmptyState title={t('plans.receivedEmpty')} description={t('plans.receivedEmptyHint')} />;
    if (filtering) return <EmptyState title={t('plans.noMatch')} description={t('plans.noMatchHint')} />;
    return (
      <EmptyState title={t('plans.emptyTitle')} description={t('plans.emptyHint')}>
        <EmptyState.Actions>
          <Button onClick={() => setPickerOpen(true)}>{t('plans.create')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{view === 'bin' ? t('plans.binTitle') : view === 'received' ? t('plans.receivedTitle') : t('plans.title')}</Title>
        <Group>
          <SegmentedControl
            aria-label={t('plans.viewLabel')}
            value={view}
            onChange={(value) => {
              setParams(value === 'live' ? {} : { view: value });
              resetPage();
            }}
            data={[
              { value: 'live', label: t('plans.viewLive') },
              { value: 'received', label: t('plans.viewReceived') },
              { value: 'bin', label: t('plans.viewBin') },
            ]}
          />
          {view === 'live' && <PeriodReportButton />}
          <Button variant="light" component={Link} to="/plans/import">
            {t('import.button')}
          </Button>
          <Button onClick={() => setPickerOpen(true)}>{t('plans.create')}</Button>
        </Group>
      </Group>

      <FirstRunHint />

      <Group align="flex-end">
        <TextInput
          ref={searchRef}
          style={{ flex: 1, maxWidth: 480 }}
          type="search"
          label={t('plans.search')}
          placeholder={t('plans.searchPlaceholder')}
          rightSection={<Kbd size="xs">{t('plans.searchShortcut')}</Kbd>}
          rightSectionWidth={64}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            resetPage();
          }}
        />
        <NativeSelect
          label={t('plans.year')}
          value={year === null ? '' : String(year)}
          onChange={(event) => {
            setYear(event.currentTarget.value === '' ? null : Number(event.currentTarget.value));
            resetPage();
          }}
          data={[{ value: '', label: t('plans.allYears') }, ...yearOptions.map((y) => ({ value: String(y), label: String(y) }))]}
        />
        <NativeSelect
          label={t('plans.status')}
          value={status ?? ''}
          onChange={(event) => {
            setStatus(isPlanStatus(event.currentTarget.value) ? event.currentTarget.value : null);
            resetPage();
          }}
          data={[{ value: '', label: t('plans.allStatuses') }, ...toSelectData(statusLabels)]}
        />
        <NativeSelect
          label={t('plans.docType')}
          value={docType ?? ''}
          onChange={(event) => {
            setDocType(isDocType(event.currentTarget.value) ? event.currentTarget.value : null);
            resetPage();
          }}
          data={[
            { value: '', label: t('plans.allDocTypes') },
            { value: 'KH', label: t('plans.docTypeKH') },
            { value: 'BC', label: t('plans.docTypeBC') },
          ]}
        />
      </Group>

      {plans.isPending ? (
        <PageLoader />
      ) : plans.isError ? (
        <Alert color="red" title={t('errors.loadFailed')}>
          {errorMessage(plans.error)}
        </Alert>
      ) : plans.data.items.length === 0 ? (
        emptyState()
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover aria-label={t('plans.tableLabel')} aria-busy={plans.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.colNumber')}</Table.Th>
                  <Table.Th>{t('plans.colTrichYeu')}</Table.Th>
                  <Table.Th>{t('plans.colDate')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('plans.colStatus')}</Table.Th>
                  <Table.Th>{t('plans.colIssuer')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('plans.colActions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <PlanRows items={plans.data.items} view={view} pendingOf={pendingOf} commands={commands} t={t} onOpen={open} />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('plans.total', { total: plans.data.total })}
            </Text>
            {plans.data.total > PAGE_SIZE && (
              <Pagination total={Math.ceil(plans.data.total / PAGE_SIZE)} value={page} onChange={setPage} aria-label={t('plans.pages')} />
            )}
          </Group>
        </>
      )}
      {pickerOpen && <TemplatePicker opened onClose={() => setPickerOpen(false)} />}
    </Stack>
  );
}
