/**
 * Evidence files, stored content-addressed in the data folder: `<data>/evidence/ab/abcdef…` (the SHA-256 of the
 * bytes, its first two hex digits as the folder). A file is staged before the report's transaction (a hidden folder
 * beside it: written, fsynced), and moved into place only once the transaction committed; a staged file left by a
 * crash is moved into place at the next start when the database lists it, else removed. The same bytes are stored
 * once. Their type is read from the content (magic bytes), never from the name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate/browser';
import type { EvidenceMediaType } from '../../../shared/api/tasks';
import { fsyncPath, writeNewFileSync } from '../files/durable';

/** The data folder's evidence folder (backed up: backup/data-files.ts). */
export const EVIDENCE_FOLDER = 'evidence';
const STAGING_FOLDER = '.evidence-staging';

export const evidencePath = (dataDir: string, sha256: string): string => join(dataDir, EVIDENCE_FOLDER, sha256.slice(0, 2), sha256);

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Names inside a zip, without inflating anything. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** Plain text: valid UTF-8 without NUL or other control characters than tab, line and page breaks. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/u.test(text);
}

/** The media type of evidence bytes by their content, or null for a type not accepted. */
export function sniffEvidence(bytes: Uint8Array): EvidenceMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (names.some((n) => n.startsWith('xl/'))) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return null;
  }
  if (bytes.length > 0 && isPlainText(bytes)) return 'text/plain';
  return null;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface StagedFile {
  sha256: string;
  path: string;
}

export function createEvidenceStore(dataDir: string) {
  const stagingDir = join(dataDir, STAGING_FOLDER);

  /** Write the bytes to a hidden staging file, fsynced. */
  function stage(bytes: Uint8Array): StagedFile {
    const sha256 = sha256Of(bytes);
    mkdirSync(stagingDir, { recursive: true });
    const path = join(stagingDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    writeNewFileSync(path, bytes, 0o644);
    return { sha256, path };
  }

  /** Move a staged file into place (once its report committed); the same bytes already there are kept. */
  function commit(file: StagedFile): void {
    const target = evidencePath(dataDir, file.sha256);
    if (existsSync(target)) {
      rmSync(file.path, { force: true });
      return;
    }
    const dir = join(dataDir, EVIDENCE_FOLDER, file.sha256.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    renameSync(file.path, target);
    fsyncPath(dir);
  }

  const discard = (file: StagedFile): void => rmSync(file.path, { force: true });

  /** After a crash: staged files the database lists go into place, the others are removed. */
  function recover(listed: (sha256: string) => boolean): void {
    if (!existsSync(stagingDir)) return;
    for (const name of readdirSync(stagingDir)) {
      const sha256 = name.split('.')[0]!;
      const path = join(stagingDir, name);
      if (/^[0-9a-f]{64}$/.test(sha256) && listed(sha256)) commit({ sha256, path });
      else rmSync(path, { force: true });
    }
  }

  function read(sha256: string): Buffer {
    return readFileSync(evidencePath(dataDir, sha256));
  }

  return { stage, commit, discard, recover, read, path: (sha256: string) => evidencePath(dataDir, sha256) };
}
export type EvidenceStore = ReturnType<typeof createEvidenceStore>;
