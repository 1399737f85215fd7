/**
 * Backups of the open store: the schedule (at start when the newest backup is older than a day, every 30 minutes
 * while the data changes, at close), "Sao lưu ngay", the `.khbak` export, reading a `.khbak` (staging), and restore.
 * One operation at a time (a restore never closes the database under a running backup).
 *
 * The host (createBackend, index.ts) owns the connection: a restore asks it to close the database and to reopen it
 * once the restored file is in place, so callers (the app's worker, the web harness, the CLI) need nothing new.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupInfo, BackupKind, BackupList, BackupPreview, RecoveryOutput, RestoreSource, SecretPlans, StageFileOutput } from '../../../shared/api/backup';
import type { Db } from '../db/open';
import { BackendError } from '../errors';
import { countData, integrityProblems, readBackup, sealBackup, type BackupManifest } from './backup-file';
import { collectDataFiles, DATA_FOLDERS } from './data-files';
import { IDENTITY_FOLDER } from '../exchange/identity';
import { isEncrypted, packKhbak, unpackKhbak } from './khbak';
import { setAsideDamaged, swapInBackup } from './restore';
import { createBackupStore, type BackupStore } from './store';
import { hasSecretPlans } from '../repositories/plans/store-wide';

export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupHost {
  /** The open connection, or null while the database at start was found damaged. */
  db(): Db | null;
  schemaVersion(): number;
  /** Why the database could not be opened at start (DB_CORRUPT), or null. */
  damage(): string | null;
  closeDb(): void;
  /** Open the database again (after a restore). Throws like createBackend. */
  reopen(): void;
}

export interface BackupServiceOptions {
  dataDir: string;
  appVersion: string;
  clock: () => number;
  dataFolders?: readonly string[];
  /** Run the schedule (the app and the harness); off for tests and tools that open the store briefly. */
  automatic?: boolean;
  /** Report a failed automatic backup (it never stops the app). */
  onError?: (err: unknown) => void;
}

export interface BackupService {
  readonly store: BackupStore;
  list(): BackupList;
  secretPlans(): SecretPlans;
  create(kind: BackupKind): Promise<BackupInfo>;
  /** Synchronous backup of the open database (before a migration: the database is not the host's yet). */
  createSyncOf(db: Db, kind: BackupKind, schemaVersion: number): BackupInfo;
  inspect(name: string): BackupPreview;
  exportFile(passphrase?: string, includeOfficeKey?: boolean): Promise<{ fileName: string; base64: string; encrypted: boolean }>;
  stageFile(bytes: Uint8Array, passphrase?: string): StageFileOutput;
  restore(source: RestoreSource): Promise<{ beforeRestore: string | null; setAside: string | null; preview: BackupPreview }>;
  recovery(): RecoveryOutput;
  /** Start the schedule (after the host is ready). */
  start(): void;
  /** The host reopened its connection: count changes from here. */
  reopened(): void;
  /** Stop the schedule and, when the data changed since the last backup, take one (synchronously). */
  close(): void;
}

const totalChanges = (db: Db): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

const khbakName = (t: number) => {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `kehoach-sao-luu-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}.khbak`;
};

/**
 * Read a `.khbak` whole into a temporary folder outside the data folder: decrypt, unzip, hashes, integrity_check of
 * the database, then sealed there as a backup (backup-file.ts) that a restore takes like one of the list. Throws a
 * Vietnamese VALIDATION error; the caller removes `dir` when done.
 */
export function stageKhbak(bytes: Uint8Array, appVersion: string, passphrase?: string): { id: string; dir: string; path: string; preview: BackupPreview } {
  const content = unpackKhbak(bytes, passphrase);
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-staged-'));
  try {
    const extracted = join(dir, 'extracted.sqlite');
    writeFileSync(extracted, content.db);
    let problems: string[];
    try {
      const check = new Database(extracted, { readonly: true, fileMustExist: true });
      try {
        problems = integrityProblems(check);
      } finally {
        check.close();
      }
    } catch {
      problems = ['không mở được'];
    }
    if (problems.length) {
      throw new BackendError('VALIDATION', `Không đọc được tệp sao lưu: cơ sở dữ liệu trong tệp bị hỏng (${problems[0]}). Dữ liệu hiện có không bị thay đổi.`);
    }
    const manifest: BackupManifest = {
      format: 1,
      kind: 'manual',
      takenAt: content.manifest.createdAt,
      appVersion: content.manifest.appVersion,
      schemaVersion: content.manifest.schemaVersion,
      files: content.files.map((f) => ({ path: f.path, size: f.bytes.length, sha256: f.sha256 })),
    };
    const path = join(dir, 'staged.sqlite');
    sealBackup(extracted, path, manifest, content.files);
    return { id: dir.slice(dir.lastIndexOf('-') + 1), dir, path, preview: readBackup(path, appVersion).preview };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

export function createBackupService(options: BackupServiceOptions, host: BackupHost): BackupService {
  const folders = options.dataFolders ?? DATA_FOLDERS;
  const store = createBackupStore({ dataDir: options.dataDir, appVersion: options.appVersion, clock: options.clock, dataFolders: folders });
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T> | T): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  let changesAtBackup = 0;
  let staged: { id: string; dir: string; path: string } | null = null;

  const openDb = (): Db => {
    const db = host.db();
    if (!db) throw new BackendError('DB_CORRUPT', host.damage() ?? 'Dữ liệu chưa mở được.');
    return db;
  };
  const changed = (db: Db) => totalChanges(db) !== changesAtBackup;
  const dropStaged = () => {
    if (staged) rmSync(staged.dir, { recursive: true, force: true });
    staged = null;
  };

  const create = (kind: BackupKind) =>
    exclusive(async () => {
      const db = openDb();
      const before = totalChanges(db);
      const info = await store.create(db, kind, host.schemaVersion());
      changesAtBackup = before;
      return info;
    });

  const automatic = (why: string) =>
    create('auto').catch((err: unknown) => options.onError?.(new Error(`${why}: ${err instanceof Error ? err.message : String(err)}`)));

  const ioError = (what: string, err: unknown) =>
    err instanceof BackendError ? err : new BackendError('IO', `${what}: ${err instanceof Error ? err.message : String(err)}`);

  return {
    store,
    list() {
      const items = store.list();
      return { items, newestAt: items[0]?.takenAt ?? null };
    },
    secretPlans() {
      const db = host.db();
      return { secretPlans: db ? hasSecretPlans(db) : false };
    },
    async create(kind) {
      try {
        return await create(kind);
      } catch (err) {
        throw ioError('Không sao lưu được', err);
      }
    },
    createSyncOf: (db, kind, schemaVersion) => store.createSync(db, kind, schemaVersion),
    inspect(name) {
      if (!store.list().some((b) => b.name === name)) throw new BackendError('NOT_FOUND', `Không tìm thấy bản sao lưu ${name}.`);
      return readBackup(store.pathOf(name), options.appVersion).preview;
    },
    exportFile: (passphrase, includeOfficeKey) =>
      exclusive(async () => {
        if (includeOfficeKey && !passphrase) {
          throw new BackendError('VALIDATION', 'Tệp sao lưu kèm khóa của cơ quan phải đặt mật khẩu: khóa chỉ rời máy khi đã mã hóa.');
        }
        const db = openDb();
        if (!passphrase && hasSecretPlans(db)) {
          throw new BackendError('VALIDATION', 'Dữ liệu có kế hoạch mang độ mật: tệp sao lưu ra USB phải đặt mật khẩu.');
        }
        const dir = mkdtempSync(join(tmpdir(), 'kehoach-export-'));
        try {
          const path = join(dir, 'kehoach.sqlite');
          await db.backup(path, { progress: () => 4096 });
          const copy = new Database(path);
          let counts;
          try {
            copy.pragma('journal_mode = DELETE');
            const problems = integrityProblems(copy);
            if (problems.length) throw new BackendError('DB_CORRUPT', `Bản sao của dữ liệu không qua được bước kiểm tra: ${problems[0]}`);
            counts = countData(copy);
          } finally {
            copy.close();
          }
          const now = options.clock();
          const bytes = packKhbak(
            { createdAt: new Date(now).toISOString(), appVersion: options.appVersion, schemaVersion: host.schemaVersion(), counts, db: readFileSync(path), files: collectDataFiles(options.dataDir, includeOfficeKey ? [...folders, IDENTITY_FOLDER] : folders) },
            passphrase,
          );
          return { fileName: khbakName(now), base64: bytes.toString('base64'), encrypted: !!passphrase };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    stageFile(bytes, passphrase) {
      if (isEncrypted(bytes) && !passphrase) return { staged: false, needsPassphrase: true };
      const next = stageKhbak(bytes, options.appVersion, passphrase);
      dropStaged();
      staged = { id: next.id, dir: next.dir, path: next.path };
      return { staged: true, id: next.id, preview: next.preview };
    },
    restore: (source) =>
      exclusive(async () => {
        let path: string;
        if (source.from === 'list') {
          if (!store.list().some((b) => b.name === source.name)) throw new BackendError('NOT_FOUND', `Không tìm thấy bản sao lưu ${source.name}.`);
          path = store.pathOf(source.name);
        } else {
          if (!staged || staged.id !== source.id) throw new BackendError('NOT_FOUND', 'Tệp sao lưu đã chọn không còn; hãy chọn lại tệp.');
          path = staged.path;
        }
        const opened = readBackup(path, options.appVersion);
        if (opened.preview.refusal) throw new BackendError('VALIDATION', opened.preview.refusal);
        const db = host.db();
        let beforeRestore: string | null = null;
        let setAside: string | null = null;
        try {
          if (db) beforeRestore = (await store.create(db, 'before-restore', host.schemaVersion())).name;
        } catch (err) {
          throw ioError('Không lưu được bản sao của dữ liệu hiện tại trước khi khôi phục, nên chưa khôi phục', err);
        }
        try {
          swapInBackup({
            dataDir: options.dataDir,
            backupPath: path,
            files: opened.files,
            // The office key comes back only from a .khbak that holds it (made with includeOfficeKey, encrypted).
            folders: opened.files.some((f) => f.path.startsWith(`${IDENTITY_FOLDER}/`)) ? [...folders, IDENTITY_FOLDER] : folders,
            closeCurrent: () => {
              if (db) host.closeDb();
              else setAside = setAsideDamaged(options.dataDir, options.clock());
            },
          });
        } catch (err) {
          throw ioError('Không khôi phục được, dữ liệu hiện tại giữ nguyên', err);
        }
        host.reopen();
        if (source.from === 'file') dropStaged();
        return { beforeRestore, setAside, preview: opened.preview };
      }),
    recovery() {
      const damage = host.damage();
      if (!damage) return { damaged: false };
      for (const b of store.list()) {
        const preview = readBackup(store.pathOf(b.name), options.appVersion).preview;
        if (!preview.refusal) return { damaged: true, message: damage, candidate: b, preview };
      }
      return { damaged: true, message: damage, candidate: null, preview: null };
    },
    start() {
      const db = host.db();
      if (!options.automatic || !db) return;
      const newest = store.list()[0];
      const stale = !newest || options.clock() - Date.parse(newest.takenAt) > DAY_MS;
      if (stale && countData(db).plans > 0) void automatic('Sao lưu khi khởi động');
      else changesAtBackup = totalChanges(db);
      timer = setInterval(() => {
        const current = host.db();
        if (current && changed(current)) void automatic('Sao lưu định kỳ');
      }, BACKUP_INTERVAL_MS);
      timer.unref?.();
    },
    reopened() {
      const db = host.db();
      changesAtBackup = db ? totalChanges(db) : 0;
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
      dropStaged();
      const db = host.db();
      if (!options.automatic || !db || !changed(db)) return;
      try {
        store.createSync(db, 'auto', host.schemaVersion());
      } catch (err) {
        options.onError?.(err);
      }
    },
  };
}
