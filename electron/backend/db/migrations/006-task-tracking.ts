import type { Migration } from './types';

/**
 * Task tracking. The tasks and pilot units of an issued plan become tracked tasks (tracked_tasks), identified by their
 * content id: a reissue updates them in place and closes the ones that left the content. Progress lives here, apart
 * from the child rows of a plan's content (tasks, pilot_units), which every save prunes.
 *
 * Only facts are stored (started, completed, paused, cancelled, the relative deadline's event date, each recurring
 * period's progress); the status is computed for a day. due_day (the day a fixed or relative deadline falls due) and
 * the fact columns let SQL compute the status of a non-recurring task for any day (repositories/tasks/status-sql.ts).
 *
 * task_reports are append-only (a trigger refuses an UPDATE); evidence files are stored content-addressed
 * (<data>/evidence/ab/<sha256>) and listed in evidence_files, linked to a report with the name they were given.
 */
export const migration006: Migration = {
  version: 6,
  name: 'task-tracking',
  sql: `
CREATE TABLE tracked_tasks (
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  plan_id            TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  source             TEXT NOT NULL CHECK (source IN ('task', 'pilotUnit')),
  source_id          TEXT NOT NULL,
  position           INTEGER NOT NULL,
  duty_id            TEXT,
  body               TEXT NOT NULL DEFAULT '',
  org_id             TEXT,
  -- JSON array of the bodies named to help ("phối hợp với …")
  partners           TEXT NOT NULL DEFAULT '[]',
  text               TEXT NOT NULL,
  -- text, body and plan number accent-folded (shared/format/fold.ts), for search
  search_folded      TEXT NOT NULL DEFAULT '',
  -- the TaskDue JSON, or NULL
  due                TEXT,
  due_kind           TEXT NOT NULL CHECK (due_kind IN ('none', 'ongoing', 'recurring', 'dates', 'relative')),
  -- fixed dates: the latest; relative: the event date + its days once the event date is known; else NULL
  due_day            TEXT,
  -- the day it is tracked from (its plan's first issue)
  tracked_from       TEXT NOT NULL,
  started_at         TEXT,
  completed_at       TEXT,
  paused_at          TEXT,
  pause_reason       TEXT,
  cancelled_at       TEXT,
  cancel_reason      TEXT,
  removed_from_plan  INTEGER NOT NULL DEFAULT 0 CHECK (removed_from_plan IN (0, 1)),
  event_date         TEXT,
  -- JSON array of a recurring task's PeriodFacts
  periods            TEXT NOT NULL DEFAULT '[]',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (plan_id, source_id)
) STRICT;
CREATE INDEX tracked_tasks_by_due ON tracked_tasks (due_day, seq);
CREATE INDEX tracked_tasks_by_org ON tracked_tasks (org_id, due_day);
CREATE INDEX tracked_tasks_by_body ON tracked_tasks (body, due_day);

CREATE TABLE task_reports (
  id          TEXT PRIMARY KEY NOT NULL,
  task_id     TEXT NOT NULL REFERENCES tracked_tasks (id) ON DELETE CASCADE,
  date        TEXT NOT NULL,
  text        TEXT NOT NULL,
  percent     INTEGER CHECK (percent BETWEEN 0 AND 100),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX task_reports_by_task ON task_reports (task_id, date, created_at);
CREATE TRIGGER task_reports_append_only BEFORE UPDATE ON task_reports
BEGIN
  SELECT RAISE(ABORT, 'task_reports is append-only');
END;

CREATE TABLE evidence_files (
  sha256      TEXT PRIMARY KEY NOT NULL,
  size        INTEGER NOT NULL,
  media_type  TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE task_report_files (
  report_id  TEXT NOT NULL REFERENCES task_reports (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  sha256     TEXT NOT NULL REFERENCES evidence_files (sha256),
  name       TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) STRICT;
CREATE INDEX task_report_files_by_file ON task_report_files (sha256);
`,
};
