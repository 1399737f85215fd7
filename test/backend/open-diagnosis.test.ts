/**
 * Honest diagnoses at open: each way the data can fail to open is told apart (damaged, read-only, disk full, locked by
 * another program, the path is a folder, the data folder is a file), with its own Vietnamese message, and raw SQLite
 * or Node text never reaches the user. A fault this machine cannot arrange is reported as skipped, with the reason.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, diagnoseOpenFailure } from '../../electron/backend';
import { DATABASE_FILE, openDatabase } from '../../electron/backend/db/open';
import { BackendError } from '../../electron/backend/errors';
import { seedContent } from './fixtures/plans';
import { call, cleanup, openBackend, tempDir } from './helpers';

afterEach(cleanup);

const repo = fileURLToPath(new URL('../../', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/open-child.ts', import.meta.url));

/** English text of SQLite and Node that must never be what the user reads. */
const RAW_ENGLISH = /database is locked|readonly database|disk I\/O|EISDIR|ENOTDIR|EACCES|ENOSPC|database or disk is full|malformed|SQLITE_/i;

function openError(dataDir: string): BackendError {
  try {
    createBackend({ dataDir, revisionScanDelayMs: null }).close();
  } catch (err) {
    expect(err).toBeInstanceOf(BackendError);
    return err as BackendError;
  }
  throw new Error('the store opened');
}

/** A data folder holding a store with one plan; returns the folder and the plan's id. */
async function storeWithPlan(dataDir = tempDir()): Promise<{ dataDir: string; planId: string }> {
  const backend = openBackend(dataDir);
  const plan = await call(backend, 'plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null });
  backend.close();
  return { dataDir, planId: plan.id };
}

/** Whether an unprivileged user exists and can run our Node (tests run as root, who ignores permissions). */
function unprivilegedRunner(): { ok: true } | { ok: false; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'the tests do not run as root, so they cannot switch to an unprivileged user' };
  const probe = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '-e', 'process.exit(0)']);
  if (probe.error || probe.status !== 0) return { ok: false, reason: `setpriv to nobody failed: ${probe.error?.message ?? probe.stderr.toString()}` };
  return { ok: true };
}
const asNobody = unprivilegedRunner();
if (!asNobody.ok) console.warn(`Read-only folder test skipped: ${asNobody.reason}`);

describe('opening the data: each failure has its own diagnosis and message', () => {
  it.skipIf(!asNobody.ok)('a read-only folder opens read-only: lists and plans read, a save answers READ_ONLY, the file is untouched', async () => {
    const { dataDir, planId } = await storeWithPlan();
    chmodSync(dataDir, 0o755); // root's folder: others may read and enter, not write
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    const before = readFileSync(join(dataDir, DATABASE_FILE));
    const listing = readdirSync(dataDir);
    const calls = [
      ['app.info', {}],
      ['plan.list', {}],
      ['plan.get', { id: planId }],
      ['plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null }],
    ];
    const out = execFileSync(
      'setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '--import', 'tsx', child, dataDir, JSON.stringify(calls)],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } },
    );
    const { opened, results } = JSON.parse(out.trim().split('\n').at(-1)!) as {
      opened: { readOnly?: boolean; error?: unknown };
      results: { ok: boolean; data?: { readOnly?: boolean; total?: number; trichYeu?: string }; error?: { code: string; message: string } }[];
    };
    expect(opened).toEqual({ readOnly: true });
    expect(results[0]).toMatchObject({ ok: true, data: { readOnly: true } });
    expect(results[1]).toMatchObject({ ok: true, data: { total: 1 } });
    expect(results[2]).toMatchObject({ ok: true, data: { trichYeu: seedContent().trichYeu } });
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringMatching(/chỉ đọc/) } });
    expect(results[3]!.error!.message).not.toMatch(RAW_ENGLISH);
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before)).toBe(true);
    // Nothing new in the folder (the database and the office key the first open made).
    expect(readdirSync(dataDir)).toEqual(listing);
    expect(listing).toEqual(['identity', DATABASE_FILE]);
  });

  it('another program holding an exclusive lock is "in use", not damaged (after the open waits for it)', async () => {
    const { dataDir } = await storeWithPlan();
    const holder = new Database(join(dataDir, DATABASE_FILE));
    try {
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.exec('BEGIN EXCLUSIVE');
      holder.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('other.program', '1', '2025-01-01')").run();
      const started = Date.now();
      const err = openError(dataDir);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
      expect(err.code).toBe('DB_LOCKED');
      expect(diagnoseOpenFailure(err)).toBe('locked');
      expect(err.message).toMatch(/chương trình khác sử dụng/);
      expect(err.message).toMatch(/đừng khôi phục từ bản sao lưu/);
      expect(err.message).not.toMatch(RAW_ENGLISH);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Once the other program lets go, the store opens as before.
    expect(openBackend(dataDir).schemaVersion).toBeGreaterThan(0);
  }, 20_000);

  it('the database path being a folder is named as such', () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, DATABASE_FILE));
    const err = openError(dataDir);
    expect(diagnoseOpenFailure(err)).toBe('path-is-folder');
    expect(err.message).toMatch(/lại là một thư mục/);
    expect(err.message).not.toMatch(RAW_ENGLISH);
  });

  it('the data folder being a file is named as such, and the file is left alone', () => {
    const dataDir = join(tempDir(), 'du-lieu');
    writeFileSync(dataDir, 'không phải thư mục');
    const err = openError(dataDir);
    expect(diagnoseOpenFailure(err)).toBe('data-folder-is-file');
    expect(err.message).toMatch(/Thư mục dữ liệu .* lại là một tệp/);
    expect(readFileSync(dataDir, 'utf8')).toBe('không phải thư mục');
    const below = openError(join(dataDir, 'con'));
    expect(diagnoseOpenFailure(below)).toBe('data-folder-is-file');
  });

  it('a damaged file is still "damaged" (the only diagnosis that points to a backup)', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, DATABASE_FILE), Buffer.from('Không phải cơ sở dữ liệu. '.repeat(100)));
    const err = openError(dataDir);
    expect(diagnoseOpenFailure(err)).toBe('damaged');
    expect(err.message).toMatch(/sao lưu/);
  });

  it('a full disk at start (a small tmpfs) says the disk is full, not damaged, and changes nothing', async (ctx) => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'kehoach-full-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
    const reason = mounted.error?.message ?? (mounted.status === 0 ? '' : mounted.stderr.toString().trim());
    if (reason) {
      rmSync(mountPoint, { recursive: true, force: true });
      console.warn(`Full-disk-at-start test skipped: cannot mount a tmpfs (${reason})`);
      ctx.skip(`cannot mount a tmpfs: ${reason}`);
    }
    try {
      const dataDir = join(mountPoint, 'data');
      await storeWithPlan(dataDir);
      const before = readFileSync(join(dataDir, DATABASE_FILE));
      const fd = openSync(join(mountPoint, 'filler'), 'w');
      try {
        for (const chunk = Buffer.alloc(64 * 1024); ; ) writeSync(fd, chunk);
      } catch (err) {
        expect((err as { code?: string }).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
      const err = openError(dataDir);
      expect(err.code).toBe('DISK_FULL');
      expect(diagnoseOpenFailure(err)).toBe('disk-full');
      expect(err.message).toMatch(/đã đầy/);
      expect(err.message).not.toMatch(RAW_ENGLISH);
      expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before)).toBe(true);
      // Space freed: it opens.
      rmSync(join(mountPoint, 'filler'));
      const { db, close } = openDatabase(dataDir);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      close();
    } finally {
      spawnSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});
