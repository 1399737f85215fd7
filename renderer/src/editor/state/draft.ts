/**
 * The editor's one state: the plan's draft content plus what the editor knows of the stored plan.
 * Every form change goes through `edit` (a pure recipe over PlanContent); the autosaver persists it.
 */
import { PlanContent, type Plan, type PlanStatus } from '../../../../shared/model';
import { contentOf } from '../../../../shared/model/plan-record';

export interface DraftState {
  planId: string;
  content: PlanContent;
  status: PlanStatus;
  /** A plan of another office, received in a package: its owner writes it, never we (also a received draft). */
  received: boolean;
  /** The stored revision this draft is based on (sent as baseRevision with the next save). */
  revision: number;
  /** Counts local edits; `savedSeq` is the count the last successful save carried. */
  editSeq: number;
  savedSeq: number;
  /** When the last save (or load) happened, ISO. */
  savedAt: string;
  /** The content as last stored (what a value the store refuses falls back to, see storable.ts). */
  stored: PlanContent;
}

export type DraftAction =
  | { type: 'load'; plan: Plan }
  | { type: 'edit'; recipe: (content: PlanContent) => PlanContent }
  | { type: 'saved'; plan: Plan; seq: number }
  /** A server operation (number allocation, issue) changed the stored plan: take its bookkeeping and the fields it changed. */
  | { type: 'server'; plan: Plan; take: (stored: PlanContent, draft: PlanContent) => PlanContent };

export { contentOf };

export function initDraft(plan: Plan): DraftState {
  return {
    planId: plan.id,
    content: contentOf(plan),
    status: plan.status,
    received: plan.origin !== undefined,
    revision: plan.revision,
    editSeq: 0,
    savedSeq: 0,
    savedAt: plan.updatedAt,
    stored: contentOf(plan),
  };
}

/**
 * Issued and archived plans are read-only; editing an issued plan goes through plan.reopen first. A received plan is
 * read-only whatever its status: the store refuses its saves, so typing into it would be typing into nothing.
 */
export const isReadOnly = (s: DraftState): boolean => s.status !== 'draft' || s.received;

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'load':
      return initDraft(action.plan);
    case 'edit': {
      if (isReadOnly(state)) return state;
      const content = action.recipe(state.content);
      if (content === state.content) return state;
      return { ...state, content, editSeq: state.editSeq + 1 };
    }
    case 'saved':
      return {
        ...state,
        revision: action.plan.revision,
        status: action.plan.status,
        savedSeq: Math.max(state.savedSeq, action.seq),
        savedAt: action.plan.updatedAt,
        stored: contentOf(action.plan),
      };
    case 'server':
      return {
        ...state,
        content: action.take(contentOf(action.plan), state.content),
        revision: action.plan.revision,
        status: action.plan.status,
        savedAt: action.plan.updatedAt,
        stored: contentOf(action.plan),
      };
  }
}
