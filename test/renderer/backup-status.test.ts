import { describe, expect, it } from 'vitest';
import { isStale, lastBackup } from '../../renderer/src/pages/settings/backup/backupStatus';

describe('the last backup as the status shows it', () => {
  const now = new Date(2026, 10, 29, 16, 0);
  it('names today, yesterday, or the date, with the time', () => {
    expect(lastBackup(new Date(2026, 10, 29, 14, 30).toISOString(), now)).toEqual({ kind: 'today', time: '14:30', stale: false });
    expect(lastBackup(new Date(2026, 10, 28, 9, 5).toISOString(), now)).toEqual({ kind: 'yesterday', time: '09:05', stale: false });
    expect(lastBackup(new Date(2026, 10, 20, 8, 0).toISOString(), now)).toEqual({ kind: 'date', date: '20/11/2026', time: '08:00', stale: true });
    expect(lastBackup(null, now)).toEqual({ kind: 'none' });
  });

  it('warns (amber) after 3 days without a backup, and when there is none', () => {
    expect(isStale(lastBackup(new Date(2026, 10, 26, 17, 0).toISOString(), now))).toBe(false);
    expect(isStale(lastBackup(new Date(2026, 10, 26, 15, 0).toISOString(), now))).toBe(true);
    expect(isStale(lastBackup(null, now))).toBe(true);
  });
});
