/**
 * "Đã lưu lúc 10:32" / "Đang lưu…" / the reason a save failed, with a retry. Never "Đã lưu" while a field shows a
 * value that is not stored: those fields are named, and a click opens the first one.
 */
import { Button, Group, Loader, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { HeldField } from '../state/storable';
import type { SaveStatus as Status } from '../state/useAutosave';

function HeldFields({ label, fields, onOpen }: { label: string; fields: HeldField[]; onOpen: (path: (string | number)[]) => void }) {
  const first = fields[0];
  return (
    <Tooltip
      multiline
      w={360}
      label={
        <Stack gap={2}>
          {fields.map((f, i) => (
            <Text size="xs" key={i}>
              {f.message}
            </Text>
          ))}
        </Stack>
      }
    >
      <UnstyledButton onClick={() => first && onOpen(first.path)}>
        <Text size="sm" c="red" role="alert">
          {label}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}

export function SaveStatus({ status, onRetry, onOpenField }: { status: Status; onRetry: () => void; onOpenField: (path: (string | number)[]) => void }) {
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
      case 'held':
        return <HeldFields label={t('save.held', { count: status.fields.length })} fields={status.fields} onOpen={onOpenField} />;
      case 'invalid':
        return <HeldFields label={t('save.invalid', { message: status.fields[0]?.message ?? '' })} fields={status.fields} onOpen={onOpenField} />;
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
