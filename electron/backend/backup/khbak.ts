/**
 * The `.khbak` file ("Sao lưu ra USB"): one self-contained zip of `manifest.json` (format, time, app and schema version,
 * counts, and every entry's size and SHA-256), `kehoach.sqlite` (a consistent copy of the database) and `files/…`
 * (the data-folder files, data-files.ts).
 *
 * With a passphrase the zip is encrypted whole (crypto/passphrase-box.ts: scrypt N = 2^15 and AES-256-GCM). This
 * protects a lost USB stick; it is not cơ yếu (state cipher) encryption. The office's own key (for signed exchange)
 * does not exist in the app yet; when it does, "kèm khóa của cơ quan" adds it here and forces the passphrase.
 *
 * Reading checks everything (passphrase tag, zip CRCs, every hash, integrity_check of the database in a temporary
 * folder) before anything in the data folder changes.
 */
// The pure-JS build: only the synchronous zip/unzip are used, and fflate's Node build declares a top-level `require`
// that clashes with the CommonJS shim of the bundled worker (out/main/worker.js).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate/browser';
import { z } from 'zod';
import { BackupCounts } from '../../../shared/api/backup';
import { passphraseBox } from '../crypto/passphrase-box';
import { BackendError } from '../errors';
import { isSafeRelativePath, sha256, type DataFile } from './data-files';

export const DB_ENTRY = 'kehoach.sqlite';
const MANIFEST_ENTRY = 'manifest.json';
const FILES_PREFIX = 'files/';

export const KhbakManifest = z.object({
  format: z.literal('kehoach-khbak'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string().max(100),
  schemaVersion: z.number().int(),
  counts: BackupCounts,
  entries: z.array(z.object({ path: z.string().refine(isSafeRelativePath), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/u) })),
});
export type KhbakManifest = z.infer<typeof KhbakManifest>;

const refuse = (why: string) => new BackendError('VALIDATION', `Không đọc được tệp sao lưu: ${why} Dữ liệu hiện có không bị thay đổi.`);

const box = passphraseBox('KHBAKENC', refuse);
export const encrypt = (plain: Uint8Array, passphrase: string): Buffer => box.seal(plain, passphrase);
export const isEncrypted = (bytes: Uint8Array): boolean => box.isSealed(bytes);
export const decrypt = (bytes: Uint8Array, passphrase: string): Buffer => box.open(bytes, passphrase);

export interface KhbakContent {
  manifest: KhbakManifest;
  db: Uint8Array;
  files: DataFile[];
}

export function packKhbak(input: { createdAt: string; appVersion: string; schemaVersion: number; counts: BackupCounts; db: Uint8Array; files: readonly DataFile[] }, passphrase?: string): Buffer {
  const entries = [
    { path: DB_ENTRY, size: input.db.length, sha256: sha256(input.db) },
    ...input.files.map((f) => ({ path: FILES_PREFIX + f.path, size: f.bytes.length, sha256: f.sha256 })),
  ];
  const manifest: KhbakManifest = { format: 'kehoach-khbak', version: 1, createdAt: input.createdAt, appVersion: input.appVersion, schemaVersion: input.schemaVersion, counts: input.counts, entries };
  // The database is stored, not compressed: revision contents are deflated already (about 2× left to gain), and
  // fflate's pure-JS deflate of a 100 MB store takes far longer than writing it to a stick.
  const zip: Zippable = { [MANIFEST_ENTRY]: strToU8(JSON.stringify(manifest, null, 2)), [DB_ENTRY]: [input.db, { level: 0 }] };
  for (const f of input.files) zip[FILES_PREFIX + f.path] = [f.bytes, { level: 1 }];
  const zipped = zipSync(zip, { level: 1 });
  return passphrase ? encrypt(zipped, passphrase) : Buffer.from(zipped);
}

/** Decrypt (when encrypted), unzip and check every hash. Throws a Vietnamese VALIDATION error. */
export function unpackKhbak(bytes: Uint8Array, passphrase?: string): KhbakContent {
  const plain = isEncrypted(bytes) ? decrypt(bytes, passphrase ?? '') : bytes;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(plain);
  } catch {
    throw refuse('tệp không phải bản sao lưu .khbak hoặc đã bị hỏng.');
  }
  const rawManifest = entries[MANIFEST_ENTRY];
  if (!rawManifest) throw refuse('tệp không có phần mô tả (manifest.json).');
  let manifest: KhbakManifest;
  try {
    manifest = KhbakManifest.parse(JSON.parse(strFromU8(rawManifest)));
  } catch {
    throw refuse('phần mô tả (manifest.json) không hợp lệ.');
  }
  const listed = new Set(manifest.entries.map((e) => e.path));
  for (const name of Object.keys(entries)) {
    if (name !== MANIFEST_ENTRY && !name.endsWith('/') && !listed.has(name)) throw refuse(`tệp có thành phần lạ không được mô tả (${name}).`);
  }
  const files: DataFile[] = [];
  let db: Uint8Array | undefined;
  for (const entry of manifest.entries) {
    const data = entries[entry.path];
    if (!data || data.length !== entry.size || sha256(data) !== entry.sha256) throw refuse(`thành phần ${entry.path} bị thiếu hoặc sai mã kiểm tra.`);
    if (entry.path === DB_ENTRY) db = data;
    else if (entry.path.startsWith(FILES_PREFIX)) files.push({ path: entry.path.slice(FILES_PREFIX.length), bytes: Buffer.from(data), sha256: entry.sha256 });
    else throw refuse(`thành phần lạ ${entry.path}.`);
  }
  if (!db) throw refuse('tệp không chứa cơ sở dữ liệu.');
  return { manifest, db, files };
}
