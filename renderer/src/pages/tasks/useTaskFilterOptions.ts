import type { FilterOptions } from './TaskFilterBar';

/** The bodies, plans and terms the filter bar offers. */
export function useTaskFilterOptions(): FilterOptions {
  return { bodies: [], plans: [], terms: [] };
}
