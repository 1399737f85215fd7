/**
 * Passphrase encryption of a whole file (a `.khbak`, a `.khx` holding a MẬT plan): scrypt (N = 2^15, r = 8, p = 1)
 * derives a 256-bit key from the passphrase and a random salt, AES-256-GCM encrypts with a random nonce, and the
 * header (magic, parameters, salt, nonce) is authenticated too. This protects a lost USB stick; it is not cơ yếu
 * (state cipher) encryption. Each file kind has its own 8-byte magic, so one is never taken for the other.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const HEADER_BYTES = 8 + 4 + 16 + 12;
const TAG_BYTES = 16;
/** scrypt cost: N = 2^15 (32 MB of memory, about 0.1 s), r = 8, p = 1. */
const SCRYPT = { log2N: 15, r: 8, p: 1 } as const;

function deriveKey(passphrase: string, salt: Buffer, log2N: number, r: number, p: number): Buffer {
  const N = 2 ** log2N;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r });
}

export interface PassphraseBox {
  /** The file starts with this kind's magic. */
  isSealed(bytes: Uint8Array): boolean;
  seal(plain: Uint8Array, passphrase: string): Buffer;
  /** Throws `refuse(why)` (a Vietnamese reason) on a cut file, unknown parameters, a wrong passphrase or tampering. */
  open(bytes: Uint8Array, passphrase: string): Buffer;
}

/** `magic`: 8 latin-1 characters naming the file kind; `refuse` builds the error thrown for a file that cannot be opened. */
export function passphraseBox(magic: string, refuse: (why: string) => Error): PassphraseBox {
  const MAGIC = Buffer.from(magic, 'latin1');
  if (MAGIC.length !== 8) throw new Error('The magic of a passphrase box is 8 bytes');
  const isSealed = (bytes: Uint8Array): boolean => bytes.length >= MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
  return {
    isSealed,
    seal(plain, passphrase) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const header = Buffer.concat([MAGIC, Buffer.from([1, SCRYPT.log2N, SCRYPT.r, SCRYPT.p]), salt, iv]);
      const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, SCRYPT.log2N, SCRYPT.r, SCRYPT.p), iv);
      cipher.setAAD(header);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([header, body, cipher.getAuthTag()]);
    },
    open(bytes, passphrase) {
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (buf.length < HEADER_BYTES + TAG_BYTES) throw refuse('tệp mã hóa bị cắt cụt.');
      const header = buf.subarray(0, HEADER_BYTES);
      const [version, log2N, r, p] = [header[8]!, header[9]!, header[10]!, header[11]!];
      if (version !== 1 || log2N < 15 || log2N > 20 || r < 1 || r > 16 || p < 1 || p > 4) throw refuse('tệp mã hóa theo cách ứng dụng không hiểu.');
      const salt = header.subarray(12, 28);
      const iv = header.subarray(28, 40);
      const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt, log2N, r, p), iv);
      decipher.setAAD(header);
      decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(buf.subarray(HEADER_BYTES, buf.length - TAG_BYTES)), decipher.final()]);
      } catch {
        throw refuse('mật khẩu không đúng, hoặc tệp đã bị sửa đổi hay hỏng.');
      }
    },
  };
}
