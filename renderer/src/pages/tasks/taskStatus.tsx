/**
 * How a task status looks on screen: its words (through i18next; the Vietnamese equal the document vocabulary of
 * shared/layout/task-labels.ts) and its colour. Overdue is red, due soon amber, done green (late: orange), so the colour
 * alone already tells what needs attention; the words are always shown with it.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TaskStatusCode } from '../../../../shared/tasks';
import { lightBadge } from '../../components/lightLook';

export const taskStatusColor: Record<TaskStatusCode, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  due_soon: 'yellow',
  overdue: 'red',
  done_on_time: 'green',
  done_late: 'orange',
  ongoing: 'cyan',
  paused: 'violet',
  cancelled: 'dark',
};

/** The statuses in the order the filter, the dashboard and the legend list them: what needs attention first. */
export const TASK_STATUS_ORDER: readonly TaskStatusCode[] = [
  'overdue',
  'due_soon',
  'in_progress',
  'not_started',
  'ongoing',
  'paused',
  'done_late',
  'done_on_time',
  'cancelled',
];

export const taskStatusLabels = (t: TFunction): Record<TaskStatusCode, string> => ({
  not_started: t('taskStatus.not_started'),
  in_progress: t('taskStatus.in_progress'),
  due_soon: t('taskStatus.due_soon'),
  overdue: t('taskStatus.overdue'),
  done_on_time: t('taskStatus.done_on_time'),
  done_late: t('taskStatus.done_late'),
  ongoing: t('taskStatus.ongoing'),
  paused: t('taskStatus.paused'),
  cancelled: t('taskStatus.cancelled'),
});

/** The labels of one language's `t`, translated once (a list draws a badge per row). */
const labelsByLanguage = new WeakMap<TFunction, Record<TaskStatusCode, string>>();
function labelsOf(t: TFunction): Record<TaskStatusCode, string> {
  let labels = labelsByLanguage.get(t);
  if (!labels) {
    labels = taskStatusLabels(t);
    labelsByLanguage.set(t, labels);
  }
  return labels;
}

/**
 * The status as a coloured badge; a task a reissued plan no longer holds says so ("Hủy (bỏ khỏi kế hoạch)"). Plain
 * elements with the Badge's look: a list row draws one without adding to React's tree.
 */
export const taskStatusBadge = (t: TFunction, status: TaskStatusCode, removed = false) =>
  lightBadge(taskStatusColor[status], status === 'cancelled' && removed ? t('taskStatus.removedFromPlan') : labelsOf(t)[status], {
    style: { overflow: 'visible', flexShrink: 0 },
  });

/** The same badge as a component. */
export function TaskStatusBadge({ status, removed = false }: { status: TaskStatusCode; removed?: boolean }) {
  const { t } = useTranslation();
  return taskStatusBadge(t, status, removed);
}
