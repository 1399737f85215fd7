/**
 * Phân công thực hiện: the duty blocks of the body (each body's ordered tasks). The body is picked from the
 * directory or typed; each task's due date is proposed from its text (shared/format/due-date) and can be set
 * by hand (then it no longer follows the text).
 */
import { memo, useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Block, DutyBlock, PlanDate, Task, TaskDue } from '../../../../shared/model';
import { proposeDue } from '../../../../shared/format/due-date';
import { formatShortDate } from '../../../../shared/format/date';
import { foldVietnamese } from '../../../../shared/format/fold';
import { AreaField, TextField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useConfirm } from '../../components/confirm';
import { DateInput } from '../../components/DateInput';
import { pathKey, useEdit, useLookups } from '../state/context';
import { newDuty, newTask } from '../model/blocks';
import { moveItem, updateById } from '../model/list';
import { appendChild, findPath, listDuties, listSections, removeBlock, updateBlock } from '../../../../shared/model/tree';

interface Props {
  body: Block[];
  pilotUnitNames: string[];
}

/** The section new duties go into: the one titled "TỔ CHỨC THỰC HIỆN" when there is one, else the last top-level section. */
export function defaultDutySection(body: readonly Block[]): string | null {
  const sections = listSections(body);
  const named = sections.find((s) => foldVietnamese(s.title).includes('to chuc thuc hien'));
  if (named) return named.id;
  const roots = sections.filter((s) => s.depth === 0);
  return roots.length ? (roots[roots.length - 1] as { id: string }).id : null;
}

/** New task text: keep a hand-set due date, otherwise propose one from the text. */
export function withProposedDue(task: Task, text: string, planDate: PlanDate): Task {
  if (task.due?.source === 'manual') return { ...task, text };
  return { ...task, text, due: proposeDue(text, planDate) };
}

export const DutiesForm = memo(function DutiesForm({ body, pilotUnitNames }: Props) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const duties = useMemo(() => listDuties(body), [body]);
  const sections = useMemo(() => listSections(body), [body]);
  const [target, setTarget] = useState<string | null>(null);
  const chosen = target && sections.some((s) => s.id === target) ? target : defaultDutySection(body);

  const add = () => {
    const duty = newDuty();
    edit((c) => ({ ...c, body: appendChild(c.body, chosen, duty) }));
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-duty-id="${duty.id}"] input`)?.focus());
  };

  return (
    <Stack gap="md">
      {duties.length === 0 && (
        <Paper withBorder p="md">
          <Text size="sm">{t('duties.empty')}</Text>
        </Paper>
      )}
      {duties.map(({ duty }, i) => (
        <DutyEditor key={duty.id} duty={duty} n={i + 1} pathKeyOf={pathKeyOfDuty(body, duty.id)} pilotUnitNames={pilotUnitNames} />
      ))}
      {!readOnly && (
        <Paper withBorder p="sm">
          <Group align="flex-end">
            <Select
              label={t('duties.addInto')}
              className="kh-grow"
              data={[
                { value: '', label: t('duties.atBodyEnd') },
                ...sections.map((s) => ({ value: s.id, label: `${'— '.repeat(s.depth)}${s.title || t('duties.untitledSection')}` })),
              ]}
              value={chosen ?? ''}
              onChange={(v) => setTarget(v || null)}
              allowDeselect={false}
            />
            <Button onClick={add}>{t('duties.add')}</Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
});

/** The content path of a duty ("body.4.children.0") for findings and focus. */
function pathKeyOfDuty(body: readonly Block[], id: string): string {
  const path = findPath(body, id) ?? [];
  const parts: (string | number)[] = ['body'];
  path.forEach((index, k) => {
    if (k > 0) parts.push('children');
    parts.push(index);
  });
  return pathKey(parts);
}

interface DutyProps {
  duty: DutyBlock;
  n: number;
  pathKeyOf: string;
  pilotUnitNames: string[];
}

const DutyEditor = memo(function DutyEditor({ duty, n, pathKeyOf, pilotUnitNames }: DutyProps) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const { orgs } = useLookups();
  const confirm = useConfirm();
  const base = pathKeyOf.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const label = duty.body || t('duties.unnamedBody');
  const change = (update: (d: DutyBlock) => DutyBlock) =>
    edit((c) => ({ ...c, body: updateBlock(c.body, duty.id, (b) => (b.kind === 'duty' ? update(b) : b)) }));
  const setTasks = (update: (tasks: Task[]) => Task[]) => change((d) => ({ ...d, tasks: update(d.tasks) }));
  const names = [...new Set([...orgs.filter((o) => o.kind !== 'ca-nhan').map((o) => o.name), ...pilotUnitNames.filter(Boolean)])];

  const remove = async () => {
    const ok = await confirm({ title: t('duties.confirmRemoveTitle'), message: t('duties.confirmRemove', { name: label }), confirmLabel: t('list.remove'), danger: true });
    if (ok) edit((c) => ({ ...c, body: removeBlock(c.body, duty.id) }));
  };
  const addTask = () => {
    const task = newTask();
    setTasks((tasks) => [...tasks, task]);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task-id="${task.id}"] textarea`)?.focus());
  };

  return (
    <Paper withBorder p="sm" data-duty-id={duty.id} role="group" aria-label={label}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={5}>{t('duties.cardTitle', { n })}</Title>
        {!readOnly && (
          <Button size="compact-xs" variant="subtle" color="red" aria-label={t('list.removeNamed', { name: label })} onClick={() => void remove()}>
            {t('duties.remove')}
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <TextField
          path={[...base, 'body']}
          label={t('duties.body')}
          description={t('duties.bodyHint')}
          required
          suggestions={names}
          value={duty.body}
          onChange={(v) => change((d) => ({ ...d, body: v, orgId: orgs.find((o) => o.name === v)?.id ?? null }))}
        />
        <Group gap="lg">
          <Checkbox
            label={t('duties.colon')}
            disabled={readOnly}
            checked={duty.headingSuffix === ':'}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              change((d) => ({ ...d, headingSuffix: checked ? ':' : '' }));
            }}
          />
          <SegmentedControl
            size="xs"
            readOnly={readOnly}
            aria-label={t('duties.taskStyle')}
            value={duty.taskStyle}
            onChange={(v) => change((d) => ({ ...d, taskStyle: v as DutyBlock['taskStyle'] }))}
            data={[
              { value: 'dash', label: t('duties.taskStyleDash') },
              { value: 'plain', label: t('duties.taskStylePlain') },
            ]}
          />
        </Group>
        {duty.tasks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('duties.noTasks')}
          </Text>
        )}
        {duty.tasks.map((task, i) => (
          <TaskEditor
            key={task.id}
            task={task}
            index={i}
            count={duty.tasks.length}
            path={[...base, 'tasks', i]}
            onText={(text) => edit((c) => ({ ...c, body: updateBlock(c.body, duty.id, (b) => (b.kind === 'duty' ? { ...b, tasks: updateById(b.tasks, task.id, (x) => withProposedDue(x, text, c.header.date)) } : b)) }))}
            onDue={(due) => setTasks((tasks) => updateById(tasks, task.id, (x) => ({ ...x, due })))}
            onRepropose={() =>
              edit((c) => ({
                ...c,
                body: updateBlock(c.body, duty.id, (b) => (b.kind === 'duty' ? { ...b, tasks: updateById(b.tasks, task.id, (x) => ({ ...x, due: proposeDue(x.text, c.header.date) })) } : b)),
              }))
            }
            onMove={(d) => setTasks((tasks) => moveItem(tasks, i, d))}
            onRemove={() => setTasks((tasks) => tasks.filter((x) => x.id !== task.id))}
          />
        ))}
        {!readOnly && (
          <Group>
            <Button size="xs" variant="light" onClick={addTask}>
              {t('duties.addTask')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
});

interface TaskProps {
  task: Task;
  index: number;
  count: number;
  path: (string | number)[];
  onText: (text: string) => void;
  onDue: (due: TaskDue | null) => void;
  onRepropose: () => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

function TaskEditor({ task, index, count, path, onText, onDue, onRepropose, onMove, onRemove }: TaskProps) {
  const { t } = useTranslation('editor');
  const { readOnly } = useEdit();
  const [editingDue, setEditingDue] = useState(false);
  const due = task.due;
  const name = t('duties.task', { n: index + 1 });
  const manual = (patch: Partial<TaskDue>) => onDue({ dates: due?.dates ?? [], relative: due?.relative ?? '', ...patch, source: 'manual' });

  return (
    <Paper withBorder p="xs" data-task-id={task.id} bg="var(--mantine-color-gray-0)">
      <Group align="flex-start" wrap="nowrap">
        <Stack gap={4} className="kh-grow">
          <AreaField path={[...path, 'text']} label={name} minRows={1} value={task.text} onChange={onText} />
          <Group gap={6} data-testid={`due-${task.id}`} aria-live="polite">
            <Text size="xs" c="dimmed">
              {t('duties.due')}
            </Text>
            {!due || (due.dates.length === 0 && !due.relative && !due.ongoing && !due.every) ? (
              <Text size="xs" c="dimmed">
                {t('duties.noDue')}
              </Text>
            ) : (
              <>
                {due.dates.map((d) => (
                  <Badge key={d} variant="light" size="sm">
                    {formatShortDate(d)}
                  </Badge>
                ))}
                {due.relative && (
                  <Badge variant="outline" size="sm" color="gray">
                    {due.relative}
                  </Badge>
                )}
                {due.ongoing && (
                  <Badge variant="outline" size="sm">
                    {t('duties.dueOngoing')}
                  </Badge>
                )}
                {due.every && (
                  <Badge variant="outline" size="sm">
                    {t(`duties.dueEvery.${due.every}`)}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {due.source === 'auto' ? t('duties.dueAuto') : t('duties.dueManual')}
                </Text>
              </>
            )}
            {!readOnly && (
              <>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditingDue((v) => !v)} aria-expanded={editingDue}>
                  {t('duties.editDue')}
                </Button>
                {due?.source === 'manual' && (
                  <Button size="compact-xs" variant="subtle" onClick={onRepropose}>
                    {t('duties.reproposeDue')}
                  </Button>
                )}
              </>
            )}
          </Group>
          {editingDue && !readOnly && (
            <Group align="flex-end" gap="sm">
              <DateInput
                multiple
                label={t('duties.dueDates')}
                maxLevel="decade"
                value={due?.dates ?? []}
                onChange={(dates) => manual({ dates: dates.sort().slice(0, 5) })}
                data-path={pathKey([...path, 'due', 'dates'])}
              />
              <TextField label={t('duties.dueRelative')} placeholder={t('duties.dueRelativePlaceholder')} value={due?.relative ?? ''} onChange={(v) => manual({ relative: v })} />
              <Button size="xs" variant="subtle" color="gray" onClick={() => onDue(null)}>
                {t('duties.clearDue')}
              </Button>
            </Group>
          )}
        </Stack>
        <ItemControls index={index} count={count} name={name} onMove={onMove} onRemove={onRemove} />
      </Group>
    </Paper>
  );
}
