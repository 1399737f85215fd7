/**
 * One backup = one SQLite file in `backups/`: a consistent copy of the database plus two tables of its own,
 * `kh_backup_meta` (the manifest: kind, time, app and schema version, the data-folder files with their SHA-256) and
 * `kh_backup_files` (those files' bytes). It is written under a hidden temporary name, checked with
 * `PRAGMA integrity_check`, flushed and only then renamed to its final name: a half-written backup never has a good
 * name. A restore drops the two tables again (restore.ts).
 */
import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { BackupKind, type BackupCounts, type BackupPreview } from '../../../shared/api/backup';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { Db } from '../db/open';
import { fsyncPath } from '../files/durable';
import { isSafeRelativePath, sha256, type DataFile } from './data-files';

export const META_TABLE = 'kh_backup_meta';
export const FILES_TABLE = 'kh_backup_files';

export const BackupManifest = z.object({
  format: z.literal(1),
  kind: BackupKind,
  takenAt: z.string(),
  appVersion: z.string().max(100),
  schemaVersion: z.number().int(),
  files: z.array(z.object({ path: z.string().refine(isSafeRelativePath), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/u) })),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

/**
 * Turn a fresh copy at `tmpPath` into a backup at `finalPath`: add the manifest and the files, switch the copy to a
 * single file (no -wal), integrity_check, fsync, rename, fsync the folder. On any failure the temporary file is gone.
 */
export function sealBackup(tmpPath: string, finalPath: string, manifest: BackupManifest, files: readonly DataFile[]): void {
  try {
    const copy = new Database(tmpPath);
    try {
      copy.pragma('journal_mode = DELETE');
      copy.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 CREATE TABLE IF NOT EXISTS ${FILES_TABLE} (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, data BLOB NOT NULL);`);
      copy.transaction(() => {
        copy.prepare(`INSERT OR REPLACE INTO ${META_TABLE} (key, value) VALUES ('manifest', ?)`).run(JSON.stringify(manifest));
        const put = copy.prepare(`INSERT OR REPLACE INTO ${FILES_TABLE} (path, sha256, data) VALUES (?, ?, ?)`);
        for (const f of files) put.run(f.path, f.sha256, f.bytes);
      })();
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`integrity_check: ${problems.slice(0, 3).join('; ')}`);
    } finally {
      copy.close();
    }
    fsyncPath(tmpPath);
    renameSync(tmpPath, finalPath);
    fsyncPath(dirname(finalPath));
  } catch (err) {
    rmSync(tmpPath, { force: true });
    throw err;
  }
}

const tableExists = (db: Db, name: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

const countOf = (db: Db, table: string, where = ''): number =>
  tableExists(db, table) ? (db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n : 0;

export function countData(db: Db): BackupCounts {
  return {
    plans: countOf(db, 'plans', 'WHERE deleted_at IS NULL'),
    revisions: countOf(db, 'plan_revisions'),
    registerEntries: countOf(db, 'number_register'),
    tasks: countOf(db, 'tasks'),
    organizations: countOf(db, 'organizations'),
  };
}

/** "1.2.3-x" → [1, 2, 3]; null when it does not start with a version number. */
function versionParts(version: string): number[] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)/u.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Whether `a` is a newer release than `b` (prerelease tags and unparsable versions compare as not newer). */
export function isNewerVersion(a: string, b: string): boolean {
  const pa = versionParts(a);
  const pb = versionParts(b);
  if (!pa || !pb) return false;
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! > pb[i]!;
  return false;
}

export interface OpenedBackup {
  preview: BackupPreview;
  manifest: BackupManifest;
  /** The data-folder files, each checked against the manifest's hash. */
  files: DataFile[];
}

const damaged = (detail: string) => `Bản sao lưu bị hỏng (${detail}); không thể khôi phục từ bản này.`;

/**
 * Open a backup read-only and check it whole: integrity_check, the manifest, every file's hash, the versions. Never
 * throws for a bad backup: `preview.refusal` says why it cannot be restored (Vietnamese).
 */
export function readBackup(path: string, appVersion: string): OpenedBackup {
  const fallbackManifest: BackupManifest = { format: 1, kind: 'manual', takenAt: new Date(0).toISOString(), appVersion: '', schemaVersion: 0, files: [] };
  const emptyCounts: BackupCounts = { plans: 0, revisions: 0, registerEntries: 0, tasks: 0, organizations: 0 };
  const refused = (refusal: string, manifest = fallbackManifest, counts = emptyCounts): OpenedBackup => ({
    manifest,
    files: [],
    preview: { takenAt: manifest.takenAt, kind: manifest.kind, appVersion: manifest.appVersion, schemaVersion: manifest.schemaVersion, counts, files: manifest.files.length, refusal },
  });
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return refused(damaged('không mở được tệp'));
  }
  try {
    const problems = integrityProblems(db);
    if (problems.length) return refused(damaged(problems.slice(0, 2).join('; ')));
    if (!tableExists(db, META_TABLE)) return refused('Tệp này không phải bản sao lưu của ứng dụng (thiếu phần mô tả bản sao lưu).');
    const row = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = 'manifest'`).get() as { value: string } | undefined;
    let manifest: BackupManifest;
    try {
      manifest = BackupManifest.parse(JSON.parse(row?.value ?? ''));
    } catch {
      return refused('Phần mô tả của bản sao lưu không đọc được; không thể khôi phục từ bản này.');
    }
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    manifest = { ...manifest, schemaVersion };
    const counts = countData(db);
    if (schemaVersion > LATEST_SCHEMA_VERSION || isNewerVersion(manifest.appVersion, appVersion)) {
      return refused(
        `Bản sao lưu do phiên bản ${manifest.appVersion || 'mới hơn'} của ứng dụng tạo (lược đồ dữ liệu ${schemaVersion}); ` +
          `phiên bản đang dùng là ${appVersion} (đọc được đến lược đồ ${LATEST_SCHEMA_VERSION}). Hãy cài phiên bản mới hơn rồi khôi phục.`,
        manifest,
        counts,
      );
    }
    const stored = tableExists(db, FILES_TABLE)
      ? (db.prepare(`SELECT path, sha256, data FROM ${FILES_TABLE}`).all() as { path: string; sha256: string; data: Buffer }[])
      : [];
    const byPath = new Map(stored.map((f) => [f.path, f]));
    const files: DataFile[] = [];
    for (const entry of manifest.files) {
      const f = byPath.get(entry.path);
      if (!f || sha256(f.data) !== entry.sha256) return refused(damaged(`tệp ${entry.path} thiếu hoặc sai mã kiểm tra`), manifest, counts);
      files.push({ path: entry.path, bytes: f.data, sha256: entry.sha256 });
    }
    return {
      manifest,
      files,
      preview: { takenAt: manifest.takenAt, kind: manifest.kind, appVersion: manifest.appVersion, schemaVersion, counts, files: files.length, refusal: null },
    };
  } catch (err) {
    return refused(damaged(err instanceof Error ? err.message : String(err)));
  } finally {
    db.close();
  }
}
