/** A plan's kept revisions: the history list and one revision's content. */
import type { RevisionSummary } from '../../../../shared/api';
import type { Plan } from '../../../../shared/model';
import { notFound } from '../../errors';
import type { RepoContext } from '../context';
import type { PlanStatements, RevisionRow } from './statements';
import { parseContent, planOf, type PlanStore } from './store';

export function createPlanRevisions(ctx: RepoContext, st: PlanStatements, store: PlanStore) {
  const revisionsOf = ctx.db.prepare<[string], Omit<RevisionRow, 'content'>>(
    'SELECT revision, saved_at, status, reason, trich_yeu FROM plan_revisions WHERE plan_id = ? ORDER BY revision DESC',
  );

  function revisions(id: string): RevisionSummary[] {
    store.getRow(id);
    return revisionsOf.all(id).map((r) => ({ revision: r.revision, savedAt: r.saved_at, status: r.status, reason: r.reason, trichYeu: r.trich_yeu }));
  }

  function getRevision(id: string, revision: number): Plan {
    const row = store.getRow(id);
    const rev = st.revisionRow.get(id, revision);
    if (!rev) throw notFound(`phiên bản ${revision} của kế hoạch`);
    return planOf(parseContent(rev.content), {
      id,
      status: rev.status,
      revision: rev.revision,
      createdAt: row.created_at,
      updatedAt: rev.saved_at,
      deletedAt: row.deleted_at,
    });
  }

  return { revisions, getRevision };
}
