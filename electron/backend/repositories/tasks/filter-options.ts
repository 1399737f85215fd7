/**
 * What the task list can be filtered by: the bodies in charge, the plans and the terms present among tracked tasks
 * (plans in the bin left out). Three small reads over the tracked_tasks indexes.
 */
import type { TaskFilterOptions } from '../../../../shared/api';
import type { Db } from '../../db/open';
import { planRefOf, type PlanRefRow } from './index';

const LIVE = 'plan_id NOT IN (SELECT id FROM plans WHERE deleted_at IS NOT NULL)';

export function taskFilterOptions(db: Db): TaskFilterOptions {
  const bodies = db
    .prepare<[], { body: string }>(`SELECT DISTINCT body FROM tracked_tasks WHERE body <> '' AND ${LIVE}`)
    .all()
    .map((r) => r.body)
    .sort((a, b) => a.localeCompare(b, 'vi'));
  const plans = db
    .prepare<[], PlanRefRow>(
      `SELECT p.id, p.number, p.doc_type, p.symbol, p.trich_yeu, p.status, p.year, p.month, p.day, p.term
       FROM plans p JOIN (SELECT plan_id, MAX(tracked_from) AS since FROM tracked_tasks GROUP BY plan_id) t ON t.plan_id = p.id
       WHERE p.deleted_at IS NULL ORDER BY t.since DESC, p.year DESC, p.number DESC`,
    )
    .all()
    .map(planRefOf);
  const terms = [...new Set(plans.map((p) => p.term.trim()).filter(Boolean))].sort((a, b) => b.localeCompare(a));
  return { bodies, plans, terms };
}
