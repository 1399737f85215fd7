/**
 * Lịch sử: the kept revisions of the plan, autosaves grouped into editing sessions (history/sessions.ts), each line
 * expandable to its revisions; the create, issue, reopen, restore and import revisions stand alone. The chosen line
 * opens beside the list: its A4 preview (read-only) with "Khôi phục bản này", and what changed since the version
 * before it (the fields touched, and a word diff of each text side by side). The drawer uses the full height.
 */
import { useMemo, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Drawer, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary } from '../../../../shared/api';
import type { FormatProfile, Plan } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PreviewPane } from '../../preview/PreviewPane';
import { useConfirm } from '../../components/confirm';
import { contentOf } from '../state/draft';
import { entryOldest, entryRevision, groupHistory, type HistoryEntry } from '../history/sessions';
import { contentChanges, touchedFields, type FieldChange } from '../history/changes';
import { diffWords, sides, type DiffPart } from '../history/word-diff';

interface Props {
  planId: string;
  opened: boolean;
  onClose: () => void;
  profile: FormatProfile;
  /** Store pending edits before restoring (so nothing typed is lost: it becomes a revision too). */
  beforeRestore: () => Promise<void>;
  onRestored: (plan: Plan) => void;
  /** False for a plan received from another office: its owner writes it, so no revision can be restored here. */
  canRestore?: boolean;
}

const HISTORY_PAGE = 50;
/** Texts compared side by side at most; the rest are only counted. */
const SHOWN_CHANGES = 40;

/** What the right-hand side shows: one revision, compared with the one kept before `from` (null: none loaded). */
interface Selection {
  key: string;
  revision: number;
  base: number | null;
}

export function RevisionsDrawer({ planId, opened, onClose, profile, beforeRestore, onRestored, canRestore = true }: Props) {
  const { t } = useTranslation('editor');
  const confirm = useConfirm();
  const [chosen, setChosen] = useState<Selection | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // The history comes a page at a time (newest first); "more" asks for a longer first page.
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const revisions = useApiQuery('plan.revisions', { id: planId, limit }, { enabled: opened, staleTime: 0, placeholderData: keepPreviousData });
  const items = useMemo(() => revisions.data?.items ?? [], [revisions.data]);
  const entries = useMemo(() => groupHistory(items), [items]);
  const restore = useApiMutation('plan.restoreRevision', { silent: true });

  /** The revision kept just before `r` in the loaded list (null when it is the oldest loaded). */
  const before = (r: RevisionSummary): number | null => items[items.findIndex((x) => x.revision === r.revision) + 1]?.revision ?? null;
  const selectEntry = (e: HistoryEntry): Selection => ({ key: e.key, revision: entryRevision(e).revision, base: before(entryOldest(e)) });
  const selectRevision = (r: RevisionSummary): Selection => ({ key: `r${r.revision}`, revision: r.revision, base: before(r) });
  // Until she picks a line, the newest one is open.
  const selected = chosen ?? (entries[0] ? selectEntry(entries[0]) : null);

  const doRestore = async (rev: number) => {
    const ok = await confirm({
      title: t('history.confirmRestoreTitle'),
      message: t('history.confirmRestore', { revision: rev }),
      confirmLabel: t('history.restore'),
    });
    if (!ok) return;
    await beforeRestore();
    restore.mutate({ id: planId, revision: rev }, { onSuccess: (plan) => onRestored(plan) });
  };

  const toggle = (key: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const revisionLine = (r: RevisionSummary, nested: boolean) => (
    <Group
      key={r.revision}
      justify="space-between"
      wrap="nowrap"
      p={4}
      pl={nested ? 'lg' : 4}
      bg={selected?.key === `r${r.revision}` ? 'var(--mantine-color-blue-0)' : undefined}
      style={{ borderRadius: 4 }}
    >
      <UnstyledButton onClick={() => setChosen(selectRevision(r))} aria-label={t('history.viewNamed', { revision: r.revision })} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={nested ? 400 : 600} style={{ whiteSpace: 'nowrap' }}>
            {nested ? dayjs(r.savedAt).format('HH:mm:ss') : t('history.revision', { revision: r.revision })}
          </Text>
          {nested ? (
            <Text size="xs" c="dimmed">
              {t('history.revision', { revision: r.revision })}
            </Text>
          ) : (
            <Badge size="xs" color={r.reason === 'issue' ? 'green' : 'gray'} style={{ flexShrink: 0 }}>
              {t(`history.reason.${r.reason}`)}
            </Badge>
          )}
          {r.damaged && (
            <Badge size="xs" color="orange" style={{ flexShrink: 0 }}>
              {t('damaged.badge')}
            </Badge>
          )}
        </Group>
        {!nested && (
          <Text size="xs" lineClamp={1}>
            <Text span size="xs" c="dimmed">
              {dayjs(r.savedAt).format('DD/MM/YYYY HH:mm')}
            </Text>{' '}
            {r.trichYeu || t('history.noTrichYeu')}
          </Text>
        )}
      </UnstyledButton>
{canRestore && (
      <Button
        size="compact-xs"
        variant="light"
        aria-label={t('history.restoreNamed', { revision: r.revision })}
        loading={restore.isPending && restore.variables?.revision === r.revision}
        disabled={r.damaged}
        onClick={() => void doRestore(r.revision)}
      >
        {t('history.restore')}
      </Button>
      )}
    </Group>
  );

  const sessionLine = (e: Extract<HistoryEntry, { kind: 'session' }>) => {
    const from = dayjs(e.start).format('HH:mm');
    const to = dayjs(e.end).format('HH:mm');
    const count = e.revisions.length;
    const open = expanded.has(e.key);
    const label = from === to ? t('history.sessionAt', { from, count }) : t('history.session', { from, to, count });
    return (
      <Stack key={e.key} gap={0}>
        <Group wrap="nowrap" gap={4} p={4} bg={selected?.key === e.key ? 'var(--mantine-color-blue-0)' : undefined} style={{ borderRadius: 4 }}>
          <ActionIcon variant="subtle" size="sm" aria-expanded={open} aria-label={t(open ? 'history.collapse' : 'history.expand', { label })} onClick={() => toggle(e.key)}>
            {open ? '▾' : '▸'}
          </ActionIcon>
          <UnstyledButton onClick={() => setChosen(selectEntry(e))} style={{ flex: 1, minWidth: 0 }} data-testid="history-session">
            <Text size="sm" fw={600}>
              {label}
            </Text>
            <Text size="xs" c="dimmed">
              {dayjs(e.end).format('DD/MM/YYYY')} ·{' '}
              {count > 1 ? t('history.revisionRange', { first: entryOldest(e).revision, last: entryRevision(e).revision }) : t('history.revision', { revision: entryRevision(e).revision })}
            </Text>
          </UnstyledButton>
        </Group>
        {open && e.revisions.map((r) => revisionLine(r, true))}
      </Stack>
    );
  };

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="min(1280px, 96vw)"
      title={t('history.title')}
      styles={{
        content: { display: 'flex', flexDirection: 'column' },
        body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', paddingBottom: 'var(--mantine-spacing-sm)' },
      }}
    >
      {restore.error && <Alert color="red">{errorMessage(restore.error)}</Alert>}
      <Group wrap="nowrap" align="stretch" gap="md" style={{ flex: 1, minHeight: 0 }} className="kh-history">
        <Stack gap="xs" w={360} style={{ flexShrink: 0, minHeight: 0 }}>
          {revisions.isLoading && <Loader size="sm" aria-label={t('history.loading')} />}
          {revisions.error && <Alert color="red">{errorMessage(revisions.error)}</Alert>}
          {revisions.data && revisions.data.total === 0 && <Text size="sm">{t('history.empty')}</Text>}
          {revisions.data && (
            <ScrollArea type="auto" style={{ flex: 1 }} aria-label={t('history.list')}>
              <Stack gap={4}>
                {entries.map((e) => (e.kind === 'single' ? revisionLine(e.revision, false) : sessionLine(e)))}
                {revisions.data.items.length < revisions.data.total && (
                  <Button size="compact-xs" variant="subtle" loading={revisions.isFetching} onClick={() => setLimit((n) => n + HISTORY_PAGE)}>
                    {t('history.more', { shown: revisions.data.items.length, total: revisions.data.total })}
                  </Button>
                )}
              </Stack>
            </ScrollArea>
          )}
        </Stack>
        {selected && (
          <RevisionDetail key={`${selected.revision}/${selected.base}`} planId={planId} selection={selected} profile={profile} restoring={restore.isPending} onRestore={canRestore ? () => void doRestore(selected.revision) : undefined} />
        )}
      </Group>
    </Drawer>
  );
}

interface DetailProps {
  planId: string;
  selection: Selection;
  profile: FormatProfile;
  restoring: boolean;
  /** Absent: the revision cannot be restored here (a received plan). */
  onRestore: (() => void) | undefined;
}

/** One revision beside the list: its A4 preview, or what changed since the version before it. */
function RevisionDetail({ planId, selection, profile, restoring, onRestore }: DetailProps) {
  const { t } = useTranslation('editor');
  const [view, setView] = useState<string | null>('preview');
  const revision = useApiQuery('plan.getRevision', { id: planId, revision: selection.revision });
  const base = useApiQuery('plan.getRevision', { id: planId, revision: selection.base ?? 0 }, { enabled: selection.base !== null && view === 'changes' });
  const content = useMemo(() => (revision.data ? contentOf(revision.data) : null), [revision.data]);
  const changes = useMemo(
    () => (content && (selection.base === null || base.data) ? contentChanges(base.data ? contentOf(base.data) : null, content) : null),
    [content, base.data, selection.base],
  );

  return (
    <Stack gap="xs" style={{ flex: 1, minWidth: 0, minHeight: 0 }} role="region" aria-label={t('history.detail', { revision: selection.revision })}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>
          {t('history.revision', { revision: selection.revision })}
          {revision.data && (
            <Text span size="sm" c="dimmed" ml="xs">
              {dayjs(revision.data.updatedAt).format('DD/MM/YYYY HH:mm')}
            </Text>
          )}
        </Text>
        {onRestore && (
          <Button size="xs" loading={restoring} onClick={onRestore}>
            {t('history.restoreThis')}
          </Button>
        )}
      </Group>
      <Tabs value={view} onChange={setView} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Tabs.List>
          <Tabs.Tab value="preview">{t('history.viewPreview')}</Tabs.Tab>
          <Tabs.Tab value="changes">{t('history.viewChanges')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="preview" style={{ flex: 1, minHeight: 0 }}>
          <div style={{ height: '100%', border: '1px solid var(--mantine-color-gray-3)' }}>
            {revision.isLoading && <Loader size="sm" m="sm" />}
            {revision.error && <Alert color="red">{errorMessage(revision.error)}</Alert>}
            {content && revision.data && <PreviewPane content={content} profile={revision.data.profile ?? profile} />}
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="changes" style={{ flex: 1, minHeight: 0 }}>
          <ScrollArea h="100%" type="auto">
            {base.error && <Alert color="red">{errorMessage(base.error)}</Alert>}
            {!changes && !base.error && <Loader size="sm" m="sm" />}
            {changes && <Changes changes={changes} base={selection.base} />}
          </ScrollArea>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Changes({ changes, base }: { changes: FieldChange[]; base: number | null }) {
  const { t, i18n } = useTranslation('editor');
  const name = (c: { tab: string; field: string }) => {
    const key = `history.field.${c.field}`;
    const field = i18n.exists(key, { ns: 'editor' }) ? t(key) : '';
    const tab = t(`tabs.${c.tab}`);
    return field && field !== tab ? `${tab}: ${field}` : tab;
  };
  const fields = touchedFields(changes);
  return (
    <Stack gap="sm" p={4}>
      <Text size="sm" c="dimmed">
        {base === null ? t('history.sinceNothing') : t('history.since', { revision: base })}
      </Text>
      {changes.length === 0 ? (
        <Text size="sm">{t('history.noChanges')}</Text>
      ) : (
        <Group gap={6} aria-label={t('history.fieldsTouched')} role="list">
          <Text size="sm" fw={600}>
            {t('history.fieldsTouched')}
          </Text>
          {fields.map((f) => (
            <Badge key={`${f.tab}/${f.field}`} variant="light" role="listitem" tt="none">
              {name(f)}
            </Badge>
          ))}
        </Group>
      )}
      {changes.slice(0, SHOWN_CHANGES).map((c) => (
        <TextDiff key={c.key} change={c} label={name(c)} />
      ))}
      {changes.length > SHOWN_CHANGES && (
        <Text size="sm" c="dimmed">
          {t('history.moreChanges', { count: changes.length - SHOWN_CHANGES })}
        </Text>
      )}
    </Stack>
  );
}

function TextDiff({ change, label }: { change: FieldChange; label: string }) {
  const { t } = useTranslation('editor');
  const parts = useMemo(() => sides(diffWords(change.before ?? '', change.after ?? '')), [change.before, change.after]);
  const side = (list: DiffPart[], missing: boolean, title: string) => (
    <Paper withBorder p={6} aria-label={title} role="group">
      <Text size="xs" c="dimmed" mb={2}>
        {title}
      </Text>
      {missing ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('history.absent')}
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {list.map((p, i) =>
            p.op === 'same' ? (
              <span key={i}>{p.text}</span>
            ) : p.op === 'removed' ? (
              <del key={i} className="kh-diff-removed" style={{ background: 'var(--mantine-color-red-1)' }}>
                {p.text}
              </del>
            ) : (
              <ins key={i} className="kh-diff-added" style={{ background: 'var(--mantine-color-green-1)', textDecoration: 'none' }}>
                {p.text}
              </ins>
            ),
          )}
        </Text>
      )}
    </Paper>
  );
  return (
    <Stack gap={2} className="kh-diff">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SimpleGrid cols={2} spacing="xs">
        {side(parts.before, change.before === null, t('history.before'))}
        {side(parts.after, change.after === null, t('history.after'))}
      </SimpleGrid>
    </Stack>
  );
}
