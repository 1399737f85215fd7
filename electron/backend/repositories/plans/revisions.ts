/** A plan's kept revisions: the history list (newest first, a page at a time) and one revision's content. */
import type { RevisionSummary } from '../../../../shared/api';
import type { Plan } from '../../../../shared/model';

import type { RepoContext } from '../context';
import type { PlanStatements, RevisionRow } from './statements';
import { parseContent, planOf, type PlanStore } from './store';

/** Revisions per page of plan.revisions unless the caller asks otherwise. */
export const REVISION_PAGE = 50;

export function createPlanRevisions(ctx: RepoContext, st: PlanStatements, store: PlanStore) {
  const page = ctx.db.prepare<[string, number, number], Omit<RevisionRow, 'content'> & { damaged_at: string | null }>(
    'SELECT revision, saved_at, status, reason, trich_yeu, damaged_at FROM plan_revisions WHERE plan_id = ? ORDER BY revision DESC LIMIT ? OFFSET ?',
  );
  const count = ctx.db.prepare<[string], number>('SELECT count(*) FROM plan_revisions WHERE plan_id = ?').pluck();

  /** One page of the history, newest first, and how many revisions are kept in all. */
  function revisions(id: string, { offset = 0, limit = REVISION_PAGE }: { offset?: number; limit?: number } = {}): { items: RevisionSummary[]; total: number } {
    store.getRow(id);
    const items = page
      .all(id, limit, offset)
      .map((r) => ({
        revision: r.revision,
        savedAt: r.saved_at,
        status: r.status,
        reason: r.reason,
        trichYeu: r.trich_yeu,
        ...(r.damaged_at ? { damaged: true } : {}),
      }));
    return { items, total: offset === 0 && items.length < limit ? items.length : count.get(id)! };
  }

  function getRevision(id: string, revision: number): Plan {
    const row = store.getRow(id);
    const rev = store.revisionOf(id, revision);
    return planOf(parseContent(rev.content), {
      id,
      status: rev.status,
      revision: rev.revision,
      createdAt: row.created_at,
      updatedAt: rev.saved_at,
      deletedAt: row.deleted_at,
    });
  }

  /** The revisions of a plan found damaged and set aside, newest first: what the editor tells her about. */
  function damagedRevisions(id: string): { revision: number; savedAt: string; foundAt: string }[] {
    store.getRow(id);
    return st.damagedRevisions.all(id).map((r) => ({ revision: r.revision, savedAt: r.saved_at, foundAt: r.damaged_at }));
  }

  return { revisions, getRevision, damagedRevisions };
}
