/**
 * What issuing the plan does to its tracked tasks (task.preview), shown in the Ban hành question: the tasks it
 * creates, the ones whose text or deadline it updates, the ones it closes because they left the plan. Nothing is
 * stored until she confirms.
 */
import { Badge, Group, List, ScrollArea, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TaskPreviewItem } from '../../../../shared/api';
import { formatShortDate } from '../../../../shared/format';

const SHOWN: readonly TaskPreviewItem['change'][] = ['new', 'changed', 'removed'];
const COLOR: Record<TaskPreviewItem['change'], string> = { new: 'green', changed: 'blue', unchanged: 'gray', removed: 'red' };

/** The deadline the tracker will hold, in the words of the Nhiệm vụ page. */
export function previewDue(t: TFunction, item: Pick<TaskPreviewItem, 'due'>): string {
  const due = item.due;
  if (due?.ongoing) return t('issue.tasks.dueOngoing');
  const every = due?.every ? t(`duties.dueEvery.${due.every}`) : '';
  const dates = (due?.dates ?? []).map((d) => formatShortDate(d)).join('; ');
  if (dates) return every ? `${dates} (${every})` : dates;
  if (every) return every;
  if (due?.relative.trim()) return due.relative.trim();
  return t('issue.tasks.dueNone');
}

export function IssueTaskPreview({ items }: { items: TaskPreviewItem[] }) {
  const { t } = useTranslation('editor');
  const count = (change: TaskPreviewItem['change']) => items.filter((i) => i.change === change).length;
  const listed = items.filter((i) => SHOWN.includes(i.change));
  if (listed.length === 0) return null;
  return (
    <Stack gap={4} data-testid="issue-task-preview">
      <Text size="sm" fw={600}>
        {t('issue.tasks.summary', { created: count('new'), changed: count('changed'), removed: count('removed') })}
      </Text>
      <ScrollArea.Autosize mah={220} type="auto">
        <List size="sm" spacing={4} aria-label={t('issue.tasks.listLabel')}>
          {listed.map((item) => (
            <List.Item key={`${item.source}:${item.sourceId}`}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="xs" variant="light" color={COLOR[item.change]} style={{ flexShrink: 0 }}>
                  {t(`issue.tasks.change.${item.change}`)}
                </Badge>
                <Text size="sm" lineClamp={2}>
                  {item.body ? `${item.body}: ` : ''}
                  {item.text} — {previewDue(t, item)}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Stack>
  );
}
