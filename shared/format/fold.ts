/**
 * Accent folding for Vietnamese search: "Đại hội điểm" → "dai hoi diem".
 *
 * SQLite here has no ICU, so LOWER()/LIKE only know ASCII and unicode61 does not map "đ" to "d" (it is a letter of
 * its own, not a base letter with a mark). We fold in TypeScript and store the folded text in a search column.
 * Steps: NFD (split base letters from their marks), drop every combining mark, đ/Đ → d, lowercase.
 */
const COMBINING_MARKS = /\p{M}+/gu;
const D_STROKE = /[đĐ]/g;

/** Each non-ASCII character (or surrogate pair) folded once: NFD of a whole plan's text dominated its saves. */
const folded = new Map<string, string>();
const foldOne = (ch: string): string => ch.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_STROKE, 'd');

/**
 * A BMP character's fold when it is one UTF-16 unit (an 'ấ' → 'a'): UNKNOWN until first met, WIDER when it folds to
 * none or several units (a lone combining mark → '', read from `folded`).
 */
const UNKNOWN = -2;
const WIDER = -1;
let unitFold: Int32Array | null = null;
let units = new Uint16Array(4096);
const utf16 = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le', { ignoreBOM: true });

/** The fold of a BMP non-surrogate character code, as one unit or WIDER (its text then in `folded`). */
function unitOf(table: Int32Array, code: number): number {
  let u = table[code]!;
  if (u === UNKNOWN) {
    const ch = String.fromCharCode(code);
    const f = foldOne(ch);
    u = f.length === 1 ? f.charCodeAt(0) : WIDER;
    if (u === WIDER) folded.set(ch, f);
    table[code] = u;
  }
  return u;
}

/**
 * Character by character (ASCII copied as it is), the same as folding the whole text at once: NFD, marks and đ per
 * character, then one lowercase. The folded units are written into a reused buffer and decoded once; a text holding
 * surrogates (emoji and the like; a lone one must stay as it is) goes through the string path.
 */
export function foldVietnamese(text: string): string {
  const n = text.length;
  if (!utf16) return foldByString(text);
  const table = (unitFold ??= new Int32Array(0x10000).fill(UNKNOWN));
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  let out = units;
  let j = 0;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[j++] = code;
      continue;
    }
    if (code >= 0xd800 && code < 0xe000) return foldByString(text);
    ascii = false;
    const u = unitOf(table, code);
    if (u >= 0) {
      out[j++] = u;
      continue;
    }
    const f = folded.get(String.fromCharCode(code))!;
    if (j + f.length + (n - i) > out.length) {
      const wider = new Uint16Array((j + f.length + n - i) * 2);
      wider.set(out.subarray(0, j));
      out = wider;
    }
    for (let k = 0; k < f.length; k++) out[j++] = f.charCodeAt(k);
  }
  if (ascii) return text.toLowerCase();
  return utf16.decode(out.subarray(0, j)).toLowerCase();
}

/** The same fold over strings: characters outside the BMP, lone surrogates, or no TextDecoder. */
function foldByString(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (i > start) out += text.slice(start, i);
    const pair = code >= 0xd800 && code < 0xdc00 && i + 1 < text.length;
    const ch = pair ? text.slice(i, i + 2) : text[i]!;
    if (pair) i++;
    let f = folded.get(ch);
    if (f === undefined) {
      f = foldOne(ch);
      if (folded.size < 10_000) folded.set(ch, f);
    }
    out += f;
    start = i + 1;
  }
  if (start < text.length) out += text.slice(start);
  return out.toLowerCase();
}

/** The words of a text, folded: letters and digits runs only ("Số 315-KH/HU" → ["so", "315", "kh", "hu"]). */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A name compared as a name: folded, spacing collapsed ("Đảng  ủy xã" = "DANG UY XA"). */
export function foldName(text: string): string {
  return foldVietnamese(text.normalize('NFC')).replace(/\s+/gu, ' ').trim();
}
