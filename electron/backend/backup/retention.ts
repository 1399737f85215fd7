/**
 * Which backups to keep (pure; the calendar is the machine's local one, as the clerk sees it):
 * - regular backups (automatic or "Sao lưu ngay"): the newest 3 of today, the newest of each of the 14 days before,
 *   the newest of each week (Monday to Sunday) back to 3 months; the newest backup of all is never deleted;
 * - copies taken before a restore, an import or a migration: 30 days.
 */
import type { BackupKind } from '../../../shared/api/backup';

export interface RetainedBackup {
  name: string;
  kind: BackupKind;
  /** Milliseconds since the epoch. */
  takenAt: number;
}

export const RETENTION = { todayCount: 3, dailyDays: 14, weeklyDays: 92, protectedDays: 30 } as const;

/** Copies taken before something replaces or rewrites the data: kept for a fixed time, not thinned. */
export const isProtectedKind = (kind: BackupKind): boolean => kind !== 'auto' && kind !== 'manual';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole local calendar days from `t` to `now` (0 = today). */
function daysAgo(t: number, now: number): number {
  const a = new Date(t);
  const b = new Date(now);
  const dayA = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const dayB = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((dayB - dayA) / DAY_MS);
}

const dayKey = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
};

/** The Monday starting `t`'s local week. */
const weekKey = (t: number) => {
  const d = new Date(t);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday.getTime());
};

/** The names of the backups to delete at `now`. */
export function backupsToDelete(backups: readonly RetainedBackup[], now: number): string[] {
  const remove: string[] = [];
  const regular = backups.filter((b) => !isProtectedKind(b.kind)).sort((a, b) => b.takenAt - a.takenAt || (a.name < b.name ? 1 : -1));
  for (const b of backups) {
    if (isProtectedKind(b.kind) && daysAgo(b.takenAt, now) > RETENTION.protectedDays) remove.push(b.name);
  }
  let today = 0;
  const days = new Set<string>();
  const weeks = new Set<string>();
  regular.forEach((b, index) => {
    const age = daysAgo(b.takenAt, now);
    let keep = index === 0; // the newest of all, however old
    if (age <= 0) {
      // today (or a clock set back: a backup "from the future" counts as today's)
      keep ||= today < RETENTION.todayCount;
      today++;
    } else if (age <= RETENTION.dailyDays) {
      const key = dayKey(b.takenAt);
      keep ||= !days.has(key);
      days.add(key);
    } else if (age <= RETENTION.weeklyDays) {
      const key = weekKey(b.takenAt);
      keep ||= !weeks.has(key);
      weeks.add(key);
    }
    if (!keep) remove.push(b.name);
  });
  return remove;
}
