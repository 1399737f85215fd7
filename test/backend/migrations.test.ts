import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';
import { DATABASE_FILE, migrate, openDatabase } from '../../electron/backend/db/open';
import { BackendError } from '../../electron/backend/errors';
import { call, cleanup, openBackend, tempDir } from './helpers';

afterEach(cleanup);

/** What opening threw, as a BackendError. */
function openError(dataDir: string): BackendError {
  try {
    createBackend({ dataDir }).close();
  } catch (err) {
    expect(err).toBeInstanceOf(BackendError);
    return err as BackendError;
  }
  throw new Error('the database opened');
}

describe('opening a database', () => {
  it('creates a fresh database at the latest schema with WAL, foreign keys and synchronous=FULL', () => {
    const dir = tempDir();
    const { db, schemaVersion, path } = openDatabase(join(dir, 'nested', 'data'));
    try {
      expect(path.endsWith(DATABASE_FILE)).toBe(true);
      expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
      for (const t of ['organizations', 'settings', 'plans', 'plan_revisions', 'pilot_units', 'tasks', 'recipients', 'number_register', 'plans_fts']) {
        expect(tables).toContain(t);
      }
    } finally {
      db.close();
    }
  });

  it('reopens an up-to-date database without running anything again and keeps the data', async () => {
    const dir = tempDir();
    const first = openBackend(dir);
    await call(first, 'org.save', { name: 'Ban Tổ chức Huyện ủy', kind: 'ban-dang' });
    first.close();
    const second = openBackend(dir);
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((await call(second, 'org.list', { query: '' })).map((o) => o.name)).toEqual(['Ban Tổ chức Huyện ủy']);
  });

  it('upgrades a database of an older schema step by step, keeping its rows', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, DATABASE_FILE));
    migrate(db, migrations.slice(0, 1));
    db.pragma('user_version = 1');
    db.prepare(
      "INSERT INTO organizations (id, name, kind, search, created_at, updated_at) VALUES ('0b4a5a3e-7a3c-4c5e-9d4c-1a2b3c4d5e6f', 'Đảng ủy xã Bình Lư', 'co-so', 'dang uy xa binh lu', '2024-05-01T08:00:00.000Z', '2024-05-01T08:00:00.000Z')",
    ).run();
    db.close();
    const backend = openBackend(dir);
    expect(backend.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((await call(backend, 'org.list', { query: 'binh lu' })).map((o) => o.name)).toEqual(['Đảng ủy xã Bình Lư']);
    expect((await call(backend, 'plan.list', {})).total).toBe(0);
  });

  it.each(['delete', 'wal'])('refuses a database written by a newer version (%s journal), with a clear message, and leaves it byte-identical', (journal) => {
    const dir = tempDir();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma(`journal_mode = ${journal}`);
    db.exec('CREATE TABLE future_things (x TEXT)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(join(dir, DATABASE_FILE));

    const err = openError(dir);
    expect(err.code).toBe('DB_NEWER');
    expect(err.message).toMatch(/phiên bản mới hơn/);
    expect(err.message).toContain(String(LATEST_SCHEMA_VERSION + 5));
    expect(readFileSync(join(dir, DATABASE_FILE)).equals(before)).toBe(true);
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
  });

  it('refuses a file that is not a database (DB_CORRUPT) and does not touch it', () => {
    const dir = tempDir();
    const junk = Buffer.from('Đây không phải cơ sở dữ liệu SQLite. '.repeat(200));
    writeFileSync(join(dir, DATABASE_FILE), junk);
    const err = openError(dir);
    expect(err.code).toBe('DB_CORRUPT');
    expect(err.message).toMatch(/bị hỏng/);
    expect(readFileSync(join(dir, DATABASE_FILE)).equals(junk)).toBe(true);
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
  });

  it('treats an empty file as a new database', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), '');
    expect(openBackend(dir).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('reports a damaged database (quick_check fails) as DB_CORRUPT and does not touch it', async () => {
    const dir = tempDir();
    const backend = openBackend(dir);
    for (let i = 0; i < 300; i++) await call(backend, 'org.save', { name: `Chi bộ thôn ${i} xã Mường Phăng`, kind: 'co-so', notes: 'x'.repeat(200) });
    backend.close();
    // Checkpointed and closed: all data is in the main file. Scribble over the middle pages (b-tree pages, not the header).
    const path = join(dir, DATABASE_FILE);
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    expect(bytes.length).toBeGreaterThan(pageSize * 8);
    for (let p = 3; p < bytes.length / pageSize - 1; p += 2) bytes.fill(0xa5, p * pageSize, p * pageSize + 64);
    writeFileSync(path, bytes);

    const err = openError(dir);
    expect(err.code).toBe('DB_CORRUPT');
    expect(err.message).toMatch(/sao lưu/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
