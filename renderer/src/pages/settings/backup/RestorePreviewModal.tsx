/** What a backup holds, before the clerk confirms the restore: its date, versions and counts, or why it is refused. */
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BackupPreview } from '../../../../../shared/api';

export function RestorePreviewModal(props: {
  preview: BackupPreview | null;
  /** Where it comes from: the backup's list label or the file's name. */
  source: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { preview } = props;
  return (
    <Modal opened={preview !== null} onClose={props.onClose} title={t('backup.previewTitle')} size="lg">
      {preview && (
        <Stack>
          <Text size="sm">{props.source}</Text>
          <Table withRowBorders={false} data-testid="backup-preview">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('backup.previewDate')}</Table.Th>
                <Table.Td>{dayjs(preview.takenAt).format('DD/MM/YYYY HH:mm')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backup.previewApp')}</Table.Th>
                <Table.Td>{t('backup.previewVersion', { version: preview.appVersion || '?', schema: preview.schemaVersion })}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backup.previewHolds')}</Table.Th>
                <Table.Td>
                  {t('backup.previewCounts', {
                    plans: preview.counts.plans,
                    revisions: preview.counts.revisions,
                    register: preview.counts.registerEntries,
                    tasks: preview.counts.tasks,
                    orgs: preview.counts.organizations,
                  })}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {preview.refusal ? (
            <Alert color="red" title={t('backup.refusedTitle')}>
              {preview.refusal}
            </Alert>
          ) : (
            <Alert color="yellow">{t('backup.restoreExplain')}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" disabled={!!preview.refusal} loading={props.busy} onClick={props.onConfirm}>
              {t('backup.restoreConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
