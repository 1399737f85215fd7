/**
 * Files in the data folder that must survive a power cut: written whole to a new file and flushed (fsync) before
 * anything names them; a folder flushed after a rename into it.
 */
import { closeSync, fsyncSync, openSync, statSync, writeSync } from 'node:fs';

/** Flush a file, or a folder's entry list (not possible on Windows, where a folder cannot be opened). */
export function fsyncPath(path: string): void {
  if (process.platform === 'win32' && statSync(path).isDirectory()) return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Create `path` (failing if it exists) with `mode`, write all of `bytes` and flush it. */
export function writeNewFileSync(path: string, bytes: Uint8Array, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
