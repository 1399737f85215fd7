/**
 * Plan revisions are stored as raw-deflated JSON. Autosave keeps a revision per change (about one a second while
 * typing), and a plan's JSON compresses about 5-6× (seed 02: 36.5 KB → 6.6 KB), so history stays affordable on an
 * office PC. The SQL functions kh_deflate / kh_inflate let the repositories read and write it in plain SQL.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Db } from './open';

export function encodeContent(json: string): Buffer {
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: 6 });
}

export function decodeContent(blob: Uint8Array): string {
  return inflateRawSync(blob).toString('utf8');
}

/** Register kh_deflate(text) → blob and kh_inflate(blob) → text on a connection. */
export function registerContentFunctions(db: Db): void {
  db.function('kh_deflate', { deterministic: true }, (text: unknown) => encodeContent(String(text)));
  db.function('kh_inflate', { deterministic: true }, (blob: unknown) => decodeContent(blob as Buffer));
}
