import type { Migration } from './types';

/**
 * The task list at 100,000 tasks: every filter of the Nhiệm vụ page reads an index.
 * - tracked_tasks_fts: accent-folded words of each task (search_folded: text, bodies, plan number), contentless like
 *   plans_fts, rowid = tracked_tasks.seq, with prefix indexes (the last word typed is a prefix: "kiem tr"); kept by triggers, so every path that writes a task (issue, reissue, a plan
 *   deleted for good) keeps it true.
 * - term: the plan's committee term on each of its tasks (a trigger follows a change of the plan's), so a term filter
 *   walks an index in due order instead of probing plans.
 * - indexes for the filters in due order (term, body), the dashboard's overdue by body and a plan's first tracking day.
 * - task_status_day.refreshing_to / refreshing_soon: the day (and window) the kept status columns are being brought to,
 *   a small transaction at a time; while set, reads compute the status instead of reading the columns.
 */
export const migration010: Migration = {
  version: 10,
  name: 'task-list-search',
  sql: `
ALTER TABLE tracked_tasks ADD COLUMN term TEXT NOT NULL DEFAULT '';
UPDATE tracked_tasks SET term = coalesce((SELECT p.term FROM plans p WHERE p.id = tracked_tasks.plan_id), '');
CREATE TRIGGER plans_term_to_tracked_tasks AFTER UPDATE OF term ON plans WHEN NEW.term IS NOT OLD.term
BEGIN
  UPDATE tracked_tasks SET term = NEW.term WHERE plan_id = NEW.id;
END;

CREATE VIRTUAL TABLE tracked_tasks_fts USING fts5 (
  text,
  content = '',
  contentless_delete = 1,
  detail = none,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4'
);
INSERT INTO tracked_tasks_fts (rowid, text) SELECT seq, search_folded FROM tracked_tasks;
CREATE TRIGGER tracked_tasks_fts_insert AFTER INSERT ON tracked_tasks
BEGIN
  INSERT INTO tracked_tasks_fts (rowid, text) VALUES (NEW.seq, NEW.search_folded);
END;
CREATE TRIGGER tracked_tasks_fts_update AFTER UPDATE OF search_folded ON tracked_tasks WHEN NEW.search_folded IS NOT OLD.search_folded
BEGIN
  DELETE FROM tracked_tasks_fts WHERE rowid = OLD.seq;
  INSERT INTO tracked_tasks_fts (rowid, text) VALUES (NEW.seq, NEW.search_folded);
END;
CREATE TRIGGER tracked_tasks_fts_delete AFTER DELETE ON tracked_tasks
BEGIN
  DELETE FROM tracked_tasks_fts WHERE rowid = OLD.seq;
END;

CREATE INDEX tracked_tasks_by_term_today ON tracked_tasks (term, status_today, due_today, seq);
CREATE INDEX tracked_tasks_by_term_due ON tracked_tasks (term, due_today, seq);
CREATE INDEX tracked_tasks_by_body_due ON tracked_tasks (body, due_today, seq);
CREATE INDEX tracked_tasks_by_status_body ON tracked_tasks (status_today, body, org_id);
CREATE INDEX tracked_tasks_by_plan ON tracked_tasks (plan_id, tracked_from);

ALTER TABLE task_status_day ADD COLUMN refreshing_to TEXT;
ALTER TABLE task_status_day ADD COLUMN refreshing_soon INTEGER;
`,
};
