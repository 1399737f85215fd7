/**
 * Writing a file the user chose so that it is either the new bytes, checked, or the old file untouched:
 * a temporary file in the same folder, flushed to disk (fsync), checked, renamed over the target, the folder
 * flushed too where the OS allows, then the target read back and compared. Plain Node: main and the tools share it.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileIoError, fileIoError } from './errors';

/** The file-system calls the safe write makes; tests wrap the real ones to make a step fail. */
export interface SafeWriteIo {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  readFile: (path: string) => Promise<Buffer>;
}

export const nodeIo: SafeWriteIo = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  readFile: (path) => fsp.readFile(path),
};

export interface SafeWriteOptions {
  io?: SafeWriteIo;
  /** Whether to fsync the folder after the rename (not possible on Windows: a folder cannot be opened there). */
  syncDir?: boolean;
}

/** Temporary files are hidden, named after the target, in the target's folder (a rename stays on one volume). */
export const tempFileName = (target: string): string => `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`;
export const isTempFileOf = (target: string, name: string): boolean => name.startsWith(`.${basename(target)}.`) && name.endsWith('.tmp');

/**
 * Write `data` to `target` safely (see the module comment). Resolves once the file on disk reads back equal to
 * `data`; rejects with a FileIoError (Vietnamese message) otherwise. A failure before the rename leaves the old
 * target as it was and removes the temporary file.
 */
export async function safeWriteFile(target: string, data: Uint8Array, options: SafeWriteOptions = {}): Promise<void> {
  const io = options.io ?? nodeIo;
  const dir = dirname(target);
  const temp = join(dir, tempFileName(target));
  let renamed = false;
  try {
    const handle = await io.open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await verify(io, temp, data);
    await io.rename(temp, target);
    renamed = true;
  } catch (err) {
    if (!renamed) await io.unlink(temp).catch(() => undefined);
    throw err instanceof FileIoError ? err : fileIoError(err, 'write');
  }
  if (options.syncDir ?? process.platform !== 'win32') await syncFolder(io, dir);
  await verify(io, target, data);
}

/** Read the file back and compare it byte for byte. */
async function verify(io: SafeWriteIo, path: string, data: Uint8Array): Promise<void> {
  let back: Buffer;
  try {
    back = await io.readFile(path);
  } catch (err) {
    throw fileIoError(err, 'verify');
  }
  if (!back.equals(Buffer.from(data.buffer, data.byteOffset, data.byteLength))) {
    throw new FileIoError('MISMATCH', 'Tệp ghi ra đọc lại không khớp với nội dung cần lưu (ổ đĩa có thể bị lỗi hoặc đã bị rút ra). Hãy lưu lại, hoặc chọn nơi lưu khác.');
  }
}

/** Flush the folder entry of the renamed file. Some file systems refuse (EINVAL, EISDIR, EPERM): the file itself is already flushed. */
async function syncFolder(io: SafeWriteIo, dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await io.open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
