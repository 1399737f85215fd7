/**
 * Căn cứ: the references (add, reorder, remove), each with its own opening verb ("Căn cứ", "Thực hiện", "Thi hành"
 * or any other, or none) and optionally joined to the one above by "và"; the form (one line each, paragraphs
 * without a dash, one running sentence), the lead sentence, and the căn cứ as it will print.
 */
import { memo } from 'react';
import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canCuParagraphs } from '../../../../shared/layout/phrases';
import { CAN_CU_VERBS, type CanCu, type CanCuItem } from '../../../../shared/model';
import { AreaField, ChoiceField, TextField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useEdit } from '../state/context';
import { moveItem, removeAt, replaceAt } from '../model/list';
import { focusNewField } from '../model/tabs';

export const CanCuForm = memo(function CanCuForm({ canCu }: { canCu: CanCu }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const set = (patch: Partial<CanCu>) => edit((c) => ({ ...c, canCu: { ...c.canCu, ...patch } }));
  const items = canCu.items;
  const setItem = (i: number, patch: Partial<CanCuItem>) => set({ items: replaceAt(items, i, { ...items[i]!, ...patch }) });
  // A new reference takes the verb of the last one in a list; in a sentence it goes on the verb before it.
  const newVerb = canCu.form === 'sentence' && items.length ? '' : (items.at(-1)?.verb ?? CAN_CU_VERBS[0]);
  const printed = canCuParagraphs(canCu);

  return (
    <Stack gap="md">
      <ChoiceField
        label={t('canCu.form')}
        value={canCu.form}
        onChange={(form) => set({ form })}
        hint={t(`canCu.${canCu.form}Hint`)}
        data={[
          { value: 'list', label: t('canCu.formList') },
          { value: 'paragraphs', label: t('canCu.formParagraphs') },
          { value: 'sentence', label: t('canCu.formSentence') },
        ]}
      />

      {items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="cancu-empty">
          {t('canCu.empty')}
        </Text>
      )}
      {items.map((item, i) => (
        <Stack key={i} gap={4}>
          {i > 0 && (
            <Checkbox
              size="xs"
              label={t('canCu.joinVa')}
              checked={item.join === 'và'}
              disabled={readOnly}
              onChange={(e) => setItem(i, { join: e.currentTarget.checked ? 'và' : '' })}
            />
          )}
          <Group align="flex-start" wrap="nowrap">
            <TextField
              w={150}
              path={['canCu', 'items', i, 'verb']}
              label={t('canCu.verbOf', { n: i + 1 })}
              placeholder={t('canCu.verbNone')}
              suggestions={CAN_CU_VERBS}
              value={item.verb}
              onChange={(verb) => setItem(i, { verb })}
            />
            <AreaField
              className="kh-grow"
              path={['canCu', 'items', i, 'text']}
              label={t('canCu.item', { n: i + 1 })}
              placeholder={t('canCu.itemPlaceholder')}
              minRows={1}
              value={item.text}
              onChange={(text) => setItem(i, { text })}
            />
            <ItemControls
              index={i}
              count={items.length}
              name={t('canCu.item', { n: i + 1 })}
              onMove={(d) => set({ items: moveItem(items, i, d) })}
              onRemove={() => set({ items: removeAt(items, i) })}
            />
          </Group>
        </Stack>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => {
              set({ items: [...items, { verb: newVerb, text: '', join: '' }] });
              focusNewField(`[data-path="canCu.items.${items.length}.text"]`);
            }}
          >
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
      {printed.length > 0 && (
        <Stack gap={2} data-testid="cancu-printed" aria-label={t('canCu.printed')}>
          <Text size="xs" fw={500}>
            {t('canCu.printed')}
          </Text>
          {printed.map((line, i) => (
            <Text key={i} size="xs" c="dimmed">
              {line}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
});
