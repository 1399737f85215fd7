import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { BackendError } from '../errors';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';
import { registerContentFunctions } from './content-codec';

export type Db = Database.Database;

export const DATABASE_FILE = 'kehoach.sqlite';

export interface OpenedDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
}

const newerMessage = (found: number) =>
  `Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ ${found}, phiên bản này chỉ đọc được đến ${LATEST_SCHEMA_VERSION}). ` +
  'Hãy cài phiên bản mới nhất của ứng dụng. Dữ liệu không bị thay đổi.';

const corruptMessage = (path: string, detail: string) =>
  `Tệp dữ liệu bị hỏng hoặc không phải dữ liệu của ứng dụng (${path}): ${detail}. ` +
  'Ứng dụng không ghi gì vào tệp này; hãy khôi phục từ bản sao lưu.';

function readVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The file's own header, read with plain file I/O, before SQLite is let near it: a file from a newer app (user_version
 * at offset 60) or a file that is not a database is refused without SQLite creating so much as a -wal beside it.
 */
function inspectHeader(path: string): void {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return; // an empty file is a new database
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new BackendError('DB_CORRUPT', corruptMessage(path, 'tệp không có phần đầu của cơ sở dữ liệu SQLite'));
  }
  const version = header.readUInt32BE(60);
  if (version > LATEST_SCHEMA_VERSION) throw new BackendError('DB_NEWER', newerMessage(version));
}

/**
 * Look at an existing file without changing a byte of it: header first, then a read-only connection (no journal-mode
 * switch, no checkpoint) for the version as SQLite sees it and PRAGMA quick_check.
 * Refuses a database from a newer app (DB_NEWER) and a damaged one (DB_CORRUPT).
 */
function inspectExisting(path: string): void {
  inspectHeader(path);
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = readVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new BackendError('DB_NEWER', newerMessage(version));
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length) throw new BackendError('DB_CORRUPT', corruptMessage(path, problems.slice(0, 3).join('; ')));
  } catch (err) {
    if (err instanceof BackendError) throw err;
    throw new BackendError('DB_CORRUPT', corruptMessage(path, err instanceof Error ? err.message : String(err)));
  } finally {
    db?.close();
  }
}

/**
 * Apply pending migrations, each in its own IMMEDIATE transaction that re-reads the version (safe with two openers).
 * `list` is for tests (a schema at an older step, a deliberately bad migration).
 */
export function migrate(db: Db, list: readonly Migration[] = migrations): number {
  for (const m of list) {
    if (readVersion(db) >= m.version) continue;
    db.transaction(() => {
      const current = readVersion(db);
      if (current >= m.version) return;
      if (current !== m.version - 1) throw new Error(`Lược đồ ${current} không liền trước bước nâng cấp ${m.version}`);
      if (m.up) m.up(db);
      else db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return readVersion(db);
}

export interface OpenOptions {
  /**
   * Called before pending migrations are applied to an existing database (schema > 0), with the version found: the
   * backend takes a backup there. If it throws, nothing is migrated and the open fails.
   */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
}

/** Open (creating if needed) `<dataDir>/kehoach.sqlite`, check it, set the pragmas and migrate it. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  if (existsSync(path)) inspectExisting(path);

  const db = new Database(path, { timeout: 10_000 });
  try {
    // Re-check under the writable connection: another process may have upgraded the file meanwhile.
    const version = readVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new BackendError('DB_NEWER', newerMessage(version));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    registerContentFunctions(db);
    if (version > 0 && version < LATEST_SCHEMA_VERSION) options.beforeMigrate?.(db, version);
    const schemaVersion = migrate(db);
    return { db, path, schemaVersion };
  } catch (err) {
    db.close();
    if (err instanceof BackendError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new BackendError('DB_CORRUPT', corruptMessage(path, detail));
    throw new BackendError('INTERNAL', `Không mở hoặc nâng cấp được dữ liệu (${path}): ${detail}`);
  }
}
