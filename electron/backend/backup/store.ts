/**
 * The folder `backups/` of the data folder: one file per backup, named by its time (UTC) and kind, e.g.
 * `kehoach-2026-11-29T14-30-00-000Z-auto.sqlite`. Taking one: a consistent copy of the open database under a hidden
 * temporary name (`.tmp-…`), sealed by backup-file.ts, then the retention rules prune the folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BackupName, type BackupInfo, type BackupKind } from '../../../shared/api/backup';
import type { Db } from '../db/open';
import { sealBackup, type BackupManifest } from './backup-file';
import { collectDataFiles, DATA_FOLDERS } from './data-files';
import { backupsToDelete } from './retention';

export const BACKUPS_FOLDER = 'backups';
const TEMP_PREFIX = '.tmp-';

export const backupsDir = (dataDir: string): string => join(dataDir, BACKUPS_FOLDER);

export function backupName(kind: BackupKind, takenAt: number): string {
  return `kehoach-${new Date(takenAt).toISOString().replace(/[:.]/gu, '-')}-${kind}.sqlite`;
}

const NAME_PATTERN = /^kehoach-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.sqlite$/u;

export function parseBackupName(name: string): { kind: BackupKind; takenAt: number } | null {
  const m = NAME_PATTERN.exec(name);
  if (!m) return null;
  const kind = m[6] as BackupKind;
  if (!['auto', 'manual', 'before-restore', 'before-import', 'before-migration'].includes(kind)) return null;
  const takenAt = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(takenAt) ? null : { kind, takenAt };
}

export interface BackupStoreOptions {
  dataDir: string;
  appVersion: string;
  clock: () => number;
  /** The data-folder folders a backup holds (data-files.ts). */
  dataFolders?: readonly string[];
}

export interface BackupStore {
  readonly dir: string;
  /** Newest first. */
  list(): BackupInfo[];
  pathOf(name: string): string;
  /** A consistent copy through SQLite's online backup (other calls go on meanwhile), sealed and pruned. */
  create(db: Db, kind: BackupKind, schemaVersion: number): Promise<BackupInfo>;
  /** The same, synchronously (VACUUM INTO): at close and before a migration, when nothing may run in between. */
  createSync(db: Db, kind: BackupKind, schemaVersion: number): BackupInfo;
  prune(): string[];
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const dir = backupsDir(options.dataDir);
  const folders = options.dataFolders ?? DATA_FOLDERS;

  // Temporary files left by a backup that was cut short (power cut, killed process) are never backups.
  try {
    for (const name of readdirSync(dir)) if (name.startsWith(TEMP_PREFIX)) rmSync(join(dir, name), { force: true });
  } catch {
    // no backups folder yet
  }

  /** A time strictly after every existing backup's, so two backups in one millisecond never share a name. */
  const nextTime = (): number => {
    const newest = list()[0];
    const now = options.clock();
    return newest && Date.parse(newest.takenAt) >= now ? Date.parse(newest.takenAt) + 1 : now;
  };

  const prepare = (kind: BackupKind, schemaVersion: number) => {
    mkdirSync(dir, { recursive: true });
    const takenAt = nextTime();
    const name = backupName(kind, takenAt);
    const files = collectDataFiles(options.dataDir, folders);
    const manifest: BackupManifest = {
      format: 1,
      kind,
      takenAt: new Date(takenAt).toISOString(),
      appVersion: options.appVersion,
      schemaVersion,
      files: files.map((f) => ({ path: f.path, size: f.bytes.length, sha256: f.sha256 })),
    };
    return { name, tmp: join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.sqlite`), files, manifest };
  };

  const finish = (name: string): BackupInfo => {
    const info = infoOf(name);
    prune();
    return info;
  };

  function infoOf(name: string): BackupInfo {
    const parsed = parseBackupName(name)!;
    return { name, kind: parsed.kind, takenAt: new Date(parsed.takenAt).toISOString(), size: statSync(join(dir, name)).size };
  }

  function list(): BackupInfo[] {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    const out: BackupInfo[] = [];
    for (const name of names) {
      if (!parseBackupName(name) || !BackupName.safeParse(name).success) continue;
      try {
        out.push(infoOf(name));
      } catch {
        // removed meanwhile
      }
    }
    return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  }

  function prune(): string[] {
    const doomed = backupsToDelete(
      list().map((b) => ({ name: b.name, kind: b.kind, takenAt: Date.parse(b.takenAt) })),
      options.clock(),
    );
    for (const name of doomed) rmSync(join(dir, name), { force: true });
    return doomed;
  }

  return {
    dir,
    list,
    pathOf: (name) => join(dir, name),
    async create(db, kind, schemaVersion) {
      const p = prepare(kind, schemaVersion);
      try {
        // Bigger steps than the default 100 pages: a 100 MB store is copied in well under a second, still yielding
        // to other calls between steps. A write through this connection meanwhile is copied too (SQLite updates
        // the backup); one through another connection restarts it, so the copy is always one consistent state.
        await db.backup(p.tmp, { progress: () => 4096 });
      } catch (err) {
        rmSync(p.tmp, { force: true });
        throw err;
      }
      sealBackup(p.tmp, join(dir, p.name), p.manifest, p.files);
      return finish(p.name);
    },
    createSync(db, kind, schemaVersion) {
      const p = prepare(kind, schemaVersion);
      try {
        db.prepare('VACUUM INTO ?').run(p.tmp);
      } catch (err) {
        rmSync(p.tmp, { force: true });
        throw err;
      }
      sealBackup(p.tmp, join(dir, p.name), p.manifest, p.files);
      return finish(p.name);
    },
    prune,
  };
}
