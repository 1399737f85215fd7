/** How the newest backup is named on screen ("hôm nay 14:30"), and whether it is old enough to warn (amber). */
import dayjs from 'dayjs';

export const STALE_AFTER_DAYS = 3;

export type LastBackup =
  | { kind: 'none' }
  | { kind: 'today' | 'yesterday'; time: string; stale: boolean }
  | { kind: 'date'; date: string; time: string; stale: boolean };

export function lastBackup(newestAt: string | null, now: Date = new Date()): LastBackup {
  if (!newestAt) return { kind: 'none' };
  const at = dayjs(newestAt);
  const today = dayjs(now).startOf('day');
  const time = at.format('HH:mm');
  const stale = dayjs(now).diff(at, 'day', true) > STALE_AFTER_DAYS;
  if (!at.isBefore(today)) return { kind: 'today', time, stale };
  if (!at.isBefore(today.subtract(1, 'day'))) return { kind: 'yesterday', time, stale };
  return { kind: 'date', date: at.format('DD/MM/YYYY'), time, stale };
}

export const isStale = (last: LastBackup): boolean => last.kind === 'none' || last.stale;
