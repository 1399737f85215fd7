import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statfsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendError, errorCode, failureKind, type FailureKind } from '../errors';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';
import { registerContentFunctions } from './content-codec';

export type Db = Database.Database;

export const DATABASE_FILE = 'kehoach.sqlite';

/** How long the open waits for another program's lock before saying the file is in use. */
export const OPEN_LOCK_WAIT_MS = 5000;

/**
 * The connection's busy_timeout once the store is open: none. A write that finds another program's write lock fails at
 * once (SQLITE_BUSY) instead of blocking the backend's thread, and the dispatch (dispatch.ts) tries it again after a
 * timer, answering other calls in between, until LOCK_WAIT_MS; then DB_LOCKED ("đang bị chương trình khác sử dụng")
 * and the editor keeps the text and saves again. Reads never take a lock in WAL mode.
 */
export const BUSY_TIMEOUT_MS = 0;

export interface OpenedDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
  /**
   * The file or its folder cannot be written (a write-protected folder, a read-only disk): the data is open for
   * reading and printing, every write answers READ_ONLY.
   */
  readOnly: boolean;
  /** Close the connection (and remove the temporary copy a read-only open may have made). */
  close(): void;
}

/** What the user reads when the data cannot be opened, by the kind of failure, each with what to do. */
function openMessage(kind: FailureKind, path: string, dataDir: string, machineCode?: string): string {
  switch (kind) {
    case 'damaged':
      return (
        `Tệp dữ liệu bị hỏng hoặc không phải dữ liệu của ứng dụng (${path}). ` +
        'Ứng dụng không ghi gì vào tệp này; hãy khôi phục từ bản sao lưu.'
      );
    case 'read-only':
      return (
        `Tệp dữ liệu (${path}) hoặc thư mục chứa nó chỉ cho đọc, và dữ liệu cần được nâng cấp trước khi dùng nên chưa mở được. ` +
        'Dữ liệu không bị hỏng và không bị thay đổi. Hãy cấp quyền ghi cho thư mục dữ liệu (hoặc chép dữ liệu sang thư mục ghi được) rồi mở lại ứng dụng.'
      );
    case 'disk-full':
      return (
        `Ổ đĩa chứa dữ liệu (${dataDir}) đã đầy nên chưa mở được dữ liệu. Dữ liệu không bị hỏng và không bị thay đổi. ` +
        'Hãy xóa bớt tệp không cần trên ổ đĩa này rồi mở lại ứng dụng.'
      );
    case 'locked':
      return (
        `Tệp dữ liệu (${path}) đang bị chương trình khác sử dụng (một cửa sổ khác của ứng dụng, phần mềm sao lưu hoặc công cụ xem dữ liệu). ` +
        'Dữ liệu không bị hỏng; đừng khôi phục từ bản sao lưu. Hãy đóng chương trình đó rồi mở lại ứng dụng.'
      );
    case 'path-is-folder':
      return (
        `Nơi đặt tệp dữ liệu (${path}) lại là một thư mục, không phải tệp dữ liệu. ` +
        'Hãy đổi tên hoặc chuyển thư mục đó đi (không xóa khi chưa xem bên trong) rồi mở lại ứng dụng.'
      );
    case 'data-folder-is-file':
      return (
        `Thư mục dữ liệu (${dataDir}) lại là một tệp, hoặc nằm trong một tệp. ` +
        'Hãy đổi tên hoặc chuyển tệp đó đi (hoặc chọn thư mục dữ liệu khác) rồi mở lại ứng dụng.'
      );
    case 'no-access':
      return (
        `Không có quyền đọc hoặc ghi thư mục dữ liệu (${dataDir}). ` +
        'Hãy cấp quyền đọc và ghi cho tài khoản đang dùng, hoặc chép dữ liệu sang thư mục khác, rồi mở lại ứng dụng.'
      );
    default:
      return (
        `Không mở được dữ liệu (${path}): lỗi đọc/ghi ổ đĩa${machineCode ? ` (mã lỗi ${machineCode})` : ''}. ` +
        'Dữ liệu không bị thay đổi. Hãy thử mở lại ứng dụng; nếu lỗi lặp lại, hãy kiểm tra ổ đĩa.'
      );
  }
}

const codeOf: Record<FailureKind, BackendError['code']> = {
  damaged: 'DB_CORRUPT',
  newer: 'DB_NEWER',
  'read-only': 'READ_ONLY',
  'disk-full': 'DISK_FULL',
  locked: 'DB_LOCKED',
  'path-is-folder': 'IO',
  'data-folder-is-file': 'IO',
  'no-access': 'IO',
  missing: 'IO',
  io: 'IO',
  unknown: 'INTERNAL',
};

/** Less than this free on the data folder's disk, an I/O failure at open is a full disk. */
const NEARLY_FULL_BYTES = 256 * 1024;

function diskIsFull(dataDir: string): boolean {
  try {
    const s = statfsSync(dataDir);
    return s.bavail * s.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/** Any failure while opening, as a BackendError of its kind with its message. SQLite's English text goes to the log only. */
function openFailure(err: unknown, path: string, dataDir: string): BackendError {
  if (err instanceof BackendError) return err;
  let kind = failureKind(err);
  if ((kind === 'io' || kind === 'unknown' || kind === 'missing') && diskIsFull(dataDir)) kind = 'disk-full';
  process.stderr.write(`Opening ${path} failed (${kind}): ${err instanceof Error ? err.message : String(err)}\n`);
  return new BackendError(codeOf[kind], openMessage(kind, path, dataDir, errorCode(err)), undefined, kind);
}

/**
 * Why a database could not be opened: 'damaged' (only then is a backup the answer), 'newer', 'read-only',
 * 'disk-full', 'locked', 'path-is-folder', 'data-folder-is-file', 'no-access', 'io'… Takes what openDatabase or
 * createBackend threw.
 */
export function diagnoseOpenFailure(err: unknown): FailureKind {
  return failureKind(err);
}

const newerMessage = (found: number) =>
  `Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ ${found}, phiên bản này chỉ đọc được đến ${LATEST_SCHEMA_VERSION}). ` +
  'Hãy cài phiên bản mới nhất của ứng dụng. Dữ liệu không bị thay đổi.';

const refuseNewer = (found: number) => new BackendError('DB_NEWER', newerMessage(found), undefined, 'newer');
const refuseDamaged = (path: string, dataDir: string, detail: string) => {
  process.stderr.write(`${path} is damaged: ${detail}\n`);
  return new BackendError('DB_CORRUPT', openMessage('damaged', path, dataDir), undefined, 'damaged');
};

function readVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The file's own header, read with plain file I/O, before SQLite is let near it: a file from a newer app (user_version
 * at offset 60) or a file that is not a database is refused without SQLite creating so much as a -wal beside it.
 */
function inspectHeader(path: string, dataDir: string): void {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return; // an empty file is a new database
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) throw refuseDamaged(path, dataDir, 'no SQLite header');
  const version = header.readUInt32BE(60);
  if (version > LATEST_SCHEMA_VERSION) throw refuseNewer(version);
}

/** The version as SQLite sees it and PRAGMA quick_check, on a connection that changes nothing. */
function checkReadable(db: Db, path: string, dataDir: string): void {
  const version = readVersion(db);
  if (version > LATEST_SCHEMA_VERSION) throw refuseNewer(version);
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length) throw refuseDamaged(path, dataDir, problems.slice(0, 3).join('; '));
}

/**
 * Look at an existing file without changing a byte of it: a read-only connection (no journal-mode switch, no
 * checkpoint) for the version and PRAGMA quick_check. Refuses a newer (DB_NEWER) or damaged (DB_CORRUPT) database;
 * a lock held by another program past OPEN_LOCK_WAIT_MS is DB_LOCKED, not damage.
 */
function inspectExisting(path: string, dataDir: string): void {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: OPEN_LOCK_WAIT_MS });
    checkReadable(db, path, dataDir);
  } finally {
    db?.close();
  }
}

/**
 * Apply pending migrations, each in its own IMMEDIATE transaction that re-reads the version (safe with two openers).
 * `list` is for tests (a schema at an older step, a deliberately bad migration).
 */
/**
 * Run `fn` (a big write transaction) with SQLite's automatic WAL checkpoint off: its commit does not also copy the
 * log into the database file (about as long again for a package of a thousand plans); the next write does.
 */
export function withoutAutoCheckpoint<T>(db: Db, fn: () => T): T {
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    return fn();
  } finally {
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
}

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

const canWrite = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** The data folder exists (created if missing) and is a folder; the database path, if it exists, is a file. */
function prepareFolder(dataDir: string, path: string): boolean {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new BackendError('IO', openMessage('data-folder-is-file', path, dataDir), undefined, 'data-folder-is-file');
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    const kind = failureKind(err);
    if (errorCode(err) === 'EEXIST' || kind === 'data-folder-is-file') {
      throw new BackendError('IO', openMessage('data-folder-is-file', path, dataDir), undefined, 'data-folder-is-file');
    }
    throw err;
  }
  if (!existsSync(path)) return false;
  if (statSync(path).isDirectory()) throw new BackendError('IO', openMessage('path-is-folder', path, dataDir), undefined, 'path-is-folder');
  return true;
}

/**
 * Open a write-protected database for reading. SQLite cannot read a WAL database in a folder it may not write (it
 * needs the -shm beside it), so then the file (and its -wal) is copied to a temporary folder and the copy is read; a
 * copy from an older version is migrated there. The original is never written.
 */
function openReadOnly(path: string, dataDir: string): OpenedDatabase {
  let copyDir: string | undefined;
  let db: Db | undefined;
  const release = () => {
    db?.close();
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  };
  try {
    try {
      db = new Database(path, { readonly: true, fileMustExist: true, timeout: OPEN_LOCK_WAIT_MS });
      checkReadable(db, path, dataDir);
    } catch (err) {
      if (err instanceof BackendError || failureKind(err) === 'locked') throw err;
      db?.close();
      db = undefined;
    }
    if (!db || readVersion(db) < LATEST_SCHEMA_VERSION) {
      db?.close();
      copyDir = mkdtempSync(join(tmpdir(), 'kehoach-readonly-'));
      const copy = join(copyDir, DATABASE_FILE);
      copyFileSync(path, copy);
      if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
      const writable = new Database(copy);
      try {
        registerContentFunctions(writable);
        migrate(writable);
      } finally {
        writable.close();
      }
      db = new Database(copy, { readonly: true, fileMustExist: true });
      checkReadable(db, path, dataDir);
    }
    registerContentFunctions(db);
    const opened = db;
    return { db: opened, path, schemaVersion: readVersion(opened), readOnly: true, close: release };
  } catch (err) {
    release();
    throw err;
  }
}

export interface OpenOptions {
  /**
   * Called before pending migrations are applied to an existing database (schema > 0), with the version found: the
   * backend takes a backup there. If it throws, nothing is migrated and the open fails.
   */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
}

/**
 * Open (creating if needed) `<dataDir>/kehoach.sqlite`, check it, set the pragmas and migrate it. A file or folder
 * that may not be written is opened read-only (readOnly: true). Every failure is a BackendError of its kind
 * (diagnoseOpenFailure) with a Vietnamese message saying what to do.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): OpenedDatabase {
  const path = join(dataDir, DATABASE_FILE);
  try {
    const exists = prepareFolder(dataDir, path);
    if (exists) inspectHeader(path, dataDir);
    if (exists && !(canWrite(path) && canWrite(dataDir))) return openReadOnly(path, dataDir);
    if (!exists && !canWrite(dataDir)) throw new BackendError('IO', openMessage('no-access', path, dataDir), undefined, 'no-access');
    if (exists) inspectExisting(path, dataDir);
    return openWritable(path, dataDir, options);
  } catch (err) {
    throw openFailure(err, path, dataDir);
  }
}

function openWritable(path: string, dataDir: string, options: OpenOptions): OpenedDatabase {
  const db = new Database(path, { timeout: 10_000 });
  try {
    // Re-check under the writable connection: another process may have upgraded the file meanwhile.
    const version = readVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw refuseNewer(version);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // 32 MiB of page cache (SQLite's default is 2 MiB): a package of a thousand plans writes about 30 MB in one
    // transaction, and the task list walks indexes of 100,000 tasks.
    db.pragma('cache_size = -32768');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    registerContentFunctions(db);
    if (version > 0 && version < LATEST_SCHEMA_VERSION) options.beforeMigrate?.(db, version);
    const schemaVersion = migrate(db);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return { db, path, schemaVersion, readOnly: false, close: () => db.close() };
  } catch (err) {
    db.close();
    // A read-only disk the access check did not see (a write-protected USB stick, a read-only mount).
    if (failureKind(err) === 'read-only' && existsSync(path)) return openReadOnly(path, dataDir);
    throw err;
  }
}
