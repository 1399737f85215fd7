/**
 * The plan editor (route #/plans/:id): forms in tabs on the left, the live A4 preview on the right.
 * One reducer holds the draft; every change is autosaved within about a second; Ctrl+S saves now, Ctrl+P prints.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useHotkeys, useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/vi';
import '@mantine/dates/styles.css';
import { defaultFormatProfile, type FormatProfile, type LintFinding, type Plan, type PlanContent } from '../../../shared/model';
import { composeLayout, headingNumbersOf } from '../../../shared/layout';
import { ApiCallError, call, errorMessage } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/queries';
import { notifyError, notifySuccess } from '../app/notify';
import { PreviewPane } from '../preview/PreviewPane';
import { usePrint } from '../preview/usePrint';
import { useConfirm } from '../components/confirm';
import { AppendicesForm } from './forms/AppendicesForm';
import { BodyForm } from './forms/BodyForm';
import { CanCuForm } from './forms/CanCuForm';
import { DutiesForm } from './forms/DutiesForm';
import { GeneralForm } from './forms/GeneralForm';
import { PilotUnitsForm } from './forms/PilotUnitsForm';
import { RecipientsForm } from './forms/RecipientsForm';
import { SignatureForm } from './forms/SignatureForm';
import { exportSource, type ExportFormat } from './model/export-file';
import { focusField, tabsFor, focusFirstField, tabForPath, type EditorTab } from './model/tabs';
import { ActionsBar } from './panels/ActionsBar';
import { DamagedRevisionsNotice } from './panels/DamagedRevisionsNotice';
import { FindingsPanel } from './panels/FindingsPanel';
import { IssueTaskPreview } from './panels/IssueTaskPreview';
import { RevisionsDrawer } from './panels/RevisionsDrawer';
import { SaveStatus } from './panels/SaveStatus';
import { EditorProviders, indexFindings, type EditApi, type Lookups } from './state/context';
import { draftReducer, initDraft, isReadOnly } from './state/draft';
import { heldFields, useAutosave } from './state/useAutosave';
import { useLint } from './state/useLint';
import { useUnsavedGuard } from './state/useUnsavedGuard';
import './editor.css';

const officeDefaultProfile = defaultFormatProfile();

export default function PlanEditorPage({ planId }: { planId?: string }) {
  const { t, i18n } = useTranslation('editor');
  const params = useParams();
  const id = planId ?? params.id ?? '';
  const plan = useApiQuery('plan.get', { id }, { enabled: id !== '', staleTime: 0, gcTime: 0, refetchOnMount: 'always' });

  if (plan.isPending) {
    return (
      <Center p="xl">
        <Stack align="center" gap="xs">
          <Loader aria-label={t('page.loading')} />
          <Text size="sm" c="dimmed">
            {t('page.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (plan.error || !plan.data) {
    return (
      <Alert color="red" title={t('page.loadFailedTitle')} m="md">
        <Stack gap="xs">
          <Text size="sm">{plan.error ? errorMessage(plan.error) : t('page.notFound')}</Text>
          <Group>
            <Button size="xs" variant="light" onClick={() => void plan.refetch()}>
              {t('page.retry')}
            </Button>
            <Button size="xs" variant="subtle" component={Link} to="/plans">
              {t('page.backToList')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <PlanEditor key={plan.data.id} plan={plan.data} />
    </DatesProvider>
  );
}

function PlanEditor({ plan }: { plan: Plan }) {
  const { t } = useTranslation('editor');
  const navigate = useNavigate();
  const confirm = useConfirm();
  const [draft, dispatch] = useReducer(draftReducer, plan, initDraft);
  const { content } = draft;
  const readOnly = isReadOnly(draft);
  const id = draft.planId;

  const self = useApiQuery('org.getSelf', {});
  const settings = useApiQuery('settings.get', {});
  const orgs = useApiQuery('org.list', {});
  const lookups = useMemo<Lookups>(() => ({ orgs: orgs.data ?? [], self: self.data ?? null, settings: settings.data ?? null }), [orgs.data, self.data, settings.data]);
  const profile: FormatProfile = content.profile ?? settings.data?.formatProfile ?? officeDefaultProfile;
  // Each numbered block's printed number ("I.", "a)", "-"), shown beside it in Nội dung.
  const headingNumbers = useMemo(() => headingNumbersOf(composeLayout(content, profile)), [content, profile]);

  const edit = useCallback((recipe: (c: PlanContent) => PlanContent) => dispatch({ type: 'edit', recipe }), []);
  const editApi = useMemo<EditApi>(() => ({ edit, readOnly }), [edit, readOnly]);

  const lint = useLint(content, id);

  // --- autosave, and reloading when the stored plan changed under us
  const reload = useCallback(
    async (message: string) => {
      try {
        const fresh = await call('plan.get', { id });
        dispatch({ type: 'load', plan: fresh });
      } catch (err) {
        notifyError(err);
      }
      notifications.show({ color: 'orange', title: t('save.conflictTitle'), message, autoClose: 12_000 });
    },
    [id, t],
  );
  const onConflict = useCallback((err: ApiCallError) => void reload(err.message), [reload]);
  const autosave = useAutosave(draft, dispatch, onConflict);
  const saveStatus = autosave.status;
  useUnsavedGuard(autosave.unsaved);
  // A field whose value is not stored says why (before any lint finding for the same field).
  const findings = useMemo(
    () => indexFindings([...heldFields(saveStatus).map((f) => ({ rule: 'save.held', severity: 'error' as const, message: f.message, path: f.path })), ...lint.findings]),
    [saveStatus, lint.findings],
  );

  // --- tabs and jumping to a finding's field
  const [tab, setTab] = useState<EditorTab>('general');
  const [focusRequest, setFocusRequest] = useState<{ path: (string | number)[]; n: number } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const frame = requestAnimationFrame(() => focusField(focusRequest.path));
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, tab]);
  const openPath = useCallback(
    (path: (string | number)[]) => {
      setTab(tabForPath(path, content.body));
      setFocusRequest((r) => ({ path, n: (r?.n ?? 0) + 1 }));
    },
    [content.body],
  );
  const openFinding = useCallback((f: LintFinding) => openPath(f.path), [openPath]);
  const openTab = useCallback((next: 'units' | 'duties' | 'body') => setTab(next), []);
  // Opening the editor puts the caret into the first field of the open tab; a tab opens at its top.
  const panelsRef = useRef<HTMLDivElement>(null);
  const panelViewportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (panelsRef.current?.contains(document.activeElement)) return;
      focusFirstField(panelsRef.current?.querySelector('[role="tabpanel"]') ?? null);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  useLayoutEffect(() => {
    panelViewportRef.current?.scrollTo({ top: 0 });
  }, [tab]);

  // --- actions
  const { printRoot, print, preparing } = usePrint();
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const allocate = useApiMutation('plan.allocateNumber', { silent: true });
  const issue = useApiMutation('plan.issue', { silent: true });
  const duplicate = useApiMutation('plan.duplicate', { silent: true });
  const saveFile = useApiMutation('file.chooseSave', { silent: true });
  const reopen = useApiMutation('plan.reopen', { silent: true });
  const draftReport = useApiMutation('report.draft', { silent: true });

  const saveNow = useCallback(async () => {
    await autosave.flush();
  }, [autosave]);

  const onAllocateNumber = async () => {
    await autosave.flush();
    try {
      const stored = await allocate.mutateAsync({ id });
      dispatch({ type: 'server', plan: stored, take: (s, d) => ({ ...d, header: { ...d.header, number: s.header.number }, term: d.term || s.term }) });
      notifySuccess(t('general.numberAllocated', { number: stored.header.number, symbol: stored.header.issuer.symbol }));
    } catch (err) {
      notifyError(err, t('general.allocateFailed'));
      if (err instanceof ApiCallError && err.apiError.issues?.[0]) openPath(err.apiError.issues[0].path);
    }
  };

  // Drafts are printed for review, errors and all, but only after saying which errors remain.
  const lintErrors = useMemo(() => lint.findings.filter((f) => f.severity === 'error'), [lint.findings]);
  const lintWarnings = useMemo(() => lint.findings.filter((f) => f.severity === 'warning'), [lint.findings]);
  const errorsRef = useRef(lintErrors);
  errorsRef.current = lintErrors;
  const goOnDespiteErrors = useCallback(
    async (actionLabel: string) => {
      const errors = errorsRef.current;
      if (errors.length === 0) return true;
      return confirm({
        title: t('draftErrors.title'),
        message: t('draftErrors.message', { count: errors.length }),
        items: errors.map((f) => f.message),
        confirmLabel: actionLabel,
      });
    },
    [confirm, t],
  );

  const onIssue = async () => {
    // Saved first, so the tasks the question lists are those of the text on screen.
    await autosave.flush();
    // A plan's tasks (a report has none); the question is still asked if the preview cannot be had.
    const tasks = await call('task.preview', { planId: id }).catch(() => null);
    const ok = await confirm({
      title: t('issue.confirmTitle'),
      message: lintWarnings.length ? t('issue.confirmWithWarnings', { count: lintWarnings.length }) : t('issue.confirm'),
      items: lintWarnings.map((f) => f.message),
      details: tasks ? <IssueTaskPreview items={tasks.items} /> : undefined,
      confirmLabel: t('actions.issue'),
    });
    if (!ok) return;
    try {
      const stored = await issue.mutateAsync({ id });
      dispatch({ type: 'server', plan: stored, take: (s) => s });
      notifySuccess(t('issue.done'));
    } catch (err) {
      notifyError(err, t('issue.failed'));
      if (err instanceof ApiCallError && err.apiError.issues?.[0]) openPath(err.apiError.issues[0].path);
    }
  };

  const onUnlock = async () => {
    const ok = await confirm({ title: t('issued.confirmEditTitle'), message: t('issued.confirmEdit'), confirmLabel: t('issued.edit') });
    if (!ok) return;
    try {
      // Back to draft on the server; the issued revision stays in the history.
      const reopened = await reopen.mutateAsync({ id });
      dispatch({ type: 'server', plan: reopened, take: (s) => s });
    } catch (err) {
      notifyError(err);
    }
  };

  const onDuplicate = async () => {
    try {
      const copy = await duplicate.mutateAsync({ id });
      notifySuccess(t('issued.duplicated'));
      void navigate(`/plans/${copy.id}`);
    } catch (err) {
      notifyError(err);
    }
  };

  /** Lập báo cáo: the plan saved first, then a new BÁO CÁO drafted from it and opened here. */
  const onDraftReport = async () => {
    try {
      await autosave.flush();
      const report = await draftReport.mutateAsync({ planIds: [id] });
      notifySuccess(t('page.reportDrafted'));
      void navigate(`/plans/${report.id}`);
    } catch (err) {
      notifyError(err, t('page.reportFailed'));
    }
  };

  const onExport = async (format: ExportFormat) => {
    if (!(await goOnDespiteErrors(t(format === 'docx' ? 'actions.exportDocx' : 'actions.exportPdf')))) return;
    setExporting(format);
    try {
      await autosave.flush();
      const result = await saveFile.mutateAsync({ source: exportSource(id, format) });
      if (result.saved) notifySuccess(t('actions.exported', { fileName: result.fileName }));
    } catch (err) {
      notifyError(err, t(format === 'docx' ? 'actions.exportFailed' : 'actions.pdfFailed'));
    } finally {
      setExporting(null);
    }
  };
  const onExportDocx = () => onExport('docx');

  const onPrint = useCallback(() =>
      void goOnDespiteErrors(t('actions.print')).then((ok) => {
        if (ok) void print();
      }), [goOnDespiteErrors, print, t]);
  const onPdf = () => onExport('pdf');

  useHotkeys(
    [
      ['mod+S', () => void saveNow()],
      ['mod+P', onPrint],
    ],
    [],
    true,
  );

  // The preview can be collapsed to give the forms the whole width (small screens); the choice is remembered.
  const [previewShown, setPreviewShown] = useLocalStorage<boolean>({ key: 'kehoach.editor.preview', defaultValue: true, getInitialValueInEffect: false });

  // The same element on every keystroke: React skips the tab strip.
  const docType = content.header.docType;
  const tabList = useMemo(
    () => (
      <Tabs.List>
        {tabsFor(docType).map((name) => (
          <Tabs.Tab key={name} value={name}>
            {t(`tabs.${name}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    ),
    [t, docType],
  );
  const statusLabel = t(`status.${draft.status}`);
  const title = content.trichYeu.trim() || t('page.untitled');

  return (
    <EditorProviders edit={editApi} findings={findings} lookups={lookups}>
      <Stack gap="xs" className="kh-editor" data-read-only={readOnly}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Button size="xs" variant="subtle" component={Link} to="/plans" aria-label={t('page.backToList')}>
              ←
            </Button>
            <Title order={2} size="h4" lineClamp={1} style={{ minWidth: 0 }}>
              {title}
            </Title>
            <Badge color={draft.status === 'issued' ? 'green' : draft.status === 'archived' ? 'gray' : 'blue'} style={{ flex: 'none' }}>
              {statusLabel}
            </Badge>
            {docType === 'BC' && (
              <Badge color="grape" variant="light" style={{ flex: 'none' }}>
                {t('page.reportBadge')}
              </Badge>
            )}
            <SaveStatus status={saveStatus} onRetry={() => void saveNow()} onOpenField={openPath} />
          </Group>
          <ActionsBar
            onExportDocx={() => void onExportDocx()}
            exporting={exporting === 'docx'}
            onPrint={onPrint}
            onPdf={() => void onPdf()}
            printing={preparing || exporting === 'pdf'}
            onIssue={() => void onIssue()}
            issuing={issue.isPending}
            issueBlocked={lintErrors.length ? t('issue.blocked', { count: lintErrors.length }) : null}
            canIssue={draft.status === 'draft' && !draft.received}
            onHistory={() => setHistoryOpen(true)}
            onDraftReport={docType === 'KH' ? () => void onDraftReport() : undefined}
            draftingReport={draftReport.isPending}
          />
          <Button size="xs" variant="default" aria-pressed={previewShown} onClick={() => setPreviewShown((shown) => !shown)}>
            {previewShown ? t('page.hidePreview') : t('page.showPreview')}
          </Button>
        </Group>

        <DamagedRevisionsNotice planId={id} />

        {readOnly && (
          <Alert color={draft.received ? 'blue' : 'green'} py={6} title={draft.received ? t('received.title', { office: plan.origin?.name ?? '' }) : t('issued.title')}>
            <Group justify="space-between" gap="xs">
              <Text size="sm">{draft.received ? t('received.readOnly') : t(`issued.readOnly.${draft.status}`)}</Text>
              <Group gap="xs">
                {draft.status === 'issued' && !draft.received && (
                  <Button size="xs" variant="light" onClick={() => void onUnlock()}>
                    {t('issued.edit')}
                  </Button>
                )}
                <Button size="xs" variant="subtle" loading={duplicate.isPending} onClick={() => void onDuplicate()}>
                  {t('issued.duplicate')}
                </Button>
              </Group>
            </Group>
          </Alert>
        )}

        <div className="kh-editor-grid" data-preview={previewShown ? 'shown' : 'hidden'}>
          <div className="kh-editor-forms">
            <Tabs value={tab} onChange={(v) => v && setTab(v as EditorTab)} keepMounted={false} className="kh-editor-tabs">
              {tabList}
              <ScrollArea className="kh-editor-panel" type="auto" offsetScrollbars viewportRef={panelViewportRef}>
                <div className="kh-form-panels" ref={panelsRef}>
                  <Tabs.Panel value="general" pt="sm">
                    <GeneralForm header={content.header} trichYeu={content.trichYeu} term={content.term} onAllocateNumber={() => void onAllocateNumber()} allocating={allocate.isPending} />
                  </Tabs.Panel>
                  <Tabs.Panel value="canCu" pt="sm">
                    <CanCuForm canCu={content.canCu} />
                  </Tabs.Panel>
                  <Tabs.Panel value="body" pt="sm">
                    <BodyForm body={content.body} pilotUnits={content.pilotUnits} profile={profile} ownProfile={content.profile !== undefined} numbers={headingNumbers} onOpenTab={openTab} />
                  </Tabs.Panel>
                  <Tabs.Panel value="units" pt="sm">
                    <PilotUnitsForm units={content.pilotUnits} body={content.body} onOpenBody={() => setTab('body')} />
                  </Tabs.Panel>
                  <Tabs.Panel value="duties" pt="sm">
                    <DutiesForm body={content.body} pilotUnitNames={content.pilotUnits.map((u) => u.name)} />
                  </Tabs.Panel>
                  <Tabs.Panel value="recipients" pt="sm">
                    <RecipientsForm recipients={content.recipients} />
                  </Tabs.Panel>
                  <Tabs.Panel value="signature" pt="sm">
                    <SignatureForm signature={content.signature} />
                  </Tabs.Panel>
                  <Tabs.Panel value="appendices" pt="sm">
                    <AppendicesForm appendices={content.appendices} appendixIssuedBy={content.appendixIssuedBy} />
                  </Tabs.Panel>
                </div>
              </ScrollArea>
            </Tabs>
            <FindingsPanel findings={lint.findings} checking={lint.checking} failed={lint.failed} onOpen={openFinding} />
          </div>
          {/* Collapsed, the preview stays mounted off screen: printing draws its pages. */}
          <div className="kh-editor-preview" aria-hidden={previewShown ? undefined : true}>
            <PreviewPane content={content} profile={profile} printRoot={printRoot} />
          </div>
        </div>
      </Stack>
      <RevisionsDrawer
        planId={id}
        opened={historyOpen}
        onClose={() => setHistoryOpen(false)}
        profile={profile}
        beforeRestore={saveNow}
        canRestore={!draft.received}
        onRestored={(stored) => {
          autosave.cancel();
          dispatch({ type: 'load', plan: stored });
          setHistoryOpen(false);
          notifySuccess(t('history.restored', { revision: stored.revision }));
        }}
      />
    </EditorProviders>
  );
}
