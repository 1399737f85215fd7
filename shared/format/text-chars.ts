/**
 * Characters that never belong in a printed document: raw control characters (a pasted tab or line break inside
 * one text field) and emoji or pictographs. The layout turns control characters into spaces so the preview and the
 * .docx read the same; shared/lint reports both kinds with a one-click fix built from these functions.
 */

/** Tabs, line and paragraph breaks, and every other C0/C1 control character. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
const CONTROL_RUNS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/gu;

/**
 * Emoji and pictographs: the blocks the format checker rejects (U+1F000–1FAFF, U+2600–27BF, variation selector 16,
 * zero-width joiner) and the rest of the common emoji (stars, squares, hourglasses, keycaps, tags).
 */
const EMOJI_CLASS = '[\\u{1F000}-\\u{1FAFF}\\u{2600}-\\u{27BF}\\u{FE0F}\\u{200D}\\u{20E3}\\u{231A}\\u{231B}\\u{23E9}-\\u{23FA}\\u{2B1B}\\u{2B1C}\\u{2B50}\\u{2B55}\\u{3030}\\u{303D}\\u{3297}\\u{3299}\\u{E0020}-\\u{E007F}]';
const EMOJI = new RegExp(EMOJI_CLASS, 'u');
const EMOJI_RUNS = new RegExp(`(\\s?)${EMOJI_CLASS}+(\\s?)`, 'gu');

/** Options for multi-line fields (the trích yếu): line breaks ("\n", "\r\n") are wanted there and kept. */
export interface ControlCharOptions {
  keepLineBreaks?: boolean;
}

const withoutLineBreaks = (s: string): string => s.replace(/\r?\n/gu, '');

export function hasControlChars(s: string, options: ControlCharOptions = {}): boolean {
  return CONTROL.test(options.keepLineBreaks ? withoutLineBreaks(s) : s);
}

/** "a\tb\r\nc" → "a b c": every run of control characters becomes one space (line breaks kept as "\n" if asked). */
export function replaceControlChars(s: string, options: ControlCharOptions = {}): string {
  if (!CONTROL.test(s)) return s;
  if (!options.keepLineBreaks) return s.replace(CONTROL_RUNS, ' ');
  return s
    .split(/\r?\n/u)
    .map((line) => line.replace(CONTROL_RUNS, ' '))
    .join('\n');
}

export const hasEmoji = (s: string): boolean => EMOJI.test(s);

/** The distinct emoji characters of a text, in order ("🎉", "✅"), for messages. */
export function emojiIn(s: string): string[] {
  const out: string[] = [];
  for (const ch of s) if (EMOJI.test(ch) && !/[\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]/u.test(ch) && !out.includes(ch)) out.push(ch);
  return out;
}

/** The text without its emoji; the space around a removed emoji is kept once ("Họp 🎉 chi bộ" → "Họp chi bộ"). */
export function removeEmoji(s: string): string {
  if (!EMOJI.test(s)) return s;
  return s.replace(EMOJI_RUNS, (whole: string, before: string, after: string, offset: number, all: string) => {
    const atEdge = offset === 0 || offset + whole.length === all.length;
    return !atEdge && (before || after) ? ' ' : '';
  });
}
