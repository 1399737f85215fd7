/**
 * Backups on real files: taking one (temporary name, integrity_check, rename), what it holds, restoring it in place,
 * the data-folder files, a damaged database at start, the backup before a migration, and a backup taken while another
 * thread saves every 10 ms.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { backupsDir } from '../../electron/backend/backup/store';
import { DATABASE_FILE, migrate } from '../../electron/backend/db/open';
import { migrations } from '../../electron/backend/db/migrations';
import { registerContentFunctions } from '../../electron/backend/db/content-codec';
import { minimalContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend, tempDir } from './helpers';
import { startWorker } from './worker-client';

afterAll(cleanup);

const newPlan = (trichYeu: string) => ({ ...minimalContent({ trichYeu }), id: randomUUID(), baseRevision: null });

describe('backups', () => {
  it('writes one checked file under its final name, lists it and says what it holds', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    await call(backend, 'plan.save', newPlan('Kế hoạch một'));
    const two = await call(backend, 'plan.save', newPlan('Kế hoạch hai'));
    await call(backend, 'plan.save', { ...minimalContent({ trichYeu: 'Kế hoạch hai, sửa' }), id: two.id, baseRevision: two.revision });
    await call(backend, 'plan.allocateNumber', { id: two.id });

    const info = await call(backend, 'backup.create', {});
    expect(info.kind).toBe('manual');
    expect(readdirSync(backupsDir(dataDir))).toEqual([info.name]); // no temporary file left beside it
    const copy = new Database(join(backupsDir(dataDir), info.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();

    const list = await call(backend, 'backup.list', {});
    expect(list.items.map((b) => b.name)).toEqual([info.name]);
    expect(list.newestAt).toBe(info.takenAt);
    expect((await call(backend, 'backup.secretPlans', {})).secretPlans).toBe(false);
    const preview = await call(backend, 'backup.inspect', { name: info.name });
    expect(preview).toMatchObject({ appVersion: '9.9.9-test', refusal: null, counts: { plans: 2, revisions: 3, registerEntries: 1, tasks: 0 } });
  });

  it('restores a backup in place: the same backend answers from the restored data, the data before it is kept', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const kept = await call(backend, 'plan.save', newPlan('Có trước bản sao lưu'));
    const { name } = await call(backend, 'backup.create', {});
    await call(backend, 'plan.save', newPlan('Làm sau bản sao lưu'));
    await call(backend, 'plan.remove', { id: kept.id });

    const result = await call(backend, 'backup.restore', { source: { from: 'list', name } });
    expect(result.setAside).toBeNull();
    const plans = await call(backend, 'plan.list', { query: '' });
    expect(plans.items.map((p) => p.trichYeu)).toEqual(['Có trước bản sao lưu']);
    expect((await call(backend, 'plan.get', { id: kept.id })).trichYeu).toBe('Có trước bản sao lưu');
    // The backup's own tables do not come along into the live database.
    const live = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(live.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'kh_backup%'").all()).toEqual([]);
    live.close();

    // The state just before the restore is a backup of its own, and restoring it undoes the restore.
    const before = (await call(backend, 'backup.list', {})).items.find((b) => b.kind === 'before-restore')!;
    expect(before.name).toBe(result.beforeRestore);
    await call(backend, 'backup.restore', { source: { from: 'list', name: before.name } });
    expect((await call(backend, 'plan.list', { query: '' })).items.map((p) => p.trichYeu)).toEqual(['Làm sau bản sao lưu']);
  });

  it('carries the data-folder files and puts them back as they were', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'evidence', 'a'), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', 'a', 'bien-ban.pdf'), 'biên bản');
    const backend = createBackend({ dataDir, appVersion: '9.9.9-test', backupFolders: ['evidence'] });
    try {
      const { name } = await call(backend, 'backup.create', {});
      expect((await call(backend, 'backup.inspect', { name })).files).toBe(1);
      writeFileSync(join(dataDir, 'evidence', 'a', 'bien-ban.pdf'), 'đã sửa');
      writeFileSync(join(dataDir, 'evidence', 'moi.txt'), 'mới');
      await call(backend, 'backup.restore', { source: { from: 'list', name } });
      expect(readFileSync(join(dataDir, 'evidence', 'a', 'bien-ban.pdf'), 'utf8')).toBe('biên bản');
      expect(existsSync(join(dataDir, 'evidence', 'moi.txt'))).toBe(false);
    } finally {
      backend.close();
    }
  });

  it('refuses a damaged backup and one from a newer app, naming the version, and changes nothing', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    await call(backend, 'plan.save', newPlan('Dữ liệu hiện tại'));
    const { name } = await call(backend, 'backup.create', {});
    const path = join(backupsDir(dataDir), name);
    const copy = new Database(path);
    copy.prepare("UPDATE kh_backup_meta SET value = json_set(value, '$.appVersion', '99.0.0') WHERE key = 'manifest'").run();
    copy.close();
    expect((await call(backend, 'backup.inspect', { name })).refusal).toMatch(/phiên bản 99\.0\.0/);
    const error = await callError(backend, 'backup.restore', { source: { from: 'list', name } });
    expect(error.message).toMatch(/phiên bản 99\.0\.0/);

    // One page of the copy overwritten with garbage: integrity_check fails, the restore is refused.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 2, 4096 * 3);
    writeFileSync(path, bytes);
    expect((await call(backend, 'backup.inspect', { name })).refusal).toMatch(/bị hỏng/);
    expect((await callError(backend, 'backup.restore', { source: { from: 'list', name } })).message).toMatch(/bị hỏng/);
    expect((await call(backend, 'plan.list', { query: '' })).items.map((p) => p.trichYeu)).toEqual(['Dữ liệu hiện tại']);
    expect((await call(backend, 'backup.list', {})).items.filter((b) => b.kind === 'before-restore')).toEqual([]);
  });

  it('backs up an existing database before migrating it', () => {
    const dataDir = tempDir();
    const old = new Database(join(dataDir, DATABASE_FILE));
    registerContentFunctions(old);
    migrate(old, migrations.slice(0, 2));
    old.close();
    const backend = openBackend(dataDir);
    expect(backend.schemaVersion).toBe(migrations.length);
    const [backup] = readdirSync(backupsDir(dataDir));
    expect(backup).toMatch(/-before-migration\.sqlite$/);
    const copy = new Database(join(backupsDir(dataDir), backup!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    copy.close();
  });

  it('a damaged database at start: offers the newest good backup, sets the damaged file aside under its date, restores', async () => {
    const dataDir = tempDir();
    const first = createBackend({ dataDir, appVersion: '9.9.9-test' });
    await call(first, 'plan.save', newPlan('Kế hoạch cần cứu'));
    await call(first, 'backup.create', {});
    first.close();
    const dbPath = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(dbPath);
    bytes.fill(0x5a, 4096 * 2, bytes.length);
    writeFileSync(dbPath, bytes);

    expect(() => createBackend({ dataDir })).toThrow(); // without recovery: refused, as before
    const backend = createBackend({ dataDir, appVersion: '9.9.9-test', recoverDamaged: true });
    try {
      expect((await callError(backend, 'plan.list', { query: '' })).code).toBe('DB_CORRUPT');
      const recovery = await call(backend, 'backup.recovery', {});
      if (!recovery.damaged) throw new Error('not damaged');
      expect(recovery.message).toMatch(/bị hỏng/);
      expect(recovery.preview?.counts.plans).toBe(1);
      const result = await call(backend, 'backup.restore', { source: { from: 'list', name: recovery.candidate!.name } });
      expect(result.setAside).toMatch(/^kehoach\.sqlite\.hong-\d{4}-\d{2}-\d{2}T/);
      expect(readFileSync(join(dataDir, result.setAside!)).equals(bytes)).toBe(true); // never deleted
      expect((await call(backend, 'plan.list', { query: '' })).items.map((p) => p.trichYeu)).toEqual(['Kế hoạch cần cứu']);
      expect(await call(backend, 'backup.recovery', {})).toEqual({ damaged: false });
    } finally {
      backend.close();
    }
  });

  it('takes automatic backups at close when the data changed, and at start when the newest is older than a day', async () => {
    const dataDir = tempDir();
    let now = Date.parse('2026-11-20T08:00:00Z');
    const clock = () => now;
    const a = createBackend({ dataDir, clock, automaticBackups: true });
    a.close(); // nothing changed: no backup
    expect(existsSync(backupsDir(dataDir)) ? readdirSync(backupsDir(dataDir)) : []).toEqual([]);
    const b = createBackend({ dataDir, clock, automaticBackups: true });
    await call(b, 'plan.save', newPlan('Một kế hoạch'));
    b.close();
    expect(readdirSync(backupsDir(dataDir))).toHaveLength(1);
    now += 2 * 24 * 60 * 60 * 1000;
    const c = createBackend({ dataDir, clock, automaticBackups: true });
    await new Promise((r) => setTimeout(r, 300)); // the start backup runs in the background
    c.close();
    expect(readdirSync(backupsDir(dataDir)).filter((n) => n.endsWith('-auto.sqlite'))).toHaveLength(2);
  });

  it('a backup taken while another thread saves every 10 ms is one consistent state holding every plan saved before it began', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir); // this thread's connection takes the backup
    const worker = startWorker({ dataDir, resourcesDir: join(import.meta.dirname, '../../resources'), appVersion: '9.9.9-test' });
    expect((await worker.ready).ok).toBe(true);
    const acknowledged: { id: string; trichYeu: string }[] = [];
    let stop = false;
    const saving = (async () => {
      for (let i = 0; !stop; i++) {
        const plan = newPlan(`Kế hoạch số ${i}`);
        const result = await worker.invoke('plan.save', plan);
        if (!result.ok) throw new Error(result.error.message);
        acknowledged.push({ id: plan.id, trichYeu: plan.trichYeu });
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));
    const before = [...acknowledged];
    const { name } = await call(backend, 'backup.create', {});
    while (acknowledged.length < before.length + 10) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await saving;
    await worker.close();

    const copy = new Database(join(backupsDir(dataDir), name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    await call(backend, 'backup.restore', { source: { from: 'list', name } });
    for (const plan of before) expect((await call(backend, 'plan.get', { id: plan.id })).trichYeu).toBe(plan.trichYeu);
    const restored = (await call(backend, 'plan.list', { query: '', limit: 500 })).total;
    expect(restored).toBeGreaterThanOrEqual(before.length);
    expect(restored).toBeLessThan(acknowledged.length + 1);
  });
});
