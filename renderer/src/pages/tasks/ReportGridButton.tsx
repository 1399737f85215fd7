/**
 * Tình hình báo cáo của các đơn vị: for one of our plans, each unit given tasks (a duty block's body or a pilot unit),
 * whether it has reported (the last report's day), and under it its tasks, each reported, not reported or overdue.
 * Units whose reports come in exchange packages are marked. Opened from the plan's row and from Nhiệm vụ filtered by
 * the plan; a dialog (Esc closes it), each task a link to its drawer.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Group, Modal, Stack, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportGrid, TaskItem } from '../../../../shared/api';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { lightButton } from '../../components/lightLook';
import { tasksLink } from './taskFilter';

type Unit = ReportGrid['units'][number];
type Cell = { key: 'reported' | 'overdue' | 'notReported' | 'done'; color: string };

const day = (d: string | null) => (d ? dayjs(d).format('DD/MM/YYYY') : '');

/** A unit's standing: reported (when last), overdue without a report, or not reported yet. */
export function unitCell(u: Unit): Cell {
  if (u.reported) return { key: 'reported', color: 'green' };
  if (u.overdue > 0) return { key: 'overdue', color: 'red' };
  return { key: 'notReported', color: 'gray' };
}

/** A task's standing in the grid. */
export function taskCell(task: TaskItem): Cell {
  if (task.status === 'overdue') return { key: 'overdue', color: 'red' };
  if (task.reportCount > 0) return { key: 'reported', color: 'green' };
  if (task.status === 'done_on_time' || task.status === 'done_late') return { key: 'done', color: 'teal' };
  return { key: 'notReported', color: 'gray' };
}

/** The button (drawn as plain elements: a plan row has one) and, only while open, the dialog. */
export function ReportGridButton({ planId, label, size = 'sm' }: { planId: string; label: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      {lightButton({
        size,
        variant: size === 'xs' ? 'subtle' : 'light',
        color: 'teal',
        onClick: () => setOpened(true),
        'aria-label': t('reportGrid.openNamed', { name: label }),
        children: t('reportGrid.open'),
      })}
      {opened && (
        <Modal opened onClose={() => setOpened(false)} title={t('reportGrid.title')} size="xl">
          <ReportGridView planId={planId} label={label} onLeave={() => setOpened(false)} />
        </Modal>
      )}
    </>
  );
}

function ReportGridView({ planId, label, onLeave }: { planId: string; label: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const grid = useApiQuery('exchange.reportGrid', { planId });
  const tasks = useApiQuery('task.list', { planId, includeRemoved: false, limit: 500 });
  if (grid.isPending || tasks.isPending) return <PageLoader />;
  if (grid.isError || tasks.isError)
    return (
      <Alert color="red" title={t('errors.loadFailed')}>
        {errorMessage(grid.error ?? tasks.error)}
      </Alert>
    );
  const units = grid.data.units;
  const byBody = new Map<string, TaskItem[]>();
  for (const task of tasks.data.items) byBody.set(task.body, [...(byBody.get(task.body) ?? []), task]);
  const cells = { reported: t('reportGrid.reported'), overdue: t('reportGrid.overdue'), notReported: t('reportGrid.notReported'), done: t('reportGrid.done') };
  const reported = units.filter((u) => u.reported).length;
  return (
    <Stack gap="sm">
      <Text size="sm">{label}</Text>
      <Text size="sm" c="dimmed">
        {t('reportGrid.summary', { reported, total: units.length, date: day(grid.data.on) })}
      </Text>
      {units.length === 0 ? (
        <Text size="sm">{t('reportGrid.empty')}</Text>
      ) : (
        <Table aria-label={t('reportGrid.title')} withTableBorder striped={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reportGrid.unit')}</Table.Th>
              <Table.Th>{t('reportGrid.state')}</Table.Th>
              <Table.Th>{t('reportGrid.tasksReported')}</Table.Th>
              <Table.Th>{t('reportGrid.lastReport')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {units.map((u) => {
            const cell = unitCell(u);
            return (
              <Table.Tbody key={u.body}>
                <Table.Tr bg="var(--mantine-color-gray-0)" data-unit={u.body}>
                  <Table.Th scope="row">
                    <Group gap={6}>
                      <span>{u.body || t('reportGrid.noBody')}</span>
                      {u.officeId && (
                        <Badge size="xs" variant="outline" color="blue" tt="none">
                          {t('reportGrid.byPackage')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={cell.color} variant="light" tt="none">
                        {cells[cell.key]}
                      </Badge>
                      {u.reported && u.overdue > 0 && (
                        <Badge color="red" variant="light" tt="none">
                          {t('reportGrid.overdueCount', { count: u.overdue })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t('reportGrid.ofTasks', { reported: u.tasksReported, total: u.tasks })}</Table.Td>
                  <Table.Td>{day(u.lastReportDate)}</Table.Td>
                </Table.Tr>
                {(byBody.get(u.body) ?? []).map((task) => {
                  const c = taskCell(task);
                  return (
                    <Table.Tr key={task.id}>
                      <Table.Td pl="xl">
                        <Anchor component={Link} to={tasksLink({ planId }, task.id)} size="sm" c="var(--mantine-color-text)" underline="always" onClick={onLeave}>
                          {task.text}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={c.color} variant="dot" tt="none">
                          {cells[c.key]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{task.reportCount > 0 ? t('reportGrid.reports', { count: task.reportCount }) : ''}</Table.Td>
                      <Table.Td>{day(task.lastReport?.date ?? null)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            );
          })}
        </Table>
      )}
    </Stack>
  );
}
