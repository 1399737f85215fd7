/**
 * Accent folding for Vietnamese search: "Đại hội điểm" → "dai hoi diem".
 *
 * SQLite here has no ICU, so LOWER()/LIKE only know ASCII and unicode61 does not map "đ" to "d" (it is a letter of
 * its own, not a base letter with a mark). We fold in TypeScript and store the folded text in a search column.
 * Steps: NFD (split base letters from their marks), drop every combining mark, đ/Đ → d, lowercase.
 */
const COMBINING_MARKS = /\p{M}+/gu;
const D_STROKE = /[đĐ]/g;

export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_STROKE, 'd').toLowerCase();
}

/** The words of a text, folded: letters and digits runs only ("Số 315-KH/HU" → ["so", "315", "kh", "hu"]). */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
