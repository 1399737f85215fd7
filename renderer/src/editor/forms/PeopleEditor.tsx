/**
 * A person list in the body: one row per person (họ tên, chức vụ, nhiệm vụ trong tổ), printed as aligned lines
 * "Đ/c <họ tên> – <chức vụ> – <nhiệm vụ>" or as a table TT / Họ và tên / Chức vụ / Nhiệm vụ. By keyboard: Enter adds
 * a person below, Alt+↑/↓ moves the row, Backspace in an empty row removes it. "Điền vào bảng" turns the list into a
 * body table (the table editor's merges and header rows) with the same people.
 */
import type { KeyboardEvent } from 'react';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeopleBlock, Person } from '../../../../shared/model';
import { TextField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useEdit, pathKey, type FieldPath } from '../state/context';
import { newPerson } from '../model/blocks';
import { insertAt, moveItem, updateById } from '../model/list';

interface Props {
  block: PeopleBlock;
  /** The block's content path ("body.3"). */
  path: FieldPath;
  onChange: (update: (block: PeopleBlock) => PeopleBlock) => void;
  /** Replace the list by a body table of the same people. */
  onToTable: () => void;
}

const FIELDS = ['name', 'position', 'role'] as const;
type Field = (typeof FIELDS)[number];

/** After the render that moved or added a row: focus that person's field. */
function focusPerson(id: string, field: Field): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-person-id="${id}"] [data-person-field="${field}"] input`)?.focus());
}

const blankPerson = (p: Person) => !p.name.trim() && !p.position.trim() && !p.role.trim();

export function PeopleEditor({ block, path, onChange, onToTable }: Props) {
  const { t } = useTranslation('editor');
  const { readOnly } = useEdit();
  const setPeople = (update: (people: Person[]) => Person[]) => onChange((b) => ({ ...b, people: update(b.people) }));
  const addAfter = (index: number) => {
    const person = newPerson();
    setPeople((people) => insertAt(people, index + 1, person));
    focusPerson(person.id, 'name');
  };
  const remove = (index: number) => {
    const focusTo = block.people[index - 1] ?? block.people[index + 1];
    setPeople((people) => people.filter((_, i) => i !== index));
    if (focusTo) focusPerson(focusTo.id, 'name');
  };

  const onRowKey = (e: KeyboardEvent<HTMLElement>, index: number, field: Field) => {
    if (readOnly || e.nativeEvent.isComposing) return;
    const person = block.people[index];
    if (!person) return;
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      addAfter(index);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const delta = e.key === 'ArrowUp' ? -1 : 1;
      if (index + delta < 0 || index + delta >= block.people.length) return;
      setPeople((people) => moveItem(people, index, delta));
      focusPerson(person.id, field);
    } else if (e.key === 'Backspace' && field === 'name' && blankPerson(person)) {
      e.preventDefault();
      remove(index);
    }
  };

  return (
    <Stack gap={6}>
      {block.people.map((person, i) => {
        const label = person.name.trim() || t('people.person', { n: i + 1 });
        return (
          <Group key={person.id} align="flex-start" wrap="nowrap" gap="xs" role="group" aria-label={t('people.person', { n: i + 1 })} data-person-id={person.id}>
            {FIELDS.map((field) => (
              <div key={field} className="kh-grow" data-person-field={field} onKeyDown={(e) => onRowKey(e, i, field)}>
                <TextField
                  path={[...path, 'people', i, field]}
                  label={t(`people.${field}`)}
                  value={person[field]}
                  onChange={(v) => setPeople((people) => updateById(people, person.id, (p) => ({ ...p, [field]: v })))}
                />
              </div>
            ))}
            <Group mt={24} gap={2} wrap="nowrap">
              <ItemControls index={i} count={block.people.length} name={label} onMove={(d) => setPeople((people) => moveItem(people, i, d))} onRemove={() => remove(i)} />
            </Group>
          </Group>
        );
      })}
      {!readOnly && (
        <Group gap="xs">
          <Button size="xs" variant="light" data-path={pathKey([...path, 'people'])} onClick={() => addAfter(block.people.length - 1)}>
            {t('people.add')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('people.keys')}
          </Text>
        </Group>
      )}
      <Group gap="md" align="flex-end">
        <TextField path={[...path, 'prefix']} label={t('people.prefix')} w={120} value={block.prefix} onChange={(v) => onChange((b) => ({ ...b, prefix: v }))} />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('people.print')}
          </Text>
          <SegmentedControl
            size="xs"
            readOnly={readOnly}
            aria-label={t('people.print')}
            value={block.print}
            onChange={(v) => onChange((b) => ({ ...b, print: v as PeopleBlock['print'] }))}
            data={[
              { value: 'lines', label: t('people.printLines') },
              { value: 'table', label: t('people.printTable') },
            ]}
          />
        </Stack>
        {!readOnly && (
          <Button size="xs" variant="light" onClick={onToTable}>
            {t('people.toTable')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
