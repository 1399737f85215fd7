/**
 * The plans list's reads, built in one place for the page and for the window's first read (no imports beyond types:
 * the window asks for them before the rest of the bundle runs, renderer/src/app/openingPage.ts).
 */
import type { DocType, PlanStatus } from '../../../../shared/model';

export const PAGE_SIZE = 50;

/** live: our own plans; received: plans of other offices (read-only, grouped by office); bin: deleted plans (?view=…). */
export type PlanListView = 'live' | 'received' | 'bin';

export const viewOf = (params: URLSearchParams): PlanListView =>
  params.get('view') === 'bin' ? 'bin' : params.get('view') === 'received' ? 'received' : 'live';

export interface PlanListChoice {
  view: PlanListView;
  query: string;
  page: number;
  year: number | null;
  status: PlanStatus | null;
  docType: DocType | null;
}

/** plan.list's input for what the list shows. */
export function planListInput({ view, query, page, year, status, docType }: PlanListChoice) {
  return {
    query,
    deleted: view === 'bin',
    ...(view === 'bin' ? {} : { origin: view === 'received' ? ('received' as const) : ('ours' as const) }),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(year !== null ? { year } : {}),
    ...(status !== null ? { status } : {}),
    ...(docType !== null ? { docType } : {}),
  };
}

/** plan.years' input: the years the view's plans are dated in. */
export const planYearsInput = (view: PlanListView) => ({ deleted: view === 'bin' });

/** What PlansPage first reads at an address's parameters: the first page of the view, unfiltered, and its years. */
export function firstListReads(params: URLSearchParams) {
  const view = viewOf(params);
  return { list: planListInput({ view, query: '', page: 1, year: null, status: null, docType: null }), years: planYearsInput(view) };
}
