/**
 * Reading a zip the user chose (a .docx to import) without trusting its sizes: only the named entries are inflated,
 * each at most `maxEntryBytes` and all together at most `maxTotalBytes` as declared, and the inflated bytes are
 * checked against the declaration, so a zip bomb stops before it fills the memory.
 */
// The pure-JS build, as the backup code uses (fflate's Node build clashes with the bundled worker's CommonJS shim).
import { unzipSync } from 'fflate/browser';

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export class ZipLimitError extends Error {}
export class NotAZipError extends Error {}

export const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);

/** The wanted entries that exist, inflated; throws ZipLimitError past the limits, NotAZipError for a broken zip. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits): Record<string, Uint8Array> {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > limits.maxEntryBytes || total > limits.maxTotalBytes) throw new ZipLimitError(file.name);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ZipLimitError) throw e;
    throw new NotAZipError((e as Error).message);
  }
  for (const [name, data] of Object.entries(entries)) if (data.length > limits.maxEntryBytes) throw new ZipLimitError(name);
  return entries;
}
