/** The plans list's reads before any typing or choosing, at an address's parameters (no imports: the window asks for them first, renderer/src/app/openingPage.ts). */
export const PAGE_SIZE = 50;

/** live: our own plans; received: plans of other offices; bin: deleted plans (?view=…). */
const viewOf = (params: URLSearchParams) => (params.get('view') === 'bin' ? 'bin' : params.get('view') === 'received' ? 'received' : 'live');

/** What PlansPage first reads: the first page of the view, and the years its plans are dated in. */
export function firstListReads(params: URLSearchParams) {
  const view = viewOf(params);
  return {
    list: {
      query: '',
      deleted: view === 'bin',
      ...(view === 'bin' ? {} : { origin: view === 'received' ? ('received' as const) : ('ours' as const) }),
      offset: 0,
      limit: PAGE_SIZE,
    },
    years: { deleted: view === 'bin' },
  };
}
