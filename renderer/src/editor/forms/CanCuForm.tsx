/** Căn cứ: the references (add, reorder, remove), list or running-sentence form, the verb and the lead sentence. */
import { memo } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CanCu } from '../../../../shared/model';
import { AreaField, ChoiceField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useEdit } from '../state/context';
import { moveItem, removeAt, replaceAt } from '../model/list';
import { focusNewField } from '../model/tabs';

export const CanCuForm = memo(function CanCuForm({ canCu }: { canCu: CanCu }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const set = (patch: Partial<CanCu>) => edit((c) => ({ ...c, canCu: { ...c.canCu, ...patch } }));
  const items = canCu.items;

  return (
    <Stack gap="md">
      <Group gap="xl" align="flex-end">
        <ChoiceField
          label={t('canCu.form')}
          value={canCu.form}
          onChange={(form) => set({ form })}
          data={[
            { value: 'list', label: t('canCu.formList') },
            { value: 'sentence', label: t('canCu.formSentence') },
          ]}
        />
        <ChoiceField
          label={t('canCu.verb')}
          value={canCu.verb}
          onChange={(verb) => set({ verb })}
          data={[
            { value: 'Căn cứ', label: t('canCu.verbCanCu') },
            { value: 'Thực hiện', label: t('canCu.verbThucHien') },
          ]}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {canCu.form === 'list' ? t('canCu.formListHint', { verb: canCu.verb }) : t('canCu.formSentenceHint', { verb: canCu.verb })}
      </Text>

      {items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="cancu-empty">
          {t('canCu.empty')}
        </Text>
      )}
      {items.map((item, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <AreaField
            className="kh-grow"
            path={['canCu', 'items', i]}
            label={t('canCu.item', { n: i + 1 })}
            placeholder={t('canCu.itemPlaceholder')}
            minRows={1}
            value={item}
            onChange={(v) => set({ items: replaceAt(items, i, v) })}
          />
          <ItemControls
            index={i}
            count={items.length}
            name={t('canCu.item', { n: i + 1 })}
            onMove={(d) => set({ items: moveItem(items, i, d) })}
            onRemove={() => set({ items: removeAt(items, i) })}
          />
        </Group>
      ))}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={() => {
              set({ items: [...items, ''] });
              focusNewField(`[data-path="canCu.items.${items.length}"]`);
            }}>
            {t('canCu.add')}
          </Button>
        </Group>
      )}
      <AreaField
        path={['canCu', 'lead']}
        label={t('canCu.lead')}
        description={t('canCu.leadHint')}
        required
        value={canCu.lead}
        onChange={(v) => set({ lead: v })}
      />
    </Stack>
  );
});
