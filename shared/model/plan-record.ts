/**
 * A stored plan is its content plus bookkeeping (id, status, revision, timestamps). Splitting one into the other and
 * joining them back, once, for the store and the editor.
 */
import { PlanContent, type Plan, type PlanStatus } from './plan';

export interface PlanMeta {
  id: string;
  status: PlanStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

const contentKeys = Object.keys(PlanContent.shape) as (keyof PlanContent)[];

/**
 * Just the content of a plan-shaped object: the PlanContent fields, nothing else (drops id, status, revision,
 * timestamps, and a save's baseRevision). Fields left undefined stay absent.
 */
export function contentOf(plan: Partial<Record<keyof PlanContent, unknown>>): PlanContent {
  const out: Record<string, unknown> = {};
  for (const key of contentKeys) if (plan[key] !== undefined) out[key] = plan[key];
  return out as PlanContent;
}

/** The stored plan from its content and bookkeeping. */
export function planOf(content: PlanContent, meta: PlanMeta): Plan {
  return { ...content, ...meta };
}
