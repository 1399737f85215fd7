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
 * Character by character (ASCII runs copied as they are), the same as folding the whole text at once: NFD, marks and
 * đ per character, then one lowercase.
 */
export function foldVietnamese(text: string): string {
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
