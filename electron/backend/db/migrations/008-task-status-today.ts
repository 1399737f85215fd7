import type { Migration } from './types';

/**
 * Today's status of every tracked task, kept in columns so the task list, its counts and the dashboard filter and
 * sort through indexes at 100,000 tasks. They are a cache of the status SQL (repositories/tasks/status-sql.ts) for
 * one day and the default "sắp đến hạn" window, recomputed for all rows when the day changes (task_status_day) and
 * for the rows a write touches; a query for another day computes the status in SQL instead.
 * due_today is the day the task falls due on that day, '~' when it has none (so it sorts last).
 */
export const migration008: Migration = {
  version: 8,
  name: 'task-status-today',
  sql: `
ALTER TABLE tracked_tasks ADD COLUMN status_today TEXT;
ALTER TABLE tracked_tasks ADD COLUMN due_today TEXT NOT NULL DEFAULT '~';
CREATE INDEX tracked_tasks_by_due_today ON tracked_tasks (due_today, seq);
CREATE INDEX tracked_tasks_by_status_today ON tracked_tasks (status_today, due_today, seq);
CREATE INDEX tracked_tasks_by_body_today ON tracked_tasks (body, status_today, due_today);

CREATE TABLE task_status_day (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  day        TEXT NOT NULL,
  soon_days  INTEGER NOT NULL
) STRICT;
`,
};
