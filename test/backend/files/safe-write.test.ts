/**
 * The safe write on real temp folders. Failures are made real by wrapping Node's own file calls: the wrapper does
 * the real call (bytes really reach the disk) and then fails the way a full disk, a locked file or a bad drive does.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileIoError } from '../../../electron/backend/files/errors';
import { readChosenFile } from '../../../electron/backend/files/read-file';
import { isTempFileOf, nodeIo, safeWriteFile, type SafeWriteIo } from '../../../electron/backend/files/safe-write';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-safe-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const errnoError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** The real calls, with a hook on each file handle and a log of what happened in which order. */
function recordingIo(
  log: string[],
  over: Partial<SafeWriteIo> & { onHandle?: (h: fsp.FileHandle, path: string) => fsp.FileHandle } = {},
): SafeWriteIo {
  return {
    open: (async (path: string, flags?: string, mode?: number) => {
      const h = await fsp.open(path, flags, mode);
      const kind = path === dir ? 'dir' : isTempFileOf(target(), String(path).split('/').at(-1)!) ? 'temp' : 'other';
      log.push(`open ${kind}`);
      const handle = over.onHandle ? over.onHandle(h, path) : h;
      return new Proxy(handle, {
        get(t, prop, recv) {
          const value = Reflect.get(t, prop, recv) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            log.push(`${String(prop)} ${kind}`);
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        },
      });
    }) as SafeWriteIo['open'],
    rename: over.rename ?? (async (a, b) => (log.push('rename'), nodeIo.rename(a, b))),
    unlink: over.unlink ?? (async (p) => (log.push('unlink'), nodeIo.unlink(p))),
    readFile: over.readFile ?? (async (p) => (log.push(`read ${p === target() ? 'target' : 'temp'}`), nodeIo.readFile(p))),
  };
}

const target = () => join(dir, 'KH-315-KH-HU-2025.docx');
const leftovers = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

async function failure(p: Promise<unknown>): Promise<FileIoError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileIoError);
  return err as FileIoError;
}

describe('safeWriteFile', () => {
  it('writes a new file, leaves no temporary file, and flushes before renaming', async () => {
    const log: string[] = [];
    const data = bytes(200_000);
    await safeWriteFile(target(), data, { io: recordingIo(log), syncDir: true });
    expect(readFileSync(target()).equals(Buffer.from(data))).toBe(true);
    expect(leftovers()).toEqual([]);
    // temp written, flushed and checked before it replaces the target; the folder flushed; the target read back last
    expect(log).toEqual(['open temp', 'writeFile temp', 'sync temp', 'close temp', 'read temp', 'rename', 'open dir', 'sync dir', 'close dir', 'read target']);
  });

  it('replaces an existing file', async () => {
    writeFileSync(target(), 'old contents');
    await safeWriteFile(target(), bytes(1000));
    expect(readFileSync(target()).equals(Buffer.from(bytes(1000)))).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('a disk that fills up mid-write leaves the old file intact and no temporary file', async () => {
    writeFileSync(target(), 'old contents');
    const io = recordingIo([], {
      onHandle: (h) =>
        Object.assign(Object.create(h) as fsp.FileHandle, {
          // half the bytes reach the temporary file, then the disk is full
          writeFile: async (data: Uint8Array) => {
            await h.write(data, 0, data.byteLength >> 1);
            expect(leftovers()).toHaveLength(1);
            throw errnoError('ENOSPC');
          },
          close: () => h.close(),
        }),
    });
    const err = await failure(safeWriteFile(target(), bytes(100_000), { io }));
    expect(err.code).toBe('NO_SPACE');
    expect(err.message).toMatch(/^Không lưu được tệp: ổ đĩa đã đầy/);
    expect(readFileSync(target(), 'utf8')).toBe('old contents');
    expect(leftovers()).toEqual([]);
  });

  it('a failed flush leaves the old file intact and no temporary file', async () => {
    writeFileSync(target(), 'old contents');
    const io = recordingIo([], {
      onHandle: (h) => Object.assign(Object.create(h) as fsp.FileHandle, { writeFile: (d: Uint8Array) => h.writeFile(d), sync: () => Promise.reject(errnoError('EIO')), close: () => h.close() }),
    });
    const err = await failure(safeWriteFile(target(), bytes(5000), { io }));
    expect(err.code).toBe('IO');
    expect(readFileSync(target(), 'utf8')).toBe('old contents');
    expect(leftovers()).toEqual([]);
  });

  it('a target locked by another program (rename refused) stays as it was, with no temporary file', async () => {
    writeFileSync(target(), 'old contents');
    const io = recordingIo([], { rename: () => Promise.reject(errnoError('EBUSY')) });
    const err = await failure(safeWriteFile(target(), bytes(5000), { io }));
    expect(err.code).toBe('BUSY');
    expect(err.message).toMatch(/đang được mở trong chương trình khác/);
    expect(readFileSync(target(), 'utf8')).toBe('old contents');
    expect(leftovers()).toEqual([]);
  });

  it('bytes that reach the disk wrong are caught before they replace the old file', async () => {
    writeFileSync(target(), 'old contents');
    const io = recordingIo([], {
      onHandle: (h) =>
        Object.assign(Object.create(h) as fsp.FileHandle, {
          writeFile: (d: Uint8Array) => h.writeFile(Uint8Array.from(d, (b, i) => (i === 7 ? b ^ 1 : b))),
          close: () => h.close(),
        }),
    });
    const err = await failure(safeWriteFile(target(), bytes(5000), { io }));
    expect(err.code).toBe('MISMATCH');
    expect(readFileSync(target(), 'utf8')).toBe('old contents');
    expect(leftovers()).toEqual([]);
  });

  it('reports a target that reads back different after the rename', async () => {
    const io = recordingIo([], {
      rename: async (a, b) => {
        await fsp.rename(a, b);
        writeFileSync(String(b), 'something else'); // a drive that lost the write
      },
    });
    const err = await failure(safeWriteFile(target(), bytes(5000), { io }));
    expect(err.code).toBe('MISMATCH');
    expect(err.message).toMatch(/đọc lại không khớp/);
  });

  it('a folder that no longer exists (USB stick removed) is said so', async () => {
    const err = await failure(safeWriteFile(join(dir, 'gone', 'a.pdf'), bytes(10)));
    expect(err.code).toBe('MISSING');
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });
});

describe('readChosenFile', () => {
  it('reads a file within the limit and refuses a larger one or a folder', async () => {
    writeFileSync(target(), Buffer.from(bytes(3000)));
    expect((await readChosenFile(target(), 3000)).equals(Buffer.from(bytes(3000)))).toBe(true);
    expect((await failure(readChosenFile(target(), 2999))).code).toBe('TOO_LARGE');
    expect((await failure(readChosenFile(dir, 10_000))).code).toBe('MISSING');
    expect((await failure(readChosenFile(join(dir, 'nope'), 10))).message).toMatch(/^Không đọc được tệp/);
  });
});
