/**
 * Swapping a checked backup in for the database. Everything that can fail is done beside the data first (a copy of
 * the backup under a hidden name in the data folder, the data-folder files in hidden folders); only then is the
 * current database closed and the copy renamed over it (atomic on one volume), its old -wal/-shm removed (they belong
 * to the replaced file), and the folders swapped.
 */
import { IDENTITY_FOLDER } from '../exchange/identity';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DATABASE_FILE } from '../db/open';
import { fsyncPath } from '../files/durable';
import { FILES_TABLE, META_TABLE } from './backup-file';
import type { DataFile } from './data-files';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** A date for file names: 2026-11-29T14-30-00. */
const stamp = (t: number) => new Date(t).toISOString().slice(0, 19).replace(/:/gu, '-');

/** Move a damaged database (and its -wal/-shm) aside under its date; nothing is deleted. Returns the new name. */
export function setAsideDamaged(dataDir: string, now: number): string {
  const name = `${DATABASE_FILE}.hong-${stamp(now)}`;
  for (const suffix of ['', ...SIDE_FILES]) {
    const from = join(dataDir, DATABASE_FILE + suffix);
    if (existsSync(from)) renameSync(from, join(dataDir, name + suffix));
  }
  fsyncPath(dataDir);
  return name;
}

export function swapInBackup(options: {
  dataDir: string;
  backupPath: string;
  files: readonly DataFile[];
  folders: readonly string[];
  /** Close the current database (called once everything else is ready). */
  closeCurrent: () => void;
}): void {
  const { dataDir, files, folders } = options;
  const tag = randomBytes(6).toString('hex');
  const prepared = join(dataDir, `.restore-${tag}.sqlite`);
  const newFolders: string[] = [];
  try {
    copyFileSync(options.backupPath, prepared);
    const copy = new Database(prepared);
    try {
      copy.exec(`DROP TABLE IF EXISTS ${META_TABLE}; DROP TABLE IF EXISTS ${FILES_TABLE};`);
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncPath(prepared);
    for (const folder of folders) {
      const staged = join(dataDir, `.restore-${tag}-${folder}`);
      mkdirSync(staged, { recursive: true });
      newFolders.push(staged);
      for (const f of files.filter((x) => x.path.startsWith(`${folder}/`))) {
        const target = join(staged, ...f.path.slice(folder.length + 1).split('/'));
        mkdirSync(dirname(target), { recursive: true });
        // The office key (restored from a .khbak that holds it) stays readable by the user alone.
        writeFileSync(target, f.bytes, { mode: folder === IDENTITY_FOLDER ? 0o600 : 0o644 });
        fsyncPath(target);
      }
    }
  } catch (err) {
    rmSync(prepared, { force: true });
    for (const dir of newFolders) rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  options.closeCurrent();
  const dbPath = join(dataDir, DATABASE_FILE);
  for (const suffix of SIDE_FILES) rmSync(dbPath + suffix, { force: true });
  renameSync(prepared, dbPath);
  folders.forEach((folder, i) => {
    const live = join(dataDir, folder);
    const old = join(dataDir, `.restore-${tag}-old-${folder}`);
    if (existsSync(live)) renameSync(live, old);
    renameSync(newFolders[i]!, live);
    rmSync(old, { recursive: true, force: true });
  });
  fsyncPath(dataDir);
}
