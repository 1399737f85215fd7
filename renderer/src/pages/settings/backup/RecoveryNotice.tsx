/**
 * A database found damaged at start: the backend's Vietnamese explanation and the newest backup that passes its check,
 * offered for a restore. The damaged file is set aside under its date (never deleted) when the restore runs.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { notifyError } from '../../../app/notify';
import { reloadAfterRestore } from './LastBackupText';

export function RecoveryNotice() {
  const { t } = useTranslation();
  const recovery = useApiQuery('backup.recovery', {}, { staleTime: Infinity, retry: false });
  const restore = useApiMutation('backup.restore', { silent: true });
  const data = recovery.data;
  if (!data?.damaged) return null;
  const { candidate, preview } = data;
  const onRestore = async () => {
    if (!candidate) return;
    try {
      await restore.mutateAsync({ source: { from: 'list', name: candidate.name } });
      reloadAfterRestore();
    } catch (err) {
      notifyError(err, t('backup.restoreFailed'));
    }
  };
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} title={t('backup.damagedTitle')} size="lg">
      <Stack>
        <Alert color="red">{data.message}</Alert>
        {candidate && preview ? (
          <>
            <Text>
              {t('backup.damagedOffer', {
                date: dayjs(candidate.takenAt).format('DD/MM/YYYY HH:mm'),
                plans: preview.counts.plans,
                revisions: preview.counts.revisions,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('backup.damagedAside')}
            </Text>
            <Group justify="flex-end">
              <Button color="red" loading={restore.isPending} onClick={onRestore}>
                {t('backup.restoreConfirm')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text>{t('backup.damagedNoBackup')}</Text>
            <Group justify="flex-end">
              <Button component={Link} to="/settings?tab=backup" variant="default">
                {t('backup.restoreFromFile')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
