import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/model';
import { useApiMutation } from '../../api/queries';

const MAX_PRESET_LENGTH = 500;

/** Saved nơi nhận lines the editor offers for reuse (settings.recipientPresets). */
export function RecipientPresets({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useApiMutation('settings.set');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const presets = settings.recipientPresets;

  const add = () => {
    const text = draft.normalize('NFC').trim();
    if (!text) return setError(t('validation.required'));
    if (text.length > MAX_PRESET_LENGTH) return setError(t('validation.tooLong', { max: MAX_PRESET_LENGTH }));
    if (presets.includes(text)) return setError(t('recipients.duplicate'));
    save.mutate({ recipientPresets: [...presets, text] }, { onSuccess: () => setDraft('') });
    setError(null);
  };

  return (
    <Stack maw={760}>
      <Text size="sm" c="dimmed">
        {t('recipients.hint')}
      </Text>
      <Group align="flex-start" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('recipients.newLabel')}
          placeholder={t('recipients.placeholder')}
          value={draft}
          error={error}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <Button mt={25} onClick={add} loading={save.isPending}>
          {t('recipients.add')}
        </Button>
      </Group>
      {presets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('recipients.empty')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('recipients.listLabel')}>
          {presets.map((preset, index) => (
            <Paper key={preset} component="li" withBorder px="sm" py={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{preset}</Text>
                <Tooltip label={t('recipients.remove')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('recipients.removeNamed', { name: preset })}
                    onClick={() => save.mutate({ recipientPresets: presets.filter((_, i) => i !== index) })}
                  >
                    ×
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
