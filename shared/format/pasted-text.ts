/**
 * Text pasted from Word or a web page into a field: tabs become single spaces, line breaks are normalised, and a
 * text of several lines can be split into paragraphs, or into items when its lines start with a list marker
 * ("-" or "+"; Word's "•" and "–" read as "-"). Pure: the editor's paste offer and an importer share it.
 */

/** Word's bullets and dashes that mean a "-" item; "+" is the sub-item marker of the KẾ HOẠCH. */
const MARKER = /^\s*([-+•–·])(?:\s+|$)/u;
/** Every control character but the line feed (tab, vertical tab, form feed, C1…). */
const OTHER_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/gu;

/**
 * "a\t\tb\r\nc" → "a b\nc": line breaks of any kind ("\r\n", "\r", U+2028/2029, Word's vertical tab for a manual
 * line break) become "\n"; a run of tabs, with the spaces around it, becomes one space; any other control character
 * becomes a space. Text without them is returned as it is.
 */
export function normalizePastedText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u000B\u000C\u2028\u2029]/gu, '\n')
    .replace(/ *\t[\t ]*/gu, ' ')
    .replace(OTHER_CONTROL, ' ');
}

/** Single-line fields: the pasted text on one line (line breaks at its ends dropped, each inner one a space). */
export function pastedOnOneLine(raw: string): string {
  return normalizePastedText(raw)
    .replace(/^\n+|\n+$/gu, '')
    .replace(/ *\n[\n ]*/gu, ' ');
}

export interface PastedLine {
  text: string;
  /** The list marker the line started with (dropped from `text`); null for a plain line. */
  marker: '-' | '+' | null;
}

export interface PastedLines {
  /** 'items' when every line starts with a list marker, else 'paragraphs'. */
  kind: 'paragraphs' | 'items';
  lines: PastedLine[];
}

/**
 * The non-blank lines of a normalised text, each trimmed, with its list marker read off. Null when there are fewer
 * than two: nothing to split.
 */
export function splitPastedLines(text: string): PastedLines | null {
  const raw = normalizePastedText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (raw.length < 2) return null;
  const lines = raw.map((line): PastedLine => {
    const m = MARKER.exec(line);
    if (!m) return { text: line, marker: null };
    return { text: line.slice(m[0].length).trim(), marker: m[1] === '+' ? '+' : '-' };
  });
  const items = lines.every((l) => l.marker !== null);
  return items ? { kind: 'items', lines } : { kind: 'paragraphs', lines: raw.map((text) => ({ text, marker: null })) };
}
