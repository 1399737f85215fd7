/**
 * The office's identity for data exchange: an office id and an Ed25519 key pair (node:crypto), made on the first open
 * of a data folder. The private key lives in `identity/office-key.json` in the data folder, readable by the user
 * alone (mode 0600), never in the database and so never in a database backup; an encrypted `.khbak` carries it only
 * when the clerk asks (backup/khbak.ts). The office id is also the settings row `office.id`.
 *
 * A fingerprint is what two clerks compare over the phone: SHA-256 of a version tag and the raw 32-byte public key,
 * read as six groups of five decimal digits (each group a 5-byte chunk mod 100000, as Signal's safety numbers).
 */
import { createHash, createPrivateKey, randomBytes, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeNewFileSync } from '../files/durable';

export const IDENTITY_FOLDER = 'identity';
export const KEY_FILE = 'office-key.json';
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A replaced key: the old public key and its signature over the replacement (replacementMessage). */
export const KeyReplacement = z.object({
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/u),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/u),
});
export type KeyReplacement = z.infer<typeof KeyReplacement>;

const KeyFile = z.object({
  format: z.literal('kehoach-office-key'),
  version: z.literal(1),
  officeId: z.string().uuid(),
  createdAt: z.string(),
  publicKey: z.string(),
  /** PKCS#8 DER, base64. */
  privateKey: z.string(),
  /** The key this one replaced, signed by it (the newest replacement only). */
  replaces: KeyReplacement.optional(),
});
type KeyFile = z.infer<typeof KeyFile>;

export interface OfficeIdentity {
  officeId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  fingerprint: string;
  createdAt: string;
  replaces?: KeyReplacement;
  sign(message: Uint8Array): string;
}

export const rawPublicKey = (key: KeyObject): Buffer => key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);

const publicKeyObject = (raw: string): KeyObject | null => {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) return null;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, bytes]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
};

/** "12345 67890 …": six groups of five digits from SHA-256 of the raw public key. */
export function fingerprintOf(publicKey: string): string {
  const digest = createHash('sha256').update('kehoach-fingerprint-v1\0').update(Buffer.from(publicKey, 'base64')).digest();
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) groups.push(String(digest.readUIntBE(i * 5, 5) % 100000).padStart(5, '0'));
  return groups.join(' ');
}

/** Ed25519 verification of a base64 signature by a base64 raw public key; false for anything malformed. */
export function verifySignature(publicKey: string, message: Uint8Array, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  const sig = Buffer.from(signature, 'base64');
  if (!key || sig.length !== 64) return false;
  try {
    return verify(null, message, key, sig);
  } catch {
    return false;
  }
}

/** What an old key signs when an office replaces it: the office and the new key. */
export const replacementMessage = (officeId: string, newPublicKey: string): Buffer =>
  Buffer.from(`kehoach-key-replacement\n${officeId}\n${newPublicKey}`, 'utf8');

const keyPath = (dataDir: string) => join(dataDir, IDENTITY_FOLDER, KEY_FILE);

/**
 * Write the key file through a hidden temp file (fsync, mode 0600). `replace`: rename over the old key; otherwise the
 * file is only created when there is none (a hard link, atomic), so two backends opening one new data folder at once
 * end with the same key: the loser reads the winner's.
 */
function writeKeyFile(dataDir: string, file: KeyFile, replace: boolean): void {
  const dir = join(dataDir, IDENTITY_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  writeNewFileSync(tmp, Buffer.from(JSON.stringify(file, null, 2), 'utf8'), 0o600);
  try {
    if (replace) renameSync(tmp, keyPath(dataDir));
    else linkSync(tmp, keyPath(dataDir));
  } catch (err) {
    if (replace || (err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    if (!replace) rmSync(tmp, { force: true });
  }
}

function identityOf(file: KeyFile): OfficeIdentity {
  const privateKey = createPrivateKey({ key: Buffer.from(file.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const publicKey = rawPublicKey(createPublicKey(privateKey)).toString('base64');
  return {
    officeId: file.officeId,
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    createdAt: file.createdAt,
    replaces: file.replaces,
    sign: (message) => sign(null, message, privateKey).toString('base64'),
  };
}

function newKeyFile(officeId: string, createdAt: string, replaces?: KeyReplacement): KeyFile {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    format: 'kehoach-office-key',
    version: 1,
    officeId,
    createdAt,
    publicKey: rawPublicKey(publicKey).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    replaces,
  };
}

/** The key file read back, or null when there is none; a file that cannot be read is an error (never replaced silently). */
export function readIdentity(dataDir: string): OfficeIdentity | null {
  const path = keyPath(dataDir);
  if (!existsSync(path)) return null;
  let parsed: KeyFile;
  try {
    parsed = KeyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
    return identityOf(parsed);
  } catch {
    throw new Error(`Tệp khóa của cơ quan (${path}) bị hỏng hoặc không đọc được. Hãy khôi phục nó từ bản sao lưu .khbak có kèm khóa.`);
  }
}

/**
 * The office's identity, made on first use: the key file is read, or written for `officeId` (the settings row, when
 * the office already has one) or a new id. The key file is the authority for the id once it exists.
 */
export function ensureIdentity(dataDir: string, officeId: () => string, now: () => string): OfficeIdentity {
  const existing = readIdentity(dataDir);
  if (existing) return existing;
  writeKeyFile(dataDir, newKeyFile(officeId(), now()), false);
  return readIdentity(dataDir)!;
}

/** A new key pair for the same office; the old key signs the replacement, which key cards then carry. */
export function replaceIdentity(dataDir: string, current: OfficeIdentity, now: () => string): OfficeIdentity {
  const next = newKeyFile(current.officeId, now());
  next.replaces = { publicKey: current.publicKey, signature: current.sign(replacementMessage(current.officeId, next.publicKey)) };
  writeKeyFile(dataDir, next, true);
  return identityOf(next);
}
