/**
 * Cài đặt → Sao lưu: when the newest backup was taken (amber after 3 days), "Sao lưu ngay", "Sao lưu ra USB" (a
 * .khbak through main's safe write), and restore from the list or from a .khbak file: see what it holds, confirm;
 * the backend keeps the current data as a "trước khi khôi phục" backup, swaps the backup in, and the window reloads.
 */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupPreview } from '../../../../../shared/api';
import { call, errorMessage } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { notifyError, notifySuccess } from '../../../app/notify';
import { PageLoader } from '../../../app/AppLayout';
import { isStale, lastBackup, STALE_AFTER_DAYS } from './backupStatus';
import { LastBackupText, reloadAfterRestore } from './LastBackupText';
import { AskPassphraseModal, UsbBackupModal } from './PassphraseModal';
import { RestorePreviewModal } from './RestorePreviewModal';

type Pending = { preview: BackupPreview; source: string; restore: { from: 'list'; name: string } | { from: 'file'; id: string } };

export function BackupPanel() {
  const { t } = useTranslation();
  const list = useApiQuery('backup.list', {});
  const secrecy = useApiQuery('backup.secretPlans', {}, { staleTime: 0 });
  const create = useApiMutation('backup.create', { silent: true });
  const saveFile = useApiMutation('file.chooseSave', { silent: true });
  const restore = useApiMutation('backup.restore', { silent: true });
  const chooseOpen = useApiMutation('file.chooseOpen', { silent: true });
  const readFile = useApiMutation('file.read', { silent: true });
  const stageFile = useApiMutation('backup.stageFile', { silent: true });
  const [usbOpen, setUsbOpen] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [encrypted, setEncrypted] = useState<{ base64: string; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (list.isPending) return <PageLoader />;
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;

  const kindLabel = (b: BackupInfo) => t(`backup.kind.${b.kind}`);

  const backUpNow = async () => {
    try {
      const info = await create.mutateAsync({});
      notifySuccess(t('backup.created', { time: dayjs(info.takenAt).format('HH:mm') }));
    } catch (err) {
      notifyError(err, t('backup.createFailed'));
    }
  };

  const saveUsb = async (passphrase: string | undefined, includeOfficeKey: boolean) => {
    try {
      const result = await saveFile.mutateAsync({ source: { kind: 'backup.khbak', ...(passphrase ? { passphrase } : {}), ...(includeOfficeKey ? { includeOfficeKey } : {}) } });
      setUsbOpen(false);
      if (result.saved) notifySuccess(t('backup.usbSaved', { fileName: result.fileName }));
    } catch (err) {
      notifyError(err, t('backup.usbFailed'));
    }
  };

  const inspect = async (b: BackupInfo) => {
    try {
      const preview = await call('backup.inspect', { name: b.name });
      setPending({ preview, source: `${kindLabel(b)} · ${dayjs(b.takenAt).format('DD/MM/YYYY HH:mm')}`, restore: { from: 'list', name: b.name } });
    } catch (err) {
      notifyError(err, t('backup.readFailed'));
    }
  };

  const stage = async (file: { base64: string; fileName: string }, passphrase?: string) => {
    setBusy(true);
    try {
      const staged = await stageFile.mutateAsync({ base64: file.base64, ...(passphrase ? { passphrase } : {}) });
      if (!staged.staged) {
        setEncrypted(file);
        return;
      }
      setEncrypted(null);
      setPending({ preview: staged.preview, source: file.fileName, restore: { from: 'file', id: staged.id } });
    } catch (err) {
      notifyError(err, t('backup.readFailed'));
    } finally {
      setBusy(false);
    }
  };

  const fromFile = async () => {
    try {
      const chosen = await chooseOpen.mutateAsync({ kinds: ['khbak'] });
      if (!chosen.opened) return;
      const file = await readFile.mutateAsync({ token: chosen.token });
      await stage(file);
    } catch (err) {
      notifyError(err, t('backup.readFailed'));
    }
  };

  const confirmRestore = async () => {
    if (!pending) return;
    try {
      await restore.mutateAsync({ source: pending.restore });
      reloadAfterRestore();
    } catch (err) {
      notifyError(err, t('backup.restoreFailed'));
    }
  };

  const last = lastBackup(list.data.newestAt);
  const stale = isStale(last);
  return (
    <Stack data-testid="backup-panel">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('backup.title')}
          </Title>
          <LastBackupText />
        </Stack>
        <Group>
          <Button onClick={backUpNow} loading={create.isPending}>
            {t('backup.now')}
          </Button>
          <Button variant="light" onClick={() => setUsbOpen(true)}>
            {t('backup.usb')}
          </Button>
          <Button variant="default" onClick={fromFile} loading={busy}>
            {t('backup.restoreFromFile')}
          </Button>
        </Group>
      </Group>
      {stale && <Alert color="orange">{last.kind === 'none' ? t('backup.staleNone') : t('backup.staleWarning', { days: STALE_AFTER_DAYS })}</Alert>}
      <Text size="sm" c="dimmed">
        {t('backup.explain')}
      </Text>
      {list.data.items.length === 0 ? (
        <Text>{t('backup.empty')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup.colTime')}</Table.Th>
              <Table.Th>{t('backup.colKind')}</Table.Th>
              <Table.Th>{t('backup.colSize')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{dayjs(b.takenAt).format('DD/MM/YYYY HH:mm:ss')}</Table.Td>
                <Table.Td>{kindLabel(b)}</Table.Td>
                <Table.Td>{t('backup.size', { size: (b.size / (1024 * 1024)).toFixed(1) })}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => inspect(b)}>
                    {t('backup.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <UsbBackupModal opened={usbOpen} secretPlans={secrecy.data?.secretPlans ?? true} busy={saveFile.isPending} onSave={saveUsb} onClose={() => setUsbOpen(false)} />
      <AskPassphraseModal opened={encrypted !== null} busy={busy} onSubmit={(p) => encrypted && stage(encrypted, p)} onClose={() => setEncrypted(null)} />
      <RestorePreviewModal preview={pending?.preview ?? null} source={pending?.source ?? ''} busy={restore.isPending} onConfirm={confirmRestore} onClose={() => setPending(null)} />
    </Stack>
  );
}
