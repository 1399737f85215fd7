/**
 * Plan revisions are stored as raw-deflated JSON. Autosave keeps a revision per change (about one a second while
 * typing), and a plan's JSON compresses about 5-6× (seed 02: 36.5 KB → 6.6 KB), so history stays affordable on an
 * office PC. The SQL functions kh_deflate / kh_inflate let the repositories read and write it in plain SQL.
 *
 * Raw deflate carries no checksum and SQLite's integrity_check does not look inside a blob, so one flipped byte on
 * disk would go unnoticed until the plan failed to open. Each revision therefore stores the CRC-32 of its stored blob
 * (plan_revisions.checksum); readContent checks it before inflating.
 */
import { crc32, deflateRawSync, inflateRawSync } from '../files/zlib';
import type { Db } from './open';

/** zlib's default: what a save stores. */
export const CONTENT_LEVEL = 6;
/**
 * Many plans written at once (a package imported): stored without compression (deflate's stored blocks, still raw
 * deflate), a tenth of the time of level 1; the background compresses them at CONTENT_LEVEL afterwards
 * (repositories/plans/compaction.ts). Any level inflates the same way, so what reads revisions does not know the
 * difference.
 */
export const BULK_CONTENT_LEVEL = 0;

/** The blob starts with a stored (uncompressed) deflate block: written in bulk and not compacted yet. */
export function isStoredOnly(blob: Uint8Array): boolean {
  return blob.length > 0 && (blob[0]! & 0b110) === 0;
}

export function encodeContent(json: string, level = CONTENT_LEVEL): Buffer {
  const bytes = Buffer.from(json, 'utf8');
  return level === 0 ? storedBlocks(bytes) : deflateRawSync(bytes, { level });
}

/** Largest stored block: its length is 16 bits (RFC 1951 3.2.4). */
const STORED_BLOCK = 65_535;

/**
 * Raw deflate of `data` as stored blocks, as zlib writes at level 0 but without setting up a zlib stream: per block a
 * header byte (BFINAL on the last, BTYPE 00), LEN and its one's complement NLEN, little-endian, then the bytes.
 */
export function storedBlocks(data: Uint8Array): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_BLOCK));
  const out = Buffer.allocUnsafe(data.length + blocks * 5);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const start = b * STORED_BLOCK;
    const length = Math.min(STORED_BLOCK, data.length - start);
    out[at] = b === blocks - 1 ? 1 : 0;
    out.writeUInt16LE(length, at + 1);
    out.writeUInt16LE(length ^ 0xffff, at + 3);
    out.set(data.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  return out;
}

export function decodeContent(blob: Uint8Array): string {
  return inflateRawSync(blob).toString('utf8');
}

/** The checksum stored beside a revision's blob: CRC-32 of the stored (compressed) bytes. */
export function contentChecksum(blob: Uint8Array): number {
  return crc32(blob);
}

/** A revision's content ready to insert: the blob and its checksum. */
export function storedContent(json: string, level = CONTENT_LEVEL): { blob: Buffer; checksum: number } {
  const blob = encodeContent(json, level);
  return { blob, checksum: contentChecksum(blob) };
}

/**
 * The JSON of a stored revision, or null when it is damaged: the checksum does not match, or (a row without a
 * checksum) it does not inflate to JSON.
 */
export function readContent(blob: Uint8Array, checksum: number | null): string | null {
  if (checksum !== null && contentChecksum(blob) !== checksum) return null;
  try {
    const json = decodeContent(blob);
    if (checksum === null) JSON.parse(json);
    return json;
  } catch {
    return null;
  }
}

/**
 * Register kh_deflate(text) → blob, kh_inflate(blob) → text, and kh_read(blob, checksum) → text or NULL for a damaged
 * revision (readContent), for queries that scan every revision and must not stop at one bad blob.
 */
export function registerContentFunctions(db: Db): void {
  db.function('kh_deflate', { deterministic: true }, (text: unknown) => encodeContent(String(text)));
  db.function('kh_inflate', { deterministic: true }, (blob: unknown) => decodeContent(blob as Buffer));
  db.function('kh_read', { deterministic: true }, (blob: unknown, checksum: unknown) =>
    readContent(blob as Buffer, typeof checksum === 'number' || typeof checksum === 'bigint' ? Number(checksum) : null),
  );
}
