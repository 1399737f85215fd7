import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** The longest a start-up call waits for the page's data (a page that keeps reading must not hold it back for good). */
export const STARTUP_WAIT_MS = 3000;

/** Once true, for the rest of the window's life: later mounts do not wait. */
let settled = false;

/** For tests: the next mount waits again. */
export const resetAfterStartup = () => {
  settled = false;
};

/**
 * False until the reads the window opened with (the shell's and the page's) have come back, then true for good. Calls
 * made at start that the page does not need (what is overdue this week, the last backup) wait for it, so the backend,
 * which answers one call at a time, answers the page first and the page draws its data without them.
 */
export function useAfterStartup(): boolean {
  const client = useQueryClient();
  const [ready, setReady] = useState(settled);
  useEffect(() => {
    if (ready) return;
    let unsubscribe = () => {};
    const settle = () => {
      settled = true;
      unsubscribe();
      clearTimeout(first);
      clearTimeout(longest);
      setReady(true);
    };
    const check = () => {
      if (client.isFetching() === 0) settle();
    };
    // A macrotask later, every query of the first render has started (their effects ran after this one).
    const first = setTimeout(() => {
      unsubscribe = client.getQueryCache().subscribe(check);
      check();
    }, 0);
    const longest = setTimeout(settle, STARTUP_WAIT_MS);
    return () => {
      unsubscribe();
      clearTimeout(first);
      clearTimeout(longest);
    };
  }, [client, ready]);
  return ready || settled;
}
