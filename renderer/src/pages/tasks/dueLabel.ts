import type { TFunction } from 'i18next';
import { formatShortDate } from '../../../../shared/format';
import type { TaskItem } from '../../../../shared/api';

/** The deadline as the table shows it: the due day, "Thường xuyên", or a relative deadline's words until its event is dated. */
export function dueLabel(t: TFunction, task: Pick<TaskItem, 'dueKind' | 'dueDay' | 'due'>): string {
  if (task.dueKind === 'ongoing') return t('tasks.dueOngoing');
  if (task.dueDay) {
    const day = formatShortDate(task.dueDay);
    if (task.dueKind === 'recurring' && task.due?.every) return t('tasks.dueRecurring', { day, every: t(`tasks.every.${task.due.every}`) });
    return day;
  }
  if (task.dueKind === 'relative') return task.due?.relative || t('tasks.dueRelative');
  return t('tasks.dueNone');
}
