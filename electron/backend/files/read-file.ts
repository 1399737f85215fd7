/** Reading a file the user chose, with a size limit and a Vietnamese message on failure. */
import { readFile, stat } from 'node:fs/promises';
import { FileIoError, fileIoError, fileMessages } from './errors';

const tooLarge = (maxBytes: number) => new FileIoError('TOO_LARGE', fileMessages.tooLarge(maxBytes));

/** The size of a readable file within the limit; a FileIoError otherwise. */
export async function chosenFileSize(path: string, maxBytes: number): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileIoError('MISSING', 'Không đọc được tệp: mục đã chọn không phải là tệp.');
    if (info.size > maxBytes) throw tooLarge(maxBytes);
    return info.size;
  } catch (err) {
    throw err instanceof FileIoError ? err : fileIoError(err, 'read');
  }
}

export async function readChosenFile(path: string, maxBytes: number): Promise<Buffer> {
  await chosenFileSize(path, maxBytes);
  try {
    const data = await readFile(path);
    if (data.byteLength > maxBytes) throw tooLarge(maxBytes); // grew since
    return data;
  } catch (err) {
    throw err instanceof FileIoError ? err : fileIoError(err, 'read');
  }
}
