/**
 * The one translation of errors (electron/backend/errors.ts translateError): real SQLite and Node errors, made by
 * doing the failing thing, each become its code with a Vietnamese message; their English text never comes through.
 * SQLITE_FULL comes from PRAGMA max_page_count, which answers exactly as a full disk does. Then a save on a really
 * full disk (a small tmpfs, where one can be mounted): a clear message, nothing half-written, and the next save after
 * space is freed works.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { translateError } from '../../electron/backend';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { seedContent } from './fixtures/plans';
import { call, cleanup, openBackend, tempDir } from './helpers';

afterEach(cleanup);

/** What the failing call threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('it did not fail');
}

const RAW_ENGLISH = /readonly|locked|database|disk|full|EISDIR|ENOTDIR|ENOSPC|EACCES|permission|directory|such file|malformed|SQLITE/i;

describe('translateError', () => {
  const dir = () => tempDir();
  const cases: [string, () => unknown, string, RegExp][] = [
    [
      'attempt to write a readonly database',
      () => {
        const path = join(dir(), 'a.sqlite');
        new Database(path).exec('CREATE TABLE t (x)').close();
        const db = new Database(path, { readonly: true });
        try {
          return thrown(() => db.exec('INSERT INTO t VALUES (1)'));
        } finally {
          db.close();
        }
      },
      'READ_ONLY',
      /chỉ đọc/,
    ],
    [
      'database is locked',
      () => {
        const path = join(dir(), 'a.sqlite');
        const holder = new Database(path);
        holder.exec('CREATE TABLE t (x)');
        holder.exec('BEGIN IMMEDIATE');
        const other = new Database(path, { timeout: 0 });
        try {
          return thrown(() => other.exec('BEGIN IMMEDIATE'));
        } finally {
          other.close();
          holder.exec('ROLLBACK');
          holder.close();
        }
      },
      'DB_LOCKED',
      /chương trình khác sử dụng/,
    ],
    [
      'database or disk is full (SQLITE_FULL)',
      () => {
        const db = new Database(join(dir(), 'a.sqlite'));
        try {
          db.exec('CREATE TABLE t (x)');
          db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
          return thrown(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)));
        } finally {
          db.close();
        }
      },
      'DISK_FULL',
      /đã đầy/,
    ],
    ['ENOSPC (writing to /dev/full)', () => thrown(() => writeFileSync('/dev/full', 'x')), 'DISK_FULL', /đã đầy/],
    ['EISDIR', () => thrown(() => readFileSync(dir())), 'IO', /là một thư mục/],
    [
      'ENOTDIR',
      () => {
        const file = join(dir(), 'tep');
        writeFileSync(file, '');
        return thrown(() => readFileSync(join(file, 'con')));
      },
      'IO',
      /lại là một tệp/,
    ],
    ['ENOENT', () => thrown(() => readFileSync(join(dir(), 'khong-co'))), 'IO', /Không tìm thấy/],
    // Root ignores permissions, so this one is the error as Node makes it for everyone else.
    ['EACCES', () => Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES', errno: -13, syscall: 'open' }), 'IO', /quyền/],
    [
      'SQLITE_CORRUPT',
      () => new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT'),
      'DB_CORRUPT',
      /hỏng/,
    ],
    ['an unknown error', () => new TypeError("Cannot read properties of undefined (reading 'x')"), 'INTERNAL', /không mong đợi/],
  ];

  it.each(cases)('%s', (_name, make, code, message) => {
    const raw = make();
    const translated = translateError(raw);
    expect(translated.code).toBe(code);
    expect(translated.message).toMatch(message);
    expect(translated.message).not.toMatch(RAW_ENGLISH);
    expect(translated.message).not.toContain((raw as Error).message);
  });
});

describe('a save on a full disk', () => {
  it('a full tmpfs: DISK_FULL, the file stays intact, and the save goes through once space is freed', async (ctx) => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'kehoach-full-save-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint]);
    const reason = mounted.error?.message ?? (mounted.status === 0 ? '' : mounted.stderr.toString().trim());
    if (reason) {
      rmSync(mountPoint, { recursive: true, force: true });
      console.warn(`Full-disk save test skipped: cannot mount a tmpfs (${reason})`);
      ctx.skip(`cannot mount a tmpfs: ${reason}`);
    }
    try {
      const backend = openBackend(join(mountPoint, 'data'));
      const plan = await call(backend, 'plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null });
      const fd = openSync(join(mountPoint, 'filler'), 'w');
      try {
        for (const chunk = Buffer.alloc(16 * 1024); ; ) writeSync(fd, chunk);
      } catch {
        // ENOSPC: the disk is full
      } finally {
        closeSync(fd);
      }
      let failed;
      let revision = plan.revision;
      // The WAL may still have room for a save or two; keep saving new text until the disk says no.
      for (let i = 0; i < 200 && !failed; i++) {
        const result = await backend.invoke('plan.save', { ...seedContent(), trichYeu: `Lần lưu ${i} ${'chữ '.repeat(2000)}`, id: plan.id, baseRevision: revision });
        if (result.ok) revision = result.data.revision;
        else failed = result.error;
      }
      expect(failed?.code).toBe('DISK_FULL');
      expect(failed?.message).toMatch(/đã đầy/);
      expect(failed?.message).not.toMatch(RAW_ENGLISH);
      expect((await call(backend, 'plan.get', { id: plan.id })).revision).toBe(revision);
      rmSync(join(mountPoint, 'filler'));
      expect((await call(backend, 'plan.save', { ...seedContent(), trichYeu: 'Sau khi dọn ổ đĩa', id: plan.id, baseRevision: revision })).revision).toBe(revision + 1);
      backend.close();
      const check = new Database(join(mountPoint, 'data', DATABASE_FILE), { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    } finally {
      cleanup();
      spawnSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});
