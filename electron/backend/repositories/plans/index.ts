/**
 * The plans repository, in parts that each hold one idea: statements.ts (every prepared statement), store.ts (reading
 * a plan and the one write path, writeRevision), lifecycle.ts (what may change a plan), list.ts (the list/search
 * query), revisions.ts (the history), thinning.ts (how autosaves thin with age), archive.ts (lưu trữ), years.ts (the
 * years plans are dated in).
 */
import type { PlanContent } from '../../../../shared/model';
import type { RepoContext } from '../context';
import type { RegisterRepo } from '../register';
import { createPlanArchive } from './archive';
import { createPlanLifecycle } from './lifecycle';
import { createPlanList } from './list';
import { createPlanRevisions } from './revisions';
import { preparePlanStatements } from './statements';
import { createPlanStore } from './store';
import { createHistoryThinning, type ThinningOptions } from './thinning';
import { createPlanYears } from './years';

export { contentOf } from '../../../../shared/model/plan-record';
export type { ParsedPlanSave } from './lifecycle';
export type { ParsedPlanList } from './list';
export type { RevisionReason } from './statements';

export function createPlansRepo(
  ctx: RepoContext,
  deps: {
    register: RegisterRepo;
    defaultTerm: () => string;
    thinning?: ThinningOptions;
    /** Called in the write's transaction whenever a plan is stored as issued (the tracked tasks follow it). */
    onIssued?: (planId: string, content: PlanContent, now: string) => void;
  },
) {
  const st = preparePlanStatements(ctx.db);
  const thinning = createHistoryThinning(ctx, deps.thinning);
  const store = createPlanStore(ctx, st, { afterWrite: (planId) => thinning.request(planId), onIssued: deps.onIssued });
  const lifecycle = createPlanLifecycle(ctx, st, store, deps);
  const history = createPlanRevisions(ctx, st, store);
  return {
    list: createPlanList(ctx.db),
    get: (id: string) => store.toPlan(store.getRow(id)),
    /** The plan, or null when there is none with this id. */
    find: (id: string) => {
      const row = store.findRow(id);
      return row ? store.toPlan(row) : null;
    },
    years: createPlanYears(ctx.db),
    ...lifecycle,
    ...createPlanArchive(ctx, store),
    ...history,
    /** The one write path, for the importer and the exchange: see store.ts. */
    writeRevision: store.writeRevision,
    /** Many writes with their search text indexed together at the end (an import): see store.ts. */
    inBulk: store.inBulk,
    /** Thin one plan's autosave history now (thinning.ts); writes already ask for it in the background. */
    thinHistory: thinning.thinNow,
  };
}
export type PlansRepo = ReturnType<typeof createPlansRepo>;
