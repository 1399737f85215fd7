/**
 * The Nhiệm vụ page's filters live in the address (#/tasks?status=overdue&body=…), so the dashboard and the notice at
 * app open can link to a filtered list, and Back returns to it. `task` names the task whose drawer is open.
 */
import type { TaskListInput } from '../../../../shared/api';
import type { TaskStatusCode } from '../../../../shared/tasks';
import { isTaskStatusCode } from '../../../../shared/tasks/status-codes';

export interface TaskFilterState {
  search: string;
  statuses: TaskStatusCode[];
  body: string | null;
  /** Whose plan: 'self' (ours) or the office id of received plans. */
  owner: string | null;
  planId: string | null;
  term: string | null;
  dueFrom: string | null;
  dueTo: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (v: string | null) => (v && DAY.test(v) ? v : null);

/** The filters an address names; what it names wrongly is left out rather than refused. */
export function filterFromParams(params: URLSearchParams): TaskFilterState {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is TaskStatusCode => isTaskStatusCode(s));
  const plan = params.get('plan');
  const owner = params.get('owner');
  return {
    search: params.get('q') ?? '',
    statuses: [...new Set(statuses)],
    body: params.get('body') || null,
    owner: owner === 'self' || (owner && UUID.test(owner)) ? owner : null,
    planId: plan && UUID.test(plan) ? plan : null,
    term: params.get('term') || null,
    dueFrom: day(params.get('from')),
    dueTo: day(params.get('to')),
  };
}

/** The address parameters of a filter (empty ones left out); `task` is kept as it was. */
export function paramsFromFilter(filter: TaskFilterState, task: string | null = null): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.search) out['q'] = filter.search;
  if (filter.statuses.length) out['status'] = filter.statuses.join(',');
  if (filter.body) out['body'] = filter.body;
  if (filter.owner) out['owner'] = filter.owner;
  if (filter.planId) out['plan'] = filter.planId;
  if (filter.term) out['term'] = filter.term;
  if (filter.dueFrom) out['from'] = filter.dueFrom;
  if (filter.dueTo) out['to'] = filter.dueTo;
  if (task) out['task'] = task;
  return out;
}

/** The `task.list` input of a filter (without the page). */
export function listInputOf(filter: TaskFilterState, search = filter.search): Omit<TaskListInput, 'offset' | 'limit'> {
  return {
    search: search.trim(),
    ...(filter.statuses.length ? { statuses: filter.statuses } : {}),
    ...(filter.body ? { body: filter.body } : {}),
    ...(filter.owner ? { owner: filter.owner } : {}),
    ...(filter.planId ? { planId: filter.planId } : {}),
    ...(filter.term ? { term: filter.term } : {}),
    ...(filter.dueFrom ? { dueFrom: filter.dueFrom } : {}),
    ...(filter.dueTo ? { dueTo: filter.dueTo } : {}),
  };
}

export const isFiltering = (f: TaskFilterState) =>
  f.search.trim() !== '' || f.statuses.length > 0 || f.body !== null || f.owner !== null || f.planId !== null || f.term !== null || f.dueFrom !== null || f.dueTo !== null;

/** No filter at all. */
export const EMPTY_FILTER: TaskFilterState = { search: '', statuses: [], body: null, owner: null, planId: null, term: null, dueFrom: null, dueTo: null };

/** A link to the Nhiệm vụ page with these filters. */
export function tasksLink(filter: Partial<TaskFilterState>, task: string | null = null): string {
  const full: TaskFilterState = { ...EMPTY_FILTER, ...filter };
  const query = new URLSearchParams(paramsFromFilter(full, task)).toString();
  return query ? `/tasks?${query}` : '/tasks';
}

/** The rows the Nhiệm vụ page reads at a time. */
export const PAGE_ROWS = 100;

/** The page's first read at an address's parameters (what TasksPage asks for before any typing). */
export const firstRowsInput = (params: URLSearchParams): TaskListInput => ({ ...listInputOf(filterFromParams(params)), offset: 0, limit: PAGE_ROWS });
