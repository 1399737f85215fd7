/**
 * Backup figures on a store of 10,000 plans (every tenth a full seed plan; scripts/bench/backend.ts), with budgets:
 * - backup: "Sao lưu ngay" (online backup, seal, integrity_check, rename, prune)                 ≤ 2000 ms median
 * - verify: what `backup verify` does on one backup (integrity_check, manifest, hashes, counts)   ≤ 1000 ms median
 * - restore: backup.restore from the list (the "before-restore" backup included, swap, reopen)   ≤ 3000 ms median
 * - firstPageAfterRestore: the plans list's first page right after a restore                      ≤ 1000 ms median
 * Also reported: the database size and the .khbak export (unencrypted and encrypted). Real files in a temp folder.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { readBackup } from '../../electron/backend/backup/backup-file';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { seedPlans } from './backend';
import { log, median, ok } from './_stats';

export const budgets = {
  'backup.medianMs': 2000,
  'verify.medianMs': 1000,
  'restore.medianMs': 3000,
  'firstPageAfterRestore.medianMs': 1000,
};

export async function run(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-bench-backup-'));
  try {
    log('backup: seeding 10,000 plans…');
    seedPlans(dataDir, 10_000);
    const backend = createBackend({ dataDir, appVersion: '1.0.0' });
    const backups: number[] = [];
    const verifies: number[] = [];
    const restores: number[] = [];
    const firstPages: number[] = [];
    /** CPU time of the backup (this process): on a machine shared with other work, wall time overstates it. */
    const backupCpu: number[] = [];
    let name = '';
    for (let i = 0; i < 3; i++) {
      let start = performance.now();
      const cpu = process.cpuUsage();
      name = (await ok(backend.invoke('backup.create', {}))).name;
      backups.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      backupCpu.push((used.user + used.system) / 1000);

      start = performance.now();
      const preview = readBackup(join(dataDir, 'backups', name), '1.0.0').preview;
      verifies.push(performance.now() - start);
      if (preview.refusal || preview.counts.plans !== 10_000) throw new Error(`backup not whole: ${preview.refusal ?? preview.counts.plans}`);

      start = performance.now();
      await ok(backend.invoke('backup.restore', { source: { from: 'list', name } }));
      restores.push(performance.now() - start);

      start = performance.now();
      const page = await ok(backend.invoke('plan.list', { query: '' }));
      firstPages.push(performance.now() - start);
      if (page.total !== 10_000) throw new Error(`restored ${page.total} plans`);
    }
    let start = performance.now();
    const cpu = process.cpuUsage();
    const plain = await ok(backend.invoke('backup.exportFile', {}));
    const exportMs = performance.now() - start;
    const exportCpu = process.cpuUsage(cpu);
    start = performance.now();
    await ok(backend.invoke('backup.exportFile', { passphrase: 'mật khẩu thử nghiệm' }));
    const exportEncryptedMs = performance.now() - start;
    const figures = {
      'databaseMB': statSync(join(dataDir, DATABASE_FILE)).size / (1024 * 1024),
      'backup.medianMs': median(backups),
      'backup.cpuMedianMs': median(backupCpu),
      'verify.medianMs': median(verifies),
      'restore.medianMs': median(restores),
      'firstPageAfterRestore.medianMs': median(firstPages),
      'exportKhbak.ms': exportMs,
      'exportKhbak.cpuMs': (exportCpu.user + exportCpu.system) / 1000,
      'exportKhbakEncrypted.ms': exportEncryptedMs,
      'khbakMB': (plain.base64.length * 3) / 4 / (1024 * 1024),
    };
    backend.close();
    return figures;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
