import { describe, expect, it } from 'vitest';
import { backupsToDelete, type RetainedBackup } from '../../electron/backend/backup/retention';

/** Local calendar dates (the retention follows the clerk's calendar). */
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const auto = (t: number, kind: RetainedBackup['kind'] = 'auto'): RetainedBackup => ({ name: `${kind}-${t}`, kind, takenAt: t });

describe('backup retention', () => {
  const now = at(2026, 11, 29, 18);

  it('keeps the newest 3 of today', () => {
    const today = [9, 10, 11, 12, 13].map((h) => auto(at(2026, 11, 29, h)));
    expect(backupsToDelete(today, now).sort()).toEqual([today[0]!.name, today[1]!.name].sort());
  });

  it('keeps the newest of each of the 14 days before today, and nothing daily beyond', () => {
    const backups: RetainedBackup[] = [];
    for (let d = 1; d <= 14; d++) backups.push(auto(at(2026, 11, 29 - d, 9)), auto(at(2026, 11, 29 - d, 17)));
    const doomed = new Set(backupsToDelete(backups, now));
    for (let d = 1; d <= 14; d++) {
      expect(doomed.has(`auto-${at(2026, 11, 29 - d, 17)}`)).toBe(false);
      expect(doomed.has(`auto-${at(2026, 11, 29 - d, 9)}`)).toBe(true);
    }
  });

  it('keeps one a week (the newest, Monday to Sunday) back to 3 months, then none', () => {
    // Thursday 2026-10-29 and Saturday 2026-10-31 share a week; Monday 2026-11-02 starts the next.
    const thu = auto(at(2026, 10, 29));
    const sat = auto(at(2026, 10, 31));
    const mon = auto(at(2026, 11, 2));
    const old = auto(at(2026, 7, 1)); // about 5 months back
    const newest = auto(at(2026, 11, 29, 8));
    expect(backupsToDelete([thu, sat, mon, old, newest], now).sort()).toEqual([thu.name, old.name].sort());
  });

  it('never deletes the newest backup, however old', () => {
    const lonely = auto(at(2025, 1, 1));
    expect(backupsToDelete([lonely], now)).toEqual([]);
  });

  it('keeps the copies taken before a restore, an import or a migration 30 days, apart from the thinning', () => {
    const kinds = ['before-restore', 'before-import', 'before-migration'] as const;
    const recent = kinds.map((k) => auto(at(2026, 11, 28, 10), k));
    const recentSameDay = kinds.map((k) => auto(at(2026, 11, 28, 11), k));
    const old = kinds.map((k) => auto(at(2026, 10, 20), k));
    const doomed = backupsToDelete([...recent, ...recentSameDay, ...old, auto(now)], now);
    expect(doomed.sort()).toEqual(old.map((b) => b.name).sort());
  });

  it('counts a backup dated after now (a clock set back) as today’s', () => {
    const future = [1, 2, 3, 4].map((d) => auto(at(2026, 12, d)));
    expect(backupsToDelete(future, now)).toEqual([future[0]!.name]);
  });
});
