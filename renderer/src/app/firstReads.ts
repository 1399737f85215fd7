/**
 * The data of the page the window opens on, asked for before React renders (earlyCalls.ts): the backend answers one
 * call at a time, and this way the page's own rows come first, before the shell's reads, and arrive while the shell is
 * still being drawn. Each page's inputs come from the leaf module the page reads them from; a read the page then asks
 * differently is simply not adopted.
 */
import { callEarly } from '../api/earlyCalls';
import { firstRowsInput } from '../pages/tasks/taskFilter';
import { firstListReads } from '../pages/plans/planListInput';
import { hashPathname } from './pageLoaders';

export function startFirstReads(hash: string): void {
  if (typeof window === 'undefined' || !window.kehoach) return;
  const path = hashPathname(hash);
  const params = new URLSearchParams(hash.split('?')[1]?.split('#')[0] ?? '');
  if (path === '/tasks') callEarly('task.list', firstRowsInput(params));
  if (path === '/plans') {
    const reads = firstListReads(params);
    callEarly('plan.list', reads.list);
    callEarly('plan.years', reads.years);
  }
}
