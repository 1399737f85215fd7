import type { Migration } from './types';

/**
 * The history thinning (repositories/plans/thinning.ts) reads a plan's autosaves by reason and time. In plan_revisions
 * saved_at sits after the compressed content, so reading it walks each row's overflow pages; this covering index
 * answers the thinning from the index alone.
 */
export const migration003: Migration = {
  version: 3,
  name: 'revision-history-index',
  sql: `
CREATE INDEX plan_revisions_by_reason ON plan_revisions (plan_id, reason, saved_at, revision);
`,
};
