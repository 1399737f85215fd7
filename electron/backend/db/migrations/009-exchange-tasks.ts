import type { Migration } from './types';

/**
 * Tasks, progress reports and directory entries in exchange packages:
 * - task_reports.office_id / office_name: a report that came in another office's package (the unit a duty was
 *   assigned to, reporting on our task); NULL for the reports written here;
 * - tracked_tasks.facts_version: counts the changes of a task's facts here (the version its task record travels
 *   with); facts_from / facts_from_version: the office whose facts the row holds when they came in a package (the
 *   unit a cross-office duty was assigned to) and the version last taken from it;
 * - org_origins: directory entries received from another office, with the owner's revision.
 */
export const migration009: Migration = {
  version: 9,
  name: 'exchange-tasks',
  sql: `
ALTER TABLE task_reports ADD COLUMN office_id TEXT;
ALTER TABLE task_reports ADD COLUMN office_name TEXT NOT NULL DEFAULT '';
CREATE INDEX task_reports_by_time ON task_reports (created_at);
ALTER TABLE tracked_tasks ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracked_tasks ADD COLUMN facts_from TEXT;
ALTER TABLE tracked_tasks ADD COLUMN facts_from_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE org_origins (
  org_id          TEXT PRIMARY KEY NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  owner_office    TEXT NOT NULL,
  owner_revision  INTEGER NOT NULL,
  received_at     TEXT NOT NULL
) STRICT;
`,
};
