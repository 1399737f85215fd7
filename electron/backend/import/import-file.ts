/**
 * Importing a file or a pasted text: check what it is, read it (a .docx through docx-reader.ts, a text through
 * shared/import's text splitter with the legacy-font detector), recognise the plan. A file that cannot be a plan is
 * refused with a Vietnamese reason (ImportRefused): a password-protected .docx, an old binary .doc, a zip that is
 * no .docx, a PDF, a file over the size limit, an empty text. Nothing is ever written here.
 */
import { MAX_OPEN_BYTES } from '../../../shared/api/file';
import { convertLegacyText, findLegacyText, LEGACY_ENCODING_NAMES, type LegacyEncoding } from '../../../shared/format/legacy-text';
import { NotAPlanError, recognise, sourceFromText, type ImportResult, type RecogniseOptions, type SourceDocument } from '../../../shared/import';
import { isZip, NotAZipError, readZipEntries, ZipLimitError } from '../files/zip-limits';
import { DOCX_PARTS, readDocxParts } from './docx-reader';
import { ImportRefused } from './refuse';
import { XmlError } from './xml';

/** The largest file the importer reads: the same limit as every file the app opens. */
export const MAX_IMPORT_BYTES = MAX_OPEN_BYTES;
const ZIP_LIMITS = { maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptedPackage" in UTF-16: a password-protected Office file is an OLE container holding that stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).includes(name);
}

/** What kind of bytes these are, refusing what the importer cannot read. */
export function sniff(bytes: Uint8Array, fileName: string): 'docx' | 'text' {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportRefused(`Tệp ${fileName} quá lớn (${mb(bytes.byteLength)}); chỉ nhập được tệp đến ${mb(MAX_IMPORT_BYTES)}. Không có gì được ghi.`);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOffice(bytes)) {
      throw new ImportRefused(`Tệp ${fileName} được đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) và lưu lại rồi nhập. Không có gì được ghi.`);
    }
    throw new ImportRefused(`Tệp ${fileName} là tệp Word cũ (.doc): hãy mở bằng Word hoặc LibreOffice và lưu thành .docx, hoặc sao chép toàn bộ văn bản rồi dán vào ô "Dán văn bản". Không có gì được ghi.`);
  }
  if (isZip(bytes)) return 'docx';
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) {
    throw new ImportRefused(`Tệp ${fileName} là PDF: hãy mở tệp, chọn toàn bộ văn bản, sao chép và dán vào ô "Dán văn bản". Không có gì được ghi.`);
  }
  if (head.startsWith('{\\rtf')) {
    throw new ImportRefused(`Tệp ${fileName} là RTF: hãy mở bằng Word hoặc LibreOffice và lưu thành .docx. Không có gì được ghi.`);
  }
  if (/\.docx$/iu.test(fileName)) throw new ImportRefused(`Tệp ${fileName} không phải tệp Word .docx hợp lệ (tệp hỏng hoặc sai định dạng). Không có gì được ghi.`);
  if (bytes.includes(0)) throw new ImportRefused(`Tệp ${fileName} không phải văn bản hay tệp Word .docx. Không có gì được ghi.`);
  return 'text';
}

function docxSource(bytes: Uint8Array, fileName: string): SourceDocument {
  let parts: Record<string, Uint8Array>;
  try {
    parts = readZipEntries(bytes, (name) => DOCX_PARTS.includes(name), ZIP_LIMITS);
  } catch (e) {
    if (e instanceof ZipLimitError) throw new ImportRefused(`Tệp ${fileName} giải nén ra quá lớn (có thể là tệp độc hại); không nhập. Không có gì được ghi.`);
    if (e instanceof NotAZipError) throw new ImportRefused(`Tệp ${fileName} bị hỏng (không giải nén được). Không có gì được ghi.`);
    throw e;
  }
  if (!parts['word/document.xml']) {
    throw new ImportRefused(`Tệp ${fileName} là tệp nén nhưng không phải văn bản Word .docx (không có phần word/document.xml). Không có gì được ghi.`);
  }
  try {
    return readDocxParts(parts);
  } catch (e) {
    if (e instanceof XmlError) throw new ImportRefused(`Tệp ${fileName} bị hỏng: nội dung Word không đọc được. Không có gì được ghi.`);
    throw e;
  }
}

/** Text typed in a TCVN3/VNI font found in a pasted text or a .txt: the encoding and a few words as pasted. */
export interface LegacyFound {
  encoding: LegacyEncoding;
  examples: string[];
}

export interface ImportOptions extends Pick<RecogniseOptions, 'overrides'> {
  /** A pasted text's legacy-font words: converted to Unicode (the default) or kept as pasted (the clerk said no). */
  legacy?: 'convert' | 'keep';
}

/** What the importer read: the recognised plan, and the legacy-font text found in a pasted text (null for none). */
export interface ImportReading extends ImportResult {
  legacy: LegacyFound | null;
}

/**
 * A pasted text (or a .txt): legacy-font text converted with a note the clerk confirms (or kept as pasted when she
 * says so), then split into paragraphs.
 */
export function textSource(text: string, legacy: 'convert' | 'keep' = 'convert'): SourceDocument & { legacy: LegacyFound | null } {
  const match = findLegacyText(text);
  const convert = match !== null && legacy === 'convert';
  const source = sourceFromText(convert ? convertLegacyText(text, match) : text);
  if (convert) {
    source.notes.push(`Văn bản gõ bằng phông ${LEGACY_ENCODING_NAMES[match.encoding]} (ví dụ "${match.examples.join('", "')}") đã được chuyển sang Unicode; hãy đọc lại để xác nhận.`);
  }
  return { ...source, legacy: match ? { encoding: match.encoding, examples: match.examples } : null };
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(bytes.subarray(2)).toString('utf16le');
  return new TextDecoder('utf-8').decode(bytes);
}

function recogniseOrRefuse(source: SourceDocument & { legacy?: LegacyFound | null }, what: string, options: ImportOptions): ImportReading {
  try {
    return { ...recognise(source, options.overrides ? { overrides: options.overrides } : {}), legacy: source.legacy ?? null };
  } catch (e) {
    if (e instanceof NotAPlanError) throw new ImportRefused(`${what}: ${e.message} Không có gì được ghi.`);
    throw e;
  }
}

/** Import a file's bytes (.docx or text). Throws ImportRefused with the reason. */
export function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportReading {
  const kind = sniff(bytes, fileName);
  const source = kind === 'docx' ? docxSource(bytes, fileName) : textSource(decodeText(bytes), options.legacy);
  return recogniseOrRefuse(source, `Tệp ${fileName}`, options);
}

/** Import a pasted text. Throws ImportRefused with the reason. */
export function importText(text: string, options: ImportOptions = {}): ImportReading {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportRefused(`Văn bản dán vào quá dài; chỉ nhập được đến ${mb(MAX_IMPORT_BYTES)}. Không có gì được ghi.`);
  return recogniseOrRefuse(textSource(text, options.legacy), 'Văn bản dán vào', options);
}
