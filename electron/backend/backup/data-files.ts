/**
 * Everything the app keeps in its data folder besides the database is part of a backup. Each such folder is named
 * here (relative to the data folder); a backup stores every file under it with its SHA-256 and a restore puts the
 * folder back as it was: today the evidence files of task progress reports (tasks/evidence-store.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { EVIDENCE_FOLDER } from '../tasks/evidence-store';

export const DATA_FOLDERS: readonly string[] = [EVIDENCE_FOLDER];

export interface DataFile {
  /** Relative to the data folder, with forward slashes. */
  path: string;
  bytes: Buffer;
  sha256: string;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A relative path that stays inside its folder: forward slashes, no `..`, no absolute or drive part. */
export const isSafeRelativePath = (path: string): boolean =>
  path.length > 0 &&
  path.length <= 500 &&
  !path.startsWith('/') &&
  !/^[a-zA-Z]:/u.test(path) &&
  !path.includes('\\') &&
  !path.includes('\0') &&
  path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

/** Every file under the data folders, sorted by path. */
export function collectDataFiles(dataDir: string, folders: readonly string[]): DataFile[] {
  const out: DataFile[] = [];
  const walk = (rel: string) => {
    const abs = join(dataDir, ...rel.split('/'));
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        const bytes = readFileSync(join(abs, entry.name));
        out.push({ path: child, bytes, sha256: sha256(bytes) });
      }
    }
  };
  for (const folder of folders) {
    const abs = join(dataDir, folder);
    if (existsSync(abs) && statSync(abs).isDirectory()) walk(folder);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
