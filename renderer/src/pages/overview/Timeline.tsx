/**
 * Each plan's dated tasks and pilot units against today, as a picture: one row per plan, a bar from its issue to its
 * last deadline, a dot per task (a diamond per pilot unit) in its status colour, and today as a red line. SVG drawn
 * from `timelineLayout`; the viewBox scales it to the card's width. A mark names its task on hover and opens it on
 * a click.
 */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatShortDate } from '../../../../shared/format';
import { taskStatusColor, taskStatusLabels, TASK_STATUS_ORDER } from '../tasks/taskStatus';
import { TIMELINE_GEOMETRY as G, timelineLayout, type TimelinePlan } from './timelineLayout';

const color = (name: string) => `var(--mantine-color-${name}-6)`;
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function Timeline({ plans, today, onOpenTask }: { plans: TimelinePlan[]; today: string; onOpenTask: (id: string) => void }) {
  const { t } = useTranslation();
  const labels = taskStatusLabels(t);
  const layout = timelineLayout(plans, today);
  const shown = new Set(plans.flatMap((p) => p.items.map((i) => i.status)));
  return (
    <div>
      <svg
        viewBox={`0 0 ${G.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={t('overview.timelineLabel', { count: plans.length })}
        style={{ display: 'block', fontFamily: 'inherit' }}
        data-testid="timeline"
      >
        {layout.ticks.map((tick) => (
          <g key={tick.day}>
            <line x1={tick.x} x2={tick.x} y1={G.top - 6} y2={layout.height - 4} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
            <text x={tick.x} y={G.top - 10} fontSize={11} textAnchor="middle" fill="var(--mantine-color-dimmed)">
              {tick.text}
            </text>
          </g>
        ))}
        {layout.plans.map((plan, row) => (
          <g key={plan.planId} data-testid="timeline-plan">
            {row % 2 === 1 && <rect x={0} y={plan.y - G.rowHeight / 2} width={G.width} height={G.rowHeight} fill="var(--mantine-color-gray-0)" />}
            <text x={4} y={plan.y + 4} fontSize={12} fill="var(--mantine-color-text)">
              <title>{plan.label}</title>
              {shorten(plan.label, 44)}
            </text>
            {plan.bar && (
              <line x1={plan.bar.x1} x2={plan.bar.x2} y1={plan.y} y2={plan.y} stroke="var(--mantine-color-gray-4)" strokeWidth={4} strokeLinecap="round" />
            )}
            {plan.items.map((item) => {
              const name = `${item.label} — ${formatShortDate(item.due)} — ${labels[item.status]}`;
              const fill = color(taskStatusColor[item.status]);
              return (
                <g key={item.id} style={{ cursor: 'pointer' }} onClick={() => onOpenTask(item.id)} data-status={item.status}>
                  <title>{name}</title>
                  {item.kind === 'pilot' ? (
                    <rect x={item.x - 5} y={item.y - 5} width={10} height={10} transform={`rotate(45 ${item.x} ${item.y})`} fill={fill} stroke="white" strokeWidth={1.5} />
                  ) : (
                    <circle cx={item.x} cy={item.y} r={6} fill={fill} stroke="white" strokeWidth={1.5} />
                  )}
                </g>
              );
            })}
          </g>
        ))}
        <line x1={layout.today.x} x2={layout.today.x} y1={G.top - 16} y2={layout.height} stroke={color('red')} strokeWidth={1.5} strokeDasharray="4 3" />
        <text x={layout.today.x + 4} y={10} fontSize={11} fill={color('red')} fontWeight={600}>
          {t('overview.today')}
        </text>
      </svg>
      <Group gap="md" mt="xs" aria-label={t('overview.legend')}>
        {TASK_STATUS_ORDER.filter((s) => shown.has(s)).map((s) => (
          <Group key={s} gap={4} wrap="nowrap">
            <svg width={12} height={12} aria-hidden="true">
              <circle cx={6} cy={6} r={5} fill={color(taskStatusColor[s])} />
            </svg>
            <Text size="xs">{labels[s]}</Text>
          </Group>
        ))}
        <Group gap={4} wrap="nowrap">
          <svg width={12} height={12} aria-hidden="true">
            <rect x={2} y={2} width={8} height={8} transform="rotate(45 6 6)" fill="var(--mantine-color-gray-6)" />
          </svg>
          <Text size="xs">{t('overview.pilotMark')}</Text>
        </Group>
      </Group>
    </div>
  );
}
