/** "Sao lưu gần nhất: hôm nay 14:30", amber after 3 days without a backup (header and Cài đặt → Sao lưu). */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/queries';
import { useAfterStartup } from '../../../api/afterStartup';
import { isStale, lastBackup } from './backupStatus';

/** After a restore everything the window holds is stale: start again from the plans list. */
export function reloadAfterRestore(): void {
  window.location.hash = '#/plans';
  window.location.reload();
}

export function LastBackupText() {
  const { t } = useTranslation();
  // In the header of every page, not what the page is opened for: asked once the page has its data.
  const afterStartup = useAfterStartup();
  const list = useApiQuery('backup.list', {}, { enabled: afterStartup });
  if (!list.data) return null;
  const last = lastBackup(list.data.newestAt);
  const text =
    last.kind === 'none'
      ? t('backup.lastNone')
      : last.kind === 'date'
        ? t('backup.lastOn', { date: last.date, time: last.time })
        : t(last.kind === 'today' ? 'backup.lastToday' : 'backup.lastYesterday', { time: last.time });
  return (
    <Text size="sm" c={isStale(last) ? 'orange.8' : 'dimmed'} fw={isStale(last) ? 600 : undefined} data-testid="last-backup" data-stale={isStale(last)}>
      {text}
    </Text>
  );
}

