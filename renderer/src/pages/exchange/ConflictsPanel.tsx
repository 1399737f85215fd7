/**
 * Xung đột: the same plan changed in two places since the version both knew (e.g. two installations of one office).
 * The incoming version was kept beside ours; here both are shown side by side as A4 pages and the clerk chooses.
 */
import { useState } from 'react';
import { Alert, Button, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ConflictItem } from '../../../../shared/api';
import { defaultFormatProfile } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { notifySuccess } from '../../app/notify';
import { useConfirm } from '../../components/confirm';
import { PreviewPane } from '../../preview/PreviewPane';

const officeDefault = defaultFormatProfile();

export function ConflictsPanel() {
  const { t } = useTranslation();
  const conflicts = useApiQuery('exchange.conflicts', {});
  const [open, setOpen] = useState<string | null>(null);
  if (conflicts.isPending) return <PageLoader />;
  if (conflicts.isError) return <Alert color="red">{errorMessage(conflicts.error)}</Alert>;
  if (conflicts.data.length === 0) return <EmptyState title={t('exchange.conflicts.empty')} description={t('exchange.conflicts.emptyHint')} />;
  const chosen = conflicts.data.find((c) => c.copyId === open) ?? null;
  return (
    <Stack>
      <Text size="sm">{t('exchange.conflicts.explain')}</Text>
      <Table aria-label={t('exchange.conflicts.label')} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.colNumber')}</Table.Th>
            <Table.Th>{t('plans.colTrichYeu')}</Table.Th>
            <Table.Th>{t('exchange.conflicts.from')}</Table.Th>
            <Table.Th>{t('exchange.incoming.receivedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflicts.data.map((c) => (
            <Table.Tr key={c.copyId}>
              <Table.Td>{c.number}</Table.Td>
              <Table.Td>{c.trichYeu || t('plans.untitled')}</Table.Td>
              <Table.Td>{c.owner.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dayjs(c.receivedAt).format('DD/MM/YYYY HH:mm')}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setOpen(c.copyId)} aria-label={t('exchange.conflicts.compareNamed', { name: c.trichYeu || t('plans.untitled') })}>
                  {t('exchange.conflicts.compare')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {chosen && <ConflictCompare key={chosen.copyId} item={chosen} onResolved={() => setOpen(null)} />}
    </Stack>
  );
}

function ConflictCompare({ item, onResolved }: { item: ConflictItem; onResolved: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const detail = useApiQuery('exchange.conflict', { copyId: item.copyId });
  const resolve = useApiMutation('exchange.resolveConflict', {
    onSuccess: (r) => {
      notifySuccess(r.kept === 'ours' ? t('exchange.conflicts.keptOurs') : t('exchange.conflicts.keptTheirs'));
      onResolved();
    },
  });
  const choose = async (keep: 'ours' | 'theirs') => {
    const ok = await confirm({
      title: t('exchange.conflicts.confirmTitle'),
      message: keep === 'ours' ? t('exchange.conflicts.confirmOurs') : t('exchange.conflicts.confirmTheirs', { office: item.owner.name }),
      confirmLabel: keep === 'ours' ? t('exchange.conflicts.keepOurs') : t('exchange.conflicts.keepTheirs'),
    });
    if (ok) resolve.mutate({ copyId: item.copyId, keep });
  };
  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <Alert color="red">{errorMessage(detail.error)}</Alert>;
  const d = detail.data;
  const side = (which: 'ours' | 'theirs') => {
    const s = d[which];
    return (
      <Stack gap="xs" style={{ flex: 1, minWidth: 0 }} role="region" aria-label={which === 'ours' ? t('exchange.conflicts.ours') : t('exchange.conflicts.theirs', { office: item.owner.name })}>
        <Group justify="space-between">
          <Title order={4}>{which === 'ours' ? t('exchange.conflicts.ours') : t('exchange.conflicts.theirs', { office: item.owner.name })}</Title>
          <Button size="xs" color={which === 'ours' ? 'blue' : 'orange'} loading={resolve.isPending && resolve.variables?.keep === which} onClick={() => void choose(which)}>
            {which === 'ours' ? t('exchange.conflicts.keepOurs') : t('exchange.conflicts.keepTheirs')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('exchange.conflicts.savedAt', { date: dayjs(s.updatedAt).format('DD/MM/YYYY HH:mm') })}
        </Text>
        <div style={{ height: 640, border: '1px solid var(--mantine-color-gray-3)' }}>
          <PreviewPane content={s.content} profile={s.content.profile ?? officeDefault} />
        </div>
      </Stack>
    );
  };
  return (
    <Stack>
      {resolve.isError && <Alert color="red">{errorMessage(resolve.error)}</Alert>}
      <Group align="flex-start" wrap="nowrap" gap="md">
        {side('ours')}
        {side('theirs')}
      </Group>
    </Stack>
  );
}
