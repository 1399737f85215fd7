/** Lịch sử: the kept revisions of the plan (saves, the issued version, restores); view one, restore one. */
import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Badge, Button, Drawer, Group, Loader, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FormatProfile, Plan } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PreviewPane } from '../../preview/PreviewPane';
import { useConfirm } from '../../components/confirm';
import { contentOf } from '../state/draft';

interface Props {
  planId: string;
  opened: boolean;
  onClose: () => void;
  profile: FormatProfile;
  /** Store pending edits before restoring (so nothing typed is lost: it becomes a revision too). */
  beforeRestore: () => Promise<void>;
  onRestored: (plan: Plan) => void;
}

const HISTORY_PAGE = 50;

export function RevisionsDrawer({ planId, opened, onClose, profile, beforeRestore, onRestored }: Props) {
  const { t } = useTranslation('editor');
  const confirm = useConfirm();
  const [selected, setSelected] = useState<number | null>(null);
  // The history comes a page at a time (newest first); "more" asks for a longer first page.
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const revisions = useApiQuery('plan.revisions', { id: planId, limit }, { enabled: opened, staleTime: 0, placeholderData: keepPreviousData });
  const revision = useApiQuery('plan.getRevision', { id: planId, revision: selected ?? 0 }, { enabled: opened && selected !== null });
  const restore = useApiMutation('plan.restoreRevision', { silent: true });

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

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={t('history.title')}>
      <Stack gap="sm">
        {revisions.isLoading && <Loader size="sm" aria-label={t('history.loading')} />}
        {revisions.error && <Alert color="red">{errorMessage(revisions.error)}</Alert>}
        {restore.error && <Alert color="red">{errorMessage(restore.error)}</Alert>}
        {revisions.data && revisions.data.total === 0 && <Text size="sm">{t('history.empty')}</Text>}
        {revisions.data && (
          <ScrollArea.Autosize mah={260} type="auto">
            <Stack gap={4}>
              {revisions.data.items.map((r) => (
                <Group key={r.revision} justify="space-between" wrap="nowrap" p={4} bg={selected === r.revision ? 'var(--mantine-color-blue-0)' : undefined} style={{ borderRadius: 4 }}>
                  <UnstyledButton onClick={() => setSelected(r.revision)} aria-label={t('history.viewNamed', { revision: r.revision })} style={{ flex: 1 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {t('history.revision', { revision: r.revision })}
                      </Text>
                      <Badge size="xs" color={r.reason === 'issue' ? 'green' : 'gray'}>
                        {t(`history.reason.${r.reason}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {dayjs(r.savedAt).format('DD/MM/YYYY HH:mm')}
                      </Text>
                    </Group>
                    <Text size="xs" lineClamp={1}>
                      {r.trichYeu || t('history.noTrichYeu')}
                    </Text>
                  </UnstyledButton>
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={t('history.restoreNamed', { revision: r.revision })}
                    loading={restore.isPending && restore.variables?.revision === r.revision}
                    onClick={() => void doRestore(r.revision)}
                  >
                    {t('history.restore')}
                  </Button>
                </Group>
              ))}
              {revisions.data.items.length < revisions.data.total && (
                <Button size="compact-xs" variant="subtle" loading={revisions.isFetching} onClick={() => setLimit((n) => n + HISTORY_PAGE)}>
                  {t('history.more', { shown: revisions.data.items.length, total: revisions.data.total })}
                </Button>
              )}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {selected !== null && (
          <div style={{ height: '60vh', border: '1px solid var(--mantine-color-gray-3)' }}>
            {revision.isLoading && <Loader size="sm" m="sm" />}
            {revision.error && <Alert color="red">{errorMessage(revision.error)}</Alert>}
            {revision.data && <PreviewPane content={contentOf(revision.data)} profile={revision.data.profile ?? profile} />}
          </div>
        )}
      </Stack>
    </Drawer>
  );
}
