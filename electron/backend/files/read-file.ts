/** Reading a file the user chose, with a size limit and a Vietnamese message on failure. */
import { readFile, stat } from 'node:fs/promises';
import { FileIoError, fileIoError } from './errors';

export async function readChosenFile(path: string, maxBytes: number): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileIoError('MISSING', 'Không đọc được tệp: mục đã chọn không phải là tệp.');
    if (info.size > maxBytes) {
      throw new FileIoError('TOO_LARGE', `Không đọc được tệp: tệp lớn quá ${Math.round(maxBytes / (1024 * 1024))} MB.`);
    }
    const data = await readFile(path);
    if (data.byteLength > maxBytes) throw new FileIoError('TOO_LARGE', `Không đọc được tệp: tệp lớn quá ${Math.round(maxBytes / (1024 * 1024))} MB.`);
    return data;
  } catch (err) {
    throw err instanceof FileIoError ? err : fileIoError(err, 'read');
  }
}
