/**
 * What the task list can be filtered by: the bodies in charge, the plans, the terms and the offices whose received plans
 * have tasks, present among tracked tasks
 * (plans in the bin left out). The plans are many (10,000 in a long-lived office): the newest PLAN_CHOICES, or those
 * whose words match what she typed, plus the one the list is filtered by; `plansTotal` says how many there are.
 */
import type { TaskFilterOptions, TaskFilterOptionsInput } from '../../../../shared/api';
import type { Db } from '../../db/open';
import { ftsQuery } from '../plan-index';
import { planRefOf, type PlanRefRow } from './index';

/** Plans offered at a time. */
export const PLAN_CHOICES = 50;

const BIN_HOLDS_TASKS =
  'SELECT 1 FROM plans p WHERE p.deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM tracked_tasks x WHERE x.plan_id = p.id) LIMIT 1';
const LIVE = 'plan_id NOT IN (SELECT id FROM plans WHERE deleted_at IS NOT NULL)';

export function taskFilterOptions(db: Db, input: TaskFilterOptionsInput = {}): TaskFilterOptions {
  // Without a binned plan holding tasks, the distinct bodies and terms are read from their indexes alone.
  const live = db.prepare(BIN_HOLDS_TASKS).get() === undefined ? '1' : LIVE;
  const bodies = db
    .prepare<[], string>(`SELECT DISTINCT body FROM tracked_tasks WHERE body <> '' AND ${live}`)
    .pluck()
    .all()
    .sort((a, b) => a.localeCompare(b, 'vi'));
  const terms = db
    .prepare<[], string>(`SELECT DISTINCT term FROM tracked_tasks WHERE trim(term) <> '' AND ${live}`)
    .pluck()
    .all()
    .map((t) => t.trim())
    .sort((a, b) => b.localeCompare(a));
  const tracked = `plans p JOIN (SELECT plan_id, MAX(tracked_from) AS since FROM tracked_tasks GROUP BY plan_id) t ON t.plan_id = p.id`;
  const where = ['p.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const words = ftsQuery(input.planSearch ?? '');
  if (words) {
    where.push('p.seq IN (SELECT rowid FROM plans_fts WHERE plans_fts MATCH :words)');
    params.words = words;
  }
  const w = where.join(' AND ');
  const columns = 'p.id, p.number, p.doc_type, p.symbol, p.trich_yeu, p.status, p.year, p.month, p.day, p.term';
  const plans = db
    .prepare<Record<string, unknown>, PlanRefRow>(`SELECT ${columns} FROM ${tracked} WHERE ${w} ORDER BY t.since DESC, p.year DESC, p.number DESC LIMIT :limit`)
    .all({ ...params, limit: PLAN_CHOICES })
    .map(planRefOf);
  const plansTotal = db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM ${tracked} WHERE ${w}`).pluck().get(params) ?? 0;
  // The plan the list is filtered by stays offered, so its name shows in the field.
  if (input.planId && !plans.some((p) => p.id === input.planId)) {
    const chosen = db.prepare<[string], PlanRefRow>(`SELECT ${columns} FROM plans p WHERE p.id = ? AND p.deleted_at IS NULL`).get(input.planId);
    if (chosen) plans.unshift(planRefOf(chosen));
  }
  // The offices whose plans (or conflict copies) were received here, for "whose plan": ours or a unit's.
  const owners = db
    .prepare<[], { officeId: string; name: string }>(
      `SELECT o.owner_office AS officeId, max(o.owner_name) AS name FROM plan_origins o
       WHERE EXISTS (SELECT 1 FROM tracked_tasks t WHERE t.plan_id = o.plan_id)
         AND o.plan_id NOT IN (SELECT id FROM plans WHERE deleted_at IS NOT NULL)
       GROUP BY o.owner_office`,
    )
    .all()
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { bodies, plans, plansTotal, terms, owners };
}
