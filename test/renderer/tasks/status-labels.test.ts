import { i18n } from '../../../renderer/src/i18n';
import { taskStatusColor, taskStatusLabels, TASK_STATUS_ORDER } from '../../../renderer/src/pages/tasks/taskStatus';
import { REMOVED_FROM_PLAN_LABEL, TASK_STATUS_LABELS } from '../../../shared/layout/task-labels';
import { TaskStatusCode } from '../../../shared/tasks';

describe('task status on screen', () => {
  it('shows in Vietnamese exactly the words the BÁO CÁO and the CLI print', () => {
    const t = i18n.getFixedT('vi');
    expect(taskStatusLabels(t)).toEqual(TASK_STATUS_LABELS);
    expect(t('taskStatus.removedFromPlan')).toBe(REMOVED_FROM_PLAN_LABEL);
  });

  it('gives each of the nine statuses its own colour and lists every one once', () => {
    expect(new Set(Object.values(taskStatusColor)).size).toBe(TaskStatusCode.options.length);
    expect([...TASK_STATUS_ORDER].sort()).toEqual([...TaskStatusCode.options].sort());
    expect(taskStatusColor.overdue).toBe('red');
  });
});
