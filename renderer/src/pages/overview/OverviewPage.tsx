/**
 * #/overview (Tổng quan), the start page: the tasks of the issued plans at a glance. Counts by status and the
 * government's two groups, what falls due in the next 14 days, overdue tasks by body, and each plan's timeline.
 * Every count links to the Nhiệm vụ page filtered to it. Drawn with Mantine and SVG (no chart library: see README).
 */
import { Alert, Anchor, Button, EmptyState, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../shared/tasks/deadline';
import type { TaskSummaryOutput, TaskTimelineOutput } from '../../../../shared/api';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { FirstRunHint } from '../../components/FirstRunHint';
import { dueLabel } from '../tasks/dueLabel';
import { tasksLink } from '../tasks/taskFilter';
import { TaskStatusBadge, taskStatusColor, taskStatusLabels, TASK_STATUS_ORDER } from '../tasks/taskStatus';
import { Timeline } from './Timeline';
import type { TimelinePlan } from './timelineLayout';

export const DUE_WITHIN_DAYS = 14;

function RollUpCards({ summary }: { summary: TaskSummaryOutput }) {
  const { t } = useTranslation();
  const { done, notDone } = summary.rollUp;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Paper withBorder p="md" aria-label={t('overview.done')}>
        <Text size="sm" c="dimmed">
          {t('overview.done')}
        </Text>
        <Text size="xl" fw={700}>
          {done.total}
        </Text>
        <Text size="sm">{t('overview.doneSplit', { onTime: done.onTime, late: done.late })}</Text>
      </Paper>
      <Paper withBorder p="md" aria-label={t('overview.notDone')}>
        <Text size="sm" c="dimmed">
          {t('overview.notDone')}
        </Text>
        <Text size="xl" fw={700}>
          {notDone.total}
        </Text>
        <Text size="sm" c={notDone.overdue > 0 ? 'red.8' : undefined} fw={notDone.overdue > 0 ? 600 : undefined}>
          {t('overview.notDoneSplit', { inTime: notDone.inTime, overdue: notDone.overdue })}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

function StatusCounts({ summary }: { summary: TaskSummaryOutput }) {
  const { t } = useTranslation();
  const labels = taskStatusLabels(t);
  const counts = summary.rollUp.byStatus;
  const all = TASK_STATUS_ORDER.reduce((s, code) => s + (counts[code] ?? 0), 0);
  let x = 0;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('overview.byStatus')}
      </Title>
      {all > 0 && (
        <svg viewBox="0 0 1000 14" width="100%" height={14} preserveAspectRatio="none" aria-hidden="true" style={{ display: 'block', marginBottom: 12 }}>
          {TASK_STATUS_ORDER.map((code) => {
            const w = ((counts[code] ?? 0) / all) * 1000;
            const rect = w > 0 ? <rect key={code} x={x} y={0} width={w} height={14} fill={`var(--mantine-color-${taskStatusColor[code]}-6)`} /> : null;
            x += w;
            return rect;
          })}
        </svg>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs" role="list" aria-label={t('overview.byStatus')}>
        {TASK_STATUS_ORDER.map((code) => (
          <UnstyledButton
            key={code}
            role="listitem"
            component={Link}
            to={tasksLink({ statuses: [code] })}
            aria-label={t('overview.statusCount', { status: labels[code], count: counts[code] ?? 0 })}
            p={6}
            style={{ borderRadius: 4, borderLeft: `4px solid var(--mantine-color-${taskStatusColor[code]}-6)` }}
          >
            <Text size="lg" fw={700} lh={1.1}>
              {counts[code] ?? 0}
            </Text>
            <Text size="xs">{labels[code]}</Text>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function DueSoon({ summary }: { summary: TaskSummaryOutput }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items, total } = summary.dueSoon;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('overview.dueSoon', { days: DUE_WITHIN_DAYS })}
        </Title>
        {total > 0 && (
          <Anchor component={Link} to={tasksLink({ dueFrom: summary.on, dueTo: addDays(summary.on, DUE_WITHIN_DAYS), statuses: ['due_soon', 'in_progress', 'not_started'] })} size="sm">
            {t('overview.seeAll', { count: total })}
          </Anchor>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.nothingDue')}
        </Text>
      ) : (
        <Stack gap={4} role="list" aria-label={t('overview.dueSoon', { days: DUE_WITHIN_DAYS })}>
          {items.slice(0, 10).map((task) => (
            <UnstyledButton key={task.id} role="listitem" onClick={() => void navigate(tasksLink({}, task.id))} p={4} style={{ borderRadius: 4 }}>
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" fw={600} w={88} style={{ flexShrink: 0 }}>
                  {dueLabel(t, task)}
                </Text>
                <Text size="sm" truncate style={{ flex: 1 }} title={task.text}>
                  {task.text}
                </Text>
                <Text size="xs" c="dimmed" truncate w={180} style={{ flexShrink: 0 }}>
                  {task.body}
                </Text>
                <TaskStatusBadge status={task.status} />
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function OverdueByBody({ summary }: { summary: TaskSummaryOutput }) {
  const { t } = useTranslation();
  const rows = summary.overdueByBody.slice(0, 12);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('overview.overdueByBody')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.noOverdue')}
        </Text>
      ) : (
        <Stack gap={6} role="list" aria-label={t('overview.overdueByBody')}>
          {rows.map((r) => {
            // A received plan's body is named with the office whose plan it is: the units' tasks and ours together.
            const name = r.owner ? t('tasks.bodyOfOwner', { body: r.body, owner: r.owner.name }) : r.body;
            return (
              <UnstyledButton
                key={`${r.owner?.officeId ?? ''}/${r.body}`}
                role="listitem"
                component={Link}
                to={tasksLink({ statuses: ['overdue'], body: r.body, owner: r.owner?.officeId ?? (summary.overdueByBody.some((x) => x.owner) ? 'self' : null) })}
                aria-label={t('overview.bodyOverdue', { body: name, count: r.count })}
              >
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" w={260} truncate title={name} style={{ flexShrink: 0 }}>
                    {r.body}
                    {r.owner && (
                      <Text span size="xs" c="dimmed">
                        {' · '}
                        {r.owner.name}
                      </Text>
                    )}
                  </Text>
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" height={10} style={{ flex: 1 }} aria-hidden="true">
                    <rect x={0} y={0} width={(r.count / max) * 100} height={10} rx={1} fill="var(--mantine-color-red-6)" />
                  </svg>
                  <Text size="sm" fw={700} w={36} ta="right">
                    {r.count}
                  </Text>
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

/** The timeline's rows from `task.timeline`: each plan, with its tasks that have a due day. */
export function timelinePlans(data: TaskTimelineOutput, untitled: string): TimelinePlan[] {
  return data.plans.map((p) => ({
    planId: p.plan.id,
    label: [p.plan.ref, p.plan.trichYeu || untitled].filter(Boolean).join(' — '),
    start: p.trackedFrom || null,
    items: p.tasks.flatMap((task) =>
      task.dueDay ? [{ id: task.id, kind: task.source === 'pilotUnit' ? ('pilot' as const) : ('task' as const), label: `${task.body}: ${task.text}`, due: task.dueDay, status: task.status }] : [],
    ),
  }));
}

export default function OverviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useApiQuery('task.summary', { withinDays: DUE_WITHIN_DAYS, limit: 10 });
  const timeline = useApiQuery('task.timeline', { limit: 20 });

  const content = () => {
    if (summary.isPending) return <PageLoader />;
    if (summary.isError)
      return (
        <Alert color="red" title={t('errors.loadFailed')}>
          {errorMessage(summary.error)}
        </Alert>
      );
    const s = summary.data;
    if (s.rollUp.total + s.rollUp.cancelled === 0)
      return (
        <EmptyState title={t('overview.emptyTitle')} description={t('overview.emptyHint')}>
          <EmptyState.Actions>
            <Button component={Link} to="/plans">
              {t('overview.toPlans')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      );
    const plans = timeline.data ? timelinePlans(timeline.data, t('plans.untitled')) : [];
    return (
      <>
        <RollUpCards summary={s} />
        <StatusCounts summary={s} />
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <DueSoon summary={s} />
          <OverdueByBody summary={s} />
        </SimpleGrid>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t('overview.timeline')}
            </Title>
            {timeline.data && timeline.data.total > plans.length && (
              <Text size="sm" c="dimmed">
                {t('overview.timelineShown', { shown: plans.length, total: timeline.data.total })}
              </Text>
            )}
          </Group>
          {timeline.isError ? (
            <Alert color="red">{errorMessage(timeline.error)}</Alert>
          ) : plans.some((p) => p.items.length > 0) ? (
            <Timeline plans={plans.filter((p) => p.items.length > 0)} today={timeline.data?.on ?? s.on} onOpenTask={(id) => void navigate(tasksLink({}, id))} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('overview.timelineEmpty')}
            </Text>
          )}
        </Paper>
      </>
    );
  };

  return (
    <Stack>
      <Title order={2}>{t('overview.title')}</Title>
      <FirstRunHint />
      {content()}
    </Stack>
  );
}
