/**
 * Đơn vị làm điểm: one card per unit — name (from the directory or typed), category, term, who attends,
 * party members + invited guests → the total, computed and shown; duration and deadline.
 */
import { memo } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Block, PilotCategory, PilotUnit } from '../../../../shared/model';
import { AreaField, DateField, NumberField, SelectField, TextField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useEdit, useLookups } from '../state/context';
import { newPilotUnit } from '../model/blocks';
import { moveItem, updateById } from '../model/list';
import { mapBlocks, walkBlocks } from '../../../../shared/model/tree';
import { checkUnitTerm } from '../model/validate';
import { useConfirm } from '../../components/confirm';

const categories: readonly PilotCategory[] = ['chi-bo-truc-thuoc', 'chi-bo-co-so', 'dang-bo-co-so'];
export const unitTerms = ['2025 - 2027', '2025 - 2030'] as const;

/** members + invited when both are known; otherwise the total typed by hand stays. */
export function withComputedTotal(unit: PilotUnit): PilotUnit {
  if (unit.members !== null && unit.invited !== null) return { ...unit, total: unit.members + unit.invited };
  return unit;
}

function hasPilotUnitsBlock(blocks: readonly Block[]): boolean {
  for (const b of walkBlocks(blocks)) if (b.kind === 'pilotUnits') return true;
  return false;
}

export const PilotUnitsForm = memo(function PilotUnitsForm({ units, body, onOpenBody }: { units: PilotUnit[]; body: Block[]; onOpenBody: () => void }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const confirm = useConfirm();
  const setUnits = (update: (list: PilotUnit[]) => PilotUnit[]) => edit((c) => ({ ...c, pilotUnits: update(c.pilotUnits) }));
  const add = () => {
    const unit = newPilotUnit();
    setUnits((list) => [...list, unit]);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-unit-id="${unit.id}"] input`)?.focus());
  };
  const remove = async (unit: PilotUnit, n: number) => {
    const ok = await confirm({
      title: t('units.confirmRemoveTitle'),
      message: t('units.confirmRemove', { name: unit.name || t('units.unnamed', { n }) }),
      confirmLabel: t('list.remove'),
      danger: true,
    });
    if (!ok) return;
    // the schedule blocks must not keep pointing at a removed unit
    const dropFrom = (blocks: Block[]): Block[] =>
      mapBlocks(blocks, (b) => (b.kind === 'pilotSchedule' ? { ...b, unitIds: b.unitIds.filter((id) => id !== unit.id) } : b));
    edit((c) => ({ ...c, pilotUnits: c.pilotUnits.filter((u) => u.id !== unit.id), body: dropFrom(c.body) }));
  };

  return (
    <Stack gap="md">
      {units.length > 0 && !hasPilotUnitsBlock(body) && (
        <Alert color="yellow" title={t('units.notPlacedTitle')}>
          <Group justify="space-between">
            <Text size="sm">{t('units.notPlaced')}</Text>
            <Button size="xs" variant="light" onClick={onOpenBody}>
              {t('units.openBody')}
            </Button>
          </Group>
        </Alert>
      )}
      {units.length === 0 && (
        <Paper withBorder p="md">
          <Text size="sm">{t('units.empty')}</Text>
        </Paper>
      )}
      {units.map((unit, i) => (
        <UnitCard
          key={unit.id}
          unit={unit}
          index={i}
          count={units.length}
          onChange={(update) => setUnits((list) => updateById(list, unit.id, (u) => withComputedTotal(update(u))))}
          onMove={(d) => setUnits((list) => moveItem(list, i, d))}
          onRemove={() => void remove(unit, i + 1)}
        />
      ))}
      {!readOnly && (
        <Group>
          <Button variant="light" onClick={add}>
            {t('units.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
});

interface CardProps {
  unit: PilotUnit;
  index: number;
  count: number;
  onChange: (update: (u: PilotUnit) => PilotUnit) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

const UnitCard = memo(function UnitCard({ unit, index, count, onChange, onMove, onRemove }: CardProps) {
  const { t } = useTranslation('editor');
  const { orgs } = useLookups();
  const base = ['pilotUnits', index] as const;
  const label = unit.name || t('units.unnamed', { n: index + 1 });
  const set = (patch: Partial<PilotUnit>) => onChange((u) => ({ ...u, ...patch }));
  const bothCounts = unit.members !== null && unit.invited !== null;
  const directory = orgs.filter((o) => o.kind === 'co-so').map((o) => o.name);

  return (
    <Paper withBorder p="sm" data-unit-id={unit.id} role="group" aria-label={label}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={5}>{t('units.cardTitle', { n: index + 1 })}</Title>
        <ItemControls index={index} count={count} name={label} onMove={onMove} onRemove={onRemove} />
      </Group>
      <Stack gap="xs">
        <TextField
          path={[...base, 'name']}
          label={t('units.name')}
          placeholder={t('units.namePlaceholder')}
          required
          suggestions={directory}
          value={unit.name}
          onChange={(v) => set({ name: v, orgId: orgs.find((o) => o.name === v)?.id ?? null })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField
            path={[...base, 'category']}
            label={t('units.category')}
            value={unit.category}
            data={categories.map((c) => ({ value: c, label: t(`units.categories.${c}`) }))}
            onChange={(v) => set({ category: v })}
          />
          <TextField
            path={[...base, 'term']}
            label={t('units.term')}
            placeholder="2025 - 2030"
            suggestions={unitTerms}
            value={unit.term}
            validate={(v) => {
              const key = checkUnitTerm(v);
              return key ? t(key) : null;
            }}
            onChange={(v) => set({ term: v })}
          />
        </SimpleGrid>
        <AreaField
          path={[...base, 'attendees']}
          label={t('units.attendees')}
          placeholder={t('units.attendeesPlaceholder')}
          value={unit.attendees}
          onChange={(v) => set({ attendees: v })}
        />
        <Group align="flex-start" gap="sm">
          <NumberField path={[...base, 'members']} label={t('units.members')} min={0} max={100_000} w={190} value={unit.members} onChange={(v) => set({ members: v })} />
          <NumberField path={[...base, 'invited']} label={t('units.invited')} min={0} max={100_000} w={190} value={unit.invited} onChange={(v) => set({ invited: v })} />
          {bothCounts ? (
            <Stack gap={2} pt={4}>
              <Text size="sm" fw={500}>
                {t('units.total')}
              </Text>
              <Text size="lg" fw={700} data-testid={`unit-total-${index}`} data-path={[...base, 'total'].join('.')} tabIndex={-1}>
                {t('units.totalValue', { count: unit.total ?? 0 })}
              </Text>
            </Stack>
          ) : (
            <NumberField
              path={[...base, 'total']}
              label={t('units.totalManual')}
              description={t('units.totalManualHint')}
              min={0}
              max={200_000}
              w={190}
              value={unit.total}
              onChange={(v) => set({ total: v })}
            />
          )}
        </Group>
        <Group align="flex-start" gap="sm">
          <NumberField
            path={[...base, 'durationDays']}
            label={t('units.duration')}
            description={t('units.durationHint')}
            min={1}
            max={30}
            w={150}
            value={unit.durationDays}
            onChange={(v) => set({ durationDays: v })}
          />
          <DateField
            path={[...base, 'deadline']}
            label={t('units.deadline')}
            placeholder={t('units.deadlinePlaceholder')}
            value={unit.deadline}
            onChange={(v) => set({ deadline: v })}
          />
        </Group>
      </Stack>
    </Paper>
  );
});
