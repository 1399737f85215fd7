/** Phụ lục: appendices with a title, intro paragraphs and tables (merged header cells, multi-paragraph cells). */
import { memo } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Appendix, AppendixTable } from '../../../../shared/model';
import { AreaField, TextField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useConfirm } from '../../components/confirm';
import { useEdit } from '../state/context';
import { newAppendix, newTable } from '../model/blocks';
import { moveItem, removeAt, replaceAt, updateAt, updateById } from '../model/list';
import { TableEditor } from './TableEditor';

export const AppendicesForm = memo(function AppendicesForm({ appendices, appendixIssuedBy }: { appendices: Appendix[]; appendixIssuedBy: string }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const confirm = useConfirm();
  const setList = (update: (list: Appendix[]) => Appendix[]) => edit((c) => ({ ...c, appendices: update(c.appendices) }));
  const add = () => {
    const a = newAppendix();
    setList((list) => [...list, a]);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-appendix-id="${a.id}"] input`)?.focus());
  };

  return (
    <Stack gap="md">
      <TextField
        path={['appendixIssuedBy']}
        label={t('appendices.issuedBy')}
        description={t('appendices.issuedByHint')}
        placeholder={t('appendices.issuedByPlaceholder')}
        value={appendixIssuedBy}
        onChange={(v) => edit((c) => ({ ...c, appendixIssuedBy: v }))}
      />
      {appendices.length === 0 && (
        <Paper withBorder p="md">
          <Text size="sm">{t('appendices.empty')}</Text>
        </Paper>
      )}
      {appendices.map((a, i) => {
        const name = a.title || t('appendices.numbered', { n: i + 1 });
        const change = (update: (x: Appendix) => Appendix) => setList((list) => updateById(list, a.id, update));
        return (
          <Paper key={a.id} withBorder p="sm" data-appendix-id={a.id} role="group" aria-label={name}>
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Title order={5}>{t('appendices.numbered', { n: i + 1 })}</Title>
              <ItemControls
                index={i}
                count={appendices.length}
                name={name}
                onMove={(d) => setList((list) => moveItem(list, i, d))}
                onRemove={async () => {
                  const ok = await confirm({ title: t('appendices.confirmRemoveTitle'), message: t('appendices.confirmRemove', { name }), confirmLabel: t('list.remove'), danger: true });
                  if (ok) setList((list) => list.filter((x) => x.id !== a.id));
                }}
              />
            </Group>
            <Stack gap="xs">
              <TextField
                path={['appendices', i, 'title']}
                label={t('appendices.title')}
                placeholder={t('appendices.titlePlaceholder')}
                value={a.title}
                onChange={(v) => change((x) => ({ ...x, title: v }))}
              />
              {a.intro.map((p, k) => (
                <Group key={k} align="flex-start" wrap="nowrap">
                  <AreaField
                    className="kh-grow"
                    path={['appendices', i, 'intro', k]}
                    label={t('appendices.intro', { n: k + 1 })}
                    minRows={1}
                    value={p}
                    onChange={(v) => change((x) => ({ ...x, intro: replaceAt(x.intro, k, v) }))}
                  />
                  <ItemControls
                    index={k}
                    count={a.intro.length}
                    name={t('appendices.intro', { n: k + 1 })}
                    onMove={(d) => change((x) => ({ ...x, intro: moveItem(x.intro, k, d) }))}
                    onRemove={() => change((x) => ({ ...x, intro: removeAt(x.intro, k) }))}
                  />
                </Group>
              ))}
              {a.tables.map((tb, k) => (
                <Paper key={k} withBorder p="xs">
                  <Group justify="space-between" mb={4}>
                    <Text size="sm" fw={500}>
                      {t('appendices.table', { n: k + 1 })}
                    </Text>
                    {!readOnly && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => change((x) => ({ ...x, tables: removeAt(x.tables, k) }))}>
                        {t('appendices.removeTable')}
                      </Button>
                    )}
                  </Group>
                  <TableEditor
                    table={tb}
                    name={t('appendices.table', { n: k + 1 })}
                    path={['appendices', i, 'tables', k]}
                    onChange={(update: (x: AppendixTable) => AppendixTable) => change((x) => ({ ...x, tables: updateAt(x.tables, k, update) }))}
                  />
                </Paper>
              ))}
              {!readOnly && (
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => change((x) => ({ ...x, intro: [...x.intro, ''] }))}>
                    {t('appendices.addIntro')}
                  </Button>
                  <Button size="xs" variant="light" disabled={a.tables.length >= 10} onClick={() => change((x) => ({ ...x, tables: [...x.tables, newTable(3)] }))}>
                    {t('appendices.addTable')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && (
        <Group>
          <Button variant="light" onClick={add} disabled={appendices.length >= 20}>
            {t('appendices.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
});
