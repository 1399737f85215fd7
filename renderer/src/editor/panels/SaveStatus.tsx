/** "Đã lưu lúc 10:32" / "Đang lưu…" / the reason a save failed, with a retry. */
import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SaveStatus as Status } from '../state/useAutosave';

export function SaveStatus({ status, onRetry }: { status: Status; onRetry: () => void }) {
  const { t } = useTranslation('editor');
  const body = (() => {
    switch (status.kind) {
      case 'idle':
        return null;
      case 'pending':
        return (
          <Text size="sm" c="dimmed">
            {t('save.pending')}
          </Text>
        );
      case 'saving':
        return (
          <Group gap={6} wrap="nowrap">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('save.saving')}
            </Text>
          </Group>
        );
      case 'saved':
        return (
          <Text size="sm" c="teal.8">
            {t('save.savedAt', { time: dayjs(status.at).format('HH:mm') })}
          </Text>
        );
      case 'invalid':
        return (
          <Tooltip label={status.message} multiline w={320}>
            <Text size="sm" c="red" role="alert">
              {t('save.invalid')}
            </Text>
          </Tooltip>
        );
      case 'error':
        return (
          <Group gap={6} wrap="nowrap">
            <Tooltip label={status.message} multiline w={320}>
              <Text size="sm" c="red" role="alert">
                {t('save.failed')}
              </Text>
            </Tooltip>
            <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
              {t('save.retry')}
            </Button>
          </Group>
        );
      case 'conflict':
        return (
          <Text size="sm" c="orange" role="alert">
            {t('save.conflict')}
          </Text>
        );
    }
  })();
  return (
    <div data-testid="save-status" data-status={status.kind} aria-live="polite" style={{ flex: 'none', whiteSpace: 'nowrap' }}>
      {body}
    </div>
  );
}
