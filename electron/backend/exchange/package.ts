/**
 * Writing and reading the `.khx` zip (format.ts). Reading treats the bytes as hostile: the limits are checked on the
 * zip's directory before anything is inflated, entry names must be exactly those the manifest lists, the signature
 * must verify, and every entry must match its size and SHA-256; every record is validated by its schema. Each failure
 * is a VALIDATION error with its own Vietnamese message; nothing here touches the database.
 */
import { inflateRawSync } from '../files/zlib';
import { NewerContentError, upgradeContent } from '../../../shared/model';
import { passphraseBox } from '../crypto/passphrase-box';
import { BackendError } from '../errors';
import { isSafeRelativePath, sha256 } from '../backup/data-files';
import { canonicalJson } from './canonical';
import { fingerprintOf, verifySignature } from './identity';
import { writeZip, type ZipEntry } from './zip-writer';
import { MAX_EVIDENCE_BYTES } from '../../../shared/api/tasks';
import { sniffEvidence } from '../tasks/evidence-store';
import {
  LIMITS,
  MANIFEST_ENTRY,
  Manifest,
  ManifestHead,
  PACKAGE_FORMAT,
  PACKAGE_MAGIC,
  PACKAGE_VERSION,
  AnyRecord,
  SIGNATURE_ENTRY,
  type ManifestRecord,
  type OfficeRef,
  type Sender,
} from './format';

export const refused = (message: string) => new BackendError('VALIDATION', message);
const NOT_A_PACKAGE = 'Tệp không phải gói KẾ HOẠCH (.khx) hoặc đã hỏng: không đọc được.';
const TAMPERED = 'Gói bị sửa sau khi ký';

const box = passphraseBox(PACKAGE_MAGIC, (why) => refused(`Không mở được gói mã hóa: ${why}`));
export const isEncryptedPackage = (bytes: Uint8Array): boolean => box.isSealed(bytes);

const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

export interface PackInput {
  packageId: string;
  createdAt: string;
  appVersion: string;
  sender: Sender;
  receiver: OfficeRef | null;
  records: { record: AnyRecord; document?: Uint8Array; files?: Uint8Array[] }[];
  sign: (message: Uint8Array) => string;
  passphrase?: string;
}

/** The package's bytes: records as canonical JSON, the manifest, its signature; encrypted when a passphrase is given. */
export function packPackage(input: PackInput): Buffer {
  const zip: ZipEntry[] = [];
  const listed: ManifestRecord[] = [];
  const evidence = new Set<string>();
  for (const { record, document, files } of input.records) {
    const bytes = Buffer.from(canonicalJson(record), 'utf8');
    const path = recordPath(record.kind, record.id);
    zip.push({ name: path, data: bytes });
    const entry: ManifestRecord = { kind: record.kind, id: record.id, owner: record.owner.officeId, version: record.version, path, size: bytes.length, sha256: sha256(bytes) };
    if (document) {
      const docPath = `documents/${record.id}.docx`;
      // A .docx is a zip already: stored, not compressed again.
      zip.push({ name: docPath, data: document, stored: true });
      entry.document = { path: docPath, size: document.length, sha256: sha256(document) };
    }
    if (record.kind === 'report' && files) {
      entry.files = record.files.map((f, i) => {
        const ref = { path: `evidence/${f.sha256}`, size: f.size, sha256: f.sha256 };
        if (!evidence.has(ref.path)) {
          evidence.add(ref.path);
          const data = files[i]!;
          // PDF, images and Office files are compressed already; text is not.
          zip.push({ name: ref.path, data, stored: f.mediaType !== 'text/plain' });
        }
        return ref;
      });
    }
    listed.push(entry);
  }
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    packageId: input.packageId,
    createdAt: input.createdAt,
    appVersion: input.appVersion,
    sender: input.sender,
    receiver: input.receiver,
    records: listed,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1), 'utf8');
  zip.unshift({ name: MANIFEST_ENTRY, data: manifestBytes }, { name: SIGNATURE_ENTRY, data: Buffer.from(input.sign(manifestBytes), 'utf8') });
  const zipped = writeZip(zip);
  return input.passphrase ? box.seal(zipped, input.passphrase) : zipped;
}

/** A record's entry in the zip: `records/<id>.json` for a plan (as in version 1), `records/<kind>-<id>.json` else. */
const recordPath = (kind: ManifestRecord['kind'], id: string) => (kind === 'plan' ? `records/${id}.json` : `records/${kind}-${id}.json`);

export interface UnpackedRecord {
  entry: ManifestRecord;
  record: AnyRecord;
  document: Uint8Array | null;
  /** A report's evidence files, in its order. */
  files: Uint8Array[];
}

export type UnpackResult =
  | { needsPassphrase: true }
  | { needsPassphrase: false; encrypted: boolean; manifest: Manifest; records: UnpackedRecord[]; fileSha256: string };

interface ZipEntryInfo {
  name: string;
  /** Compressed size, as the zip's directory gives it. */
  size: number;
  /** Uncompressed size, as the zip's directory gives it (what inflating may produce at most). */
  originalSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where its local header starts. */
  offset: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Where the zip's end record starts. It must end the file (its comment included): a file cut short can end inside a
 * stored .docx, whose own directory would otherwise be read as the package's.
 */
function zipEndRecord(data: Uint8Array): number | null {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let e = data.length - 22; e >= Math.max(0, data.length - 22 - 0xffff); e--) {
    if (view.readUInt32LE(e) === END_SIGNATURE) return e + 22 + view.readUInt16LE(e + 20) === data.length ? e : null;
  }
  return null;
}

/**
 * The zip's directory only (nothing inflated): every central header read within the file, bounds checked. No zip64:
 * sizes and counts are their 32- and 16-bit fields, which the limits below then judge. Names are UTF-8 when the
 * entry says so, else read byte for byte.
 */
function listEntries(data: Uint8Array): ZipEntryInfo[] {
  const end = zipEndRecord(data);
  if (end === null) throw refused(NOT_A_PACKAGE);
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const count = view.readUInt16LE(end + 10);
  if (count > LIMITS.entries) throw refused(`Gói có quá nhiều thành phần (hơn ${LIMITS.entries.toLocaleString('vi-VN')}): không đọc.`);
  const seen: ZipEntryInfo[] = [];
  let at = view.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw refused(NOT_A_PACKAGE);
    const flags = view.readUInt16LE(at + 8);
    const nameLength = view.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    if (next > end) throw refused(NOT_A_PACKAGE);
    const name = view.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    seen.push({ name, size: view.readUInt32LE(at + 20), originalSize: view.readUInt32LE(at + 24), method: view.readUInt16LE(at + 10), offset: view.readUInt32LE(at + 42) });
    at = next;
  }
  return seen;
}

/**
 * The entries named, inflated by node:zlib. Each gives at most the uncompressed size its directory entry declares
 * (which the limits have judged), exactly that size; an encrypted entry or another method is refused.
 */
function inflate(data: Uint8Array, directory: readonly ZipEntryInfo[], names: ReadonlySet<string>): Record<string, Uint8Array> {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const out: Record<string, Uint8Array> = {};
  try {
    for (const e of directory) {
      if (!names.has(e.name)) continue;
      if (e.offset + 30 > view.length || view.readUInt32LE(e.offset) !== LOCAL_SIGNATURE) throw new Error('local header');
      if (view.readUInt16LE(e.offset + 6) & 0x0001) throw new Error('encrypted entry');
      const start = e.offset + 30 + view.readUInt16LE(e.offset + 26) + view.readUInt16LE(e.offset + 28);
      if (start + e.size > view.length) throw new Error('entry past the end');
      const body = view.subarray(start, start + e.size);
      let bytes: Uint8Array;
      if (e.method === 0) bytes = body;
      else if (e.method === 8) bytes = e.originalSize === 0 ? new Uint8Array(0) : inflateRawSync(body, { maxOutputLength: e.originalSize });
      else throw new Error('compression method');
      if (bytes.length !== e.originalSize) throw new Error('size');
      out[e.name] = bytes;
    }
  } catch {
    throw refused(`${NOT_A_PACKAGE.slice(0, -1)} (một thành phần không giải nén được).`);
  }
  return out;
}

/** The limits on the zip's directory: entry count, names, duplicates, total size, compression ratio. */
function checkDirectory(entries: readonly ZipEntryInfo[]): void {
  if (entries.length > LIMITS.entries) throw refused(`Gói có quá nhiều thành phần (${entries.length}; tối đa ${LIMITS.entries}).`);
  const names = new Set<string>();
  let total = 0;
  for (const e of entries) {
    if (!isSafeRelativePath(e.name)) throw refused(`Gói có thành phần mang tên không hợp lệ (đường dẫn ra ngoài hoặc tuyệt đối): ${JSON.stringify(e.name.slice(0, 200))}.`);
    if (names.has(e.name)) throw refused(`Gói có hai thành phần trùng tên: ${e.name}.`);
    names.add(e.name);
    total += e.originalSize;
    if (total > LIMITS.totalBytes) throw refused(`Gói quá lớn: khi giải nén vượt ${mb(LIMITS.totalBytes)}.`);
    if (e.originalSize > LIMITS.ratioFloorBytes && e.originalSize > LIMITS.ratio * Math.max(e.size, 1)) {
      throw refused(`Thành phần ${e.name} bị nén bất thường (gấp ${Math.round(e.originalSize / Math.max(e.size, 1))} lần): nghi là gói độc hại (bom nén), không đọc.`);
    }
  }
  if (!names.has(MANIFEST_ENTRY)) throw refused('Tệp không phải gói KẾ HOẠCH: không có bảng kê (manifest.json).');
  if (!names.has(SIGNATURE_ENTRY)) throw refused('Gói không có chữ ký (manifest.sig): không nhập gói chưa ký.');
}

/** Parse and check the manifest: format, version (a newer one named), schema, fingerprint, signature. */
function readManifest(manifestBytes: Uint8Array, signatureBytes: Uint8Array): Manifest {
  if (manifestBytes.length > LIMITS.manifestBytes) throw refused('Gói quá lớn: bảng kê (manifest.json) vượt giới hạn.');
  let raw: unknown;
  try {
    raw = JSON.parse(utf8(manifestBytes));
  } catch {
    throw refused('Bảng kê của gói (manifest.json) không phải JSON hợp lệ.');
  }
  const head = ManifestHead.safeParse(raw);
  if (!head.success) throw refused('Tệp không phải gói KẾ HOẠCH: bảng kê không mang định dạng kehoach-khx.');
  if (head.data.version > PACKAGE_VERSION) {
    throw refused(`Gói theo định dạng phiên bản ${head.data.version}, mới hơn phiên bản ứng dụng này đọc được (${PACKAGE_VERSION}). Hãy cập nhật ứng dụng rồi nhập lại.`);
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused(`Bảng kê của gói không hợp lệ (trường ${issue?.path.join('.') || '(gốc)'}: ${issue?.message ?? ''}).`);
  }
  const manifest = parsed.data;
  if (fingerprintOf(manifest.sender.publicKey) !== manifest.sender.fingerprint) throw refused(`${TAMPERED}: dấu vân tay của đơn vị gửi không khớp khóa công khai.`);
  const signature = utf8(signatureBytes).trim();
  if (!verifySignature(manifest.sender.publicKey, manifestBytes, signature)) throw refused(`${TAMPERED}: chữ ký không hợp lệ.`);
  return manifest;
}

/**
 * Read a package completely, checking everything listed above. An encrypted package without its passphrase answers
 * `needsPassphrase`. Throws VALIDATION with a Vietnamese message on the first problem.
 */
export interface PackageHead {
  encrypted: boolean;
  fileSha256: string;
  manifest: Manifest;
  /** The zip (decrypted) and its directory, for unpackPackage. */
  data: Uint8Array;
  directory: ZipEntryInfo[];
}

/**
 * The first half of reading: size, decryption, the zip directory's limits, the manifest and its signature. An
 * encrypted package without its passphrase answers `needsPassphrase`.
 */
export function readPackageHead(bytes: Uint8Array, passphrase?: string): PackageHead | { needsPassphrase: true } {
  if (bytes.length === 0) throw refused('Tệp rỗng: không phải gói KẾ HOẠCH (.khx).');
  if (bytes.length > LIMITS.fileBytes) throw refused(`Gói quá lớn (${mb(bytes.length)}; tối đa ${mb(LIMITS.fileBytes)}).`);
  const fileSha256 = sha256(bytes);
  const encrypted = box.isSealed(bytes);
  if (encrypted && !passphrase) return { needsPassphrase: true };
  const data = encrypted ? box.open(bytes, passphrase!) : bytes;
  const directory = listEntries(data);
  checkDirectory(directory);
  const head = inflate(data, directory, new Set([MANIFEST_ENTRY, SIGNATURE_ENTRY]));
  const manifest = readManifest(head[MANIFEST_ENTRY]!, head[SIGNATURE_ENTRY]!);
  return { encrypted, fileSha256, manifest, data, directory };
}

/**
 * Read a package completely, checking everything listed above. An encrypted package without its passphrase answers
 * `needsPassphrase`. Throws VALIDATION with a Vietnamese message on the first problem.
 */
export function unpackPackage(bytes: Uint8Array, passphrase?: string): UnpackResult {
  const head = readPackageHead(bytes, passphrase);
  if ('needsPassphrase' in head) return { needsPassphrase: true };
  return unpackRecords(head);
}

/** Entries exactly the manifest's, every size and SHA-256: the checked bytes by entry name. */
export function verifyEntries(head: PackageHead): (path: string) => Uint8Array {
  const { manifest, directory, data } = head;
  // The entries must be exactly the manifest's, with the sizes it gives (checked before inflating them).
  const expected = new Map<string, number>();
  const ids = new Set<string>();
  const evidence = new Map<string, string>();
  for (const r of manifest.records) {
    const key = `${r.kind}:${r.id}`;
    if (ids.has(key)) throw refused(`${TAMPERED}: bản ghi ${r.id} được kê hai lần.`);
    ids.add(key);
    if (r.path !== recordPath(r.kind, r.id)) throw refused(`${TAMPERED}: bản ghi ${r.id} mang tên thành phần không đúng (${r.path}).`);
    if (r.kind !== 'plan' && r.document) throw refused(`${TAMPERED}: bản ghi ${r.id} không phải kế hoạch mà kèm văn bản.`);
    if (r.kind !== 'report' && r.files) throw refused(`${TAMPERED}: bản ghi ${r.id} không phải báo cáo mà kèm tệp minh chứng.`);
    for (const f of [r, ...(r.document ? [r.document] : [])]) {
      if (expected.has(f.path)) throw refused(`Gói kê hai lần thành phần ${f.path}.`);
      expected.set(f.path, f.size);
    }
    for (const f of r.files ?? []) {
      // The same evidence file may back several reports: one entry, named by its hash.
      if (f.path !== `evidence/${f.sha256}`) throw refused(`${TAMPERED}: tệp minh chứng ${f.path} không mang tên theo mã băm của nó.`);
      const known = evidence.get(f.path);
      if (known === undefined && expected.has(f.path)) throw refused(`Gói kê hai lần thành phần ${f.path}.`);
      if (known !== undefined && expected.get(f.path) !== f.size) throw refused(`${TAMPERED}: tệp minh chứng ${f.path} được kê với hai kích thước.`);
      evidence.set(f.path, f.sha256);
      expected.set(f.path, f.size);
    }
  }
  const present = new Map(directory.map((e) => [e.name, e.originalSize]));
  for (const e of directory) {
    if (e.name !== MANIFEST_ENTRY && e.name !== SIGNATURE_ENTRY && !expected.has(e.name)) throw refused(`Gói có thành phần không được kê trong bảng kê: ${e.name}.`);
  }
  for (const [path, size] of expected) {
    if (!present.has(path)) throw refused(`Gói thiếu thành phần ${path} được kê trong bảng kê.`);
    if (present.get(path) !== size) throw refused(`${TAMPERED}: thành phần ${path} không đúng kích thước đã kê.`);
  }

  const files = inflate(data, directory, new Set(expected.keys()));
  for (const r of manifest.records) {
    for (const f of [r, ...(r.document ? [r.document] : []), ...(r.files ?? [])]) {
      const got = files[f.path];
      if (!got || got.length !== f.size || sha256(got) !== f.sha256) throw refused(`${TAMPERED}: thành phần ${f.path} không khớp mã băm SHA-256 đã kê.`);
    }
  }
  return (path) => files[path]!;
}

/** The second half of reading: verifyEntries, then every record by its schema and against its manifest line. */
export function unpackRecords(head: PackageHead): UnpackResult & { needsPassphrase: false } {
  const { manifest, encrypted, fileSha256 } = head;
  const file = verifyEntries(head);
  const records: UnpackedRecord[] = manifest.records.map((entry) => {
    const raw = file(entry.path);
    const document = entry.document ? file(entry.document.path) : null;
    const evidence = (entry.files ?? []).map((f) => file(f.path));
    let json: unknown;
    try {
      json = JSON.parse(utf8(raw));
    } catch {
      throw refused(`Bản ghi ${entry.path} không phải JSON hợp lệ.`);
    }
    // Content written by an older app is upgraded to today's shape first; a newer one is refused by its version.
    if (entry.kind === 'plan' && json !== null && typeof json === 'object' && 'content' in json) {
      try {
        json = { ...json, content: upgradeContent(json.content) };
      } catch (err) {
        throw refused(`Bản ghi ${entry.path}: ${err instanceof NewerContentError ? err.message : 'nội dung kế hoạch không đọc được.'}`);
      }
    }
    const parsed = AnyRecord.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw refused(`Bản ghi ${entry.path} không hợp lệ (trường ${issue?.path.join('.') || '(gốc)'}: ${issue?.message ?? ''}).`);
    }
    const record = parsed.data;
    if (record.id !== entry.id || record.kind !== entry.kind || record.owner.officeId !== entry.owner || record.version !== entry.version) {
      throw refused(`${TAMPERED}: bản ghi ${entry.path} không khớp bảng kê (mã, loại, đơn vị sở hữu hoặc phiên bản).`);
    }
    if (record.kind === 'report') {
      const listed = entry.files ?? [];
      if (listed.length !== record.files.length || record.files.some((f, i) => f.sha256 !== listed[i]!.sha256 || f.size !== listed[i]!.size)) {
        throw refused(`${TAMPERED}: báo cáo ${entry.path} không khớp các tệp minh chứng đã kê.`);
      }
      // Evidence is held to the rules of a file attached here: its size, and its type read from its content.
      record.files.forEach((f, i) => {
        if (f.size > MAX_EVIDENCE_BYTES) throw refused(`Tệp minh chứng «${f.name}» của báo cáo ${entry.path} lớn hơn 25 MB: không nhận.`);
        if (sniffEvidence(evidence[i]!) !== f.mediaType) {
          throw refused(`Tệp minh chứng «${f.name}» của báo cáo ${entry.path} không đúng loại đã ghi (xét theo nội dung tệp): không nhận.`);
        }
      });
    }
    return { entry, record, document, files: evidence };
  });
  return { needsPassphrase: false, encrypted, manifest, records, fileSha256 };
}
