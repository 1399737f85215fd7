/** Nơi nhận: recipients with purpose notes, reorder, presets saved in the settings, the archive line from the profile. */
import { memo } from 'react';
import { ActionIcon, Button, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Recipient } from '../../../../shared/model';
import { useApiMutation } from '../../api/queries';
import { TextField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useEdit, useLookups } from '../state/context';
import { newRecipient } from '../model/blocks';
import { moveItem, updateById } from '../model/list';
import { joinRecipientPreset, splitRecipientPreset } from '../model/validate';

/** Purpose notes offered while typing (document text, as the seeds write them). */
const purposeNotes = ['(b/c)', '(để báo cáo)', '(để thực hiện)', '(để phối hợp)'];

export const RecipientsForm = memo(function RecipientsForm({ recipients }: { recipients: Recipient[] }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const { orgs, self, settings } = useLookups();
  const presets = settings?.recipientPresets ?? [];
  const savePresets = useApiMutation('settings.set');
  const setList = (update: (list: Recipient[]) => Recipient[]) => edit((c) => ({ ...c, recipients: update(c.recipients) }));

  /** New lines go before a trailing "Lưu …" line, which stays last. */
  const addLine = (r: Recipient) =>
    setList((list) => {
      const last = list[list.length - 1];
      const archiveLast = last && /^lưu\b/iu.test(last.text.trim());
      return archiveLast ? [...list.slice(0, -1), r, last] : [...list, r];
    });
  const add = () => {
    const r = newRecipient();
    addLine(r);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-recipient-id="${r.id}"] input`)?.focus());
  };
  const addPreset = (preset: string) => {
    const { text, note } = splitRecipientPreset(preset);
    addLine(newRecipient(text, note, orgs.find((o) => o.name === text)?.id ?? null));
  };
  const addArchive = () => {
    if (!self) return;
    setList((list) => [...list.filter((r) => r.text.trim() !== self.archiveRecipient.trim()), newRecipient(self.archiveRecipient)]);
  };
  const saveAsPreset = (r: Recipient) => {
    const preset = joinRecipientPreset(r.text, r.note);
    if (!preset || presets.includes(preset)) return;
    savePresets.mutate(
      { recipientPresets: [...presets, preset] },
      { onSuccess: () => notifications.show({ message: t('recipients.presetSaved', { preset }), color: 'green' }) },
    );
  };

  const names = orgs.map((o) => o.name);
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('recipients.hint')}
      </Text>
      {recipients.length === 0 && (
        <Paper withBorder p="md">
          <Text size="sm">{t('recipients.empty')}</Text>
        </Paper>
      )}
      {recipients.map((r, i) => {
        const name = r.text || t('recipients.line', { n: i + 1 });
        return (
          <Group key={r.id} align="flex-start" wrap="nowrap" data-recipient-id={r.id}>
            <TextField
              className="kh-grow"
              path={['recipients', i, 'text']}
              label={t('recipients.line', { n: i + 1 })}
              suggestions={names}
              value={r.text}
              onChange={(v) => setList((list) => updateById(list, r.id, (x) => ({ ...x, text: v, orgId: orgs.find((o) => o.name === v)?.id ?? null })))}
            />
            <TextField
              path={['recipients', i, 'note']}
              label={t('recipients.note')}
              placeholder="(b/c)"
              suggestions={purposeNotes}
              value={r.note}
              onChange={(v) => setList((list) => updateById(list, r.id, (x) => ({ ...x, note: v })))}
            />
            <Group mt={24} gap={2} wrap="nowrap">
              <ItemControls index={i} count={recipients.length} name={name} onMove={(d) => setList((list) => moveItem(list, i, d))} onRemove={() => setList((list) => list.filter((x) => x.id !== r.id))}>
                {!readOnly && (
                  <Tooltip label={t('recipients.saveAsPreset')} openDelay={400}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('recipients.saveAsPresetNamed', { name })}
                      disabled={!r.text.trim() || presets.includes(joinRecipientPreset(r.text, r.note))}
                      onClick={() => saveAsPreset(r)}
                    >
                      ☆
                    </ActionIcon>
                  </Tooltip>
                )}
              </ItemControls>
            </Group>
          </Group>
        );
      })}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={add}>
            {t('recipients.add')}
          </Button>
          <Menu withinPortal>
            <Menu.Target>
              <Button variant="light" size="xs" disabled={presets.length === 0}>
                {t('recipients.fromPresets')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {presets.map((p) => (
                <Menu.Item key={p} onClick={() => addPreset(p)}>
                  {p}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button variant="subtle" size="xs" disabled={!self} onClick={addArchive}>
            {self ? t('recipients.addArchive', { line: self.archiveRecipient }) : t('recipients.addArchiveNoProfile')}
          </Button>
        </Group>
      )}
      {presets.length === 0 && !readOnly && (
        <Text size="xs" c="dimmed">
          {t('recipients.noPresets')}
        </Text>
      )}
    </Stack>
  );
});
