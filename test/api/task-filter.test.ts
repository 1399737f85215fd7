/** The task list and its Excel export take one filter (TaskFilter): a filter added to the list reaches the export. */
import { describe, expect, it } from 'vitest';
import { TaskExportInput, TaskFilter, TaskListInput } from '../../shared/api/tasks';

describe('TaskFilter', () => {
  it('is the export’s input, and the list’s with paging', () => {
    const filters = Object.keys(TaskFilter.shape).sort();
    expect(Object.keys(TaskExportInput.shape).sort()).toEqual(filters);
    expect(Object.keys(TaskListInput.shape).sort()).toEqual([...filters, 'includeRemoved', 'limit', 'offset'].sort());
    const input = { statuses: ['overdue'], term: '2025-2030', dueFrom: '2025-01-01', search: 'dai hoi' };
    expect(TaskExportInput.parse(input)).toEqual(TaskFilter.parse(input));
    expect(() => TaskExportInput.parse({ ...input, offset: 5 })).toThrow();
  });
});
