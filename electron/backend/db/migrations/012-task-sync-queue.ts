import type { Migration } from './types';

/**
 * task_sync_queue: issued plans whose tracked tasks are still to be created. A package of many new plans is imported
 * without creating their tasks in its transaction (they would double its time); each plan is queued there instead, and
 * the tasks repository creates them soon after in small background steps, or at once before anything reads tasks.
 * The plan's tasks are tracked from the day it was queued (tracked_from), created at queued_at.
 */
export const migration012: Migration = {
  version: 12,
  name: 'task-sync-queue',
  sql: `
CREATE TABLE task_sync_queue (
  plan_id       TEXT PRIMARY KEY NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  tracked_from  TEXT NOT NULL,
  queued_at     TEXT NOT NULL
) STRICT;
`,
};
