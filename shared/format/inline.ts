/**
 * The inline markup of body texts (see shared/model/plan.ts):
 *   *text*     italic   — an asterisk followed by a space (or at the end) is a literal "*"
 *   **text**   bold
 *   [^text]    a footnote with that text (numbered later, by the layout)
 * A marker with no partner is printed as typed.
 */

export type InlineSpan =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean }
  | { kind: 'footnote'; text: string };

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);

/** Index of the "]" closing a "[^" opened at `start`, allowing nested brackets; -1 if none. */
function footnoteEnd(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Whether a closing marker (`**` or `*`) preceded by a non-space exists after `from`. */
function hasCloser(s: string, from: number, marker: '**' | '*'): boolean {
  for (let i = s.indexOf(marker, from); i !== -1; i = s.indexOf(marker, i + 1)) {
    if (marker === '*' && s[i + 1] === '*' && s[i - 1] !== '*') {
      // part of a "**" pair: only acceptable as italic closer when it ends "***"
      continue;
    }
    if (!isSpace(s[i - 1])) return true;
  }
  return false;
}

/**
 * Whether the `marker` at `at` switches its formatting: closes it when `on` (after a non-space), opens it otherwise
 * (before a non-space, with a closer further on).
 */
function toggles(s: string, at: number, on: boolean, marker: '**' | '*'): boolean {
  if (!s.startsWith(marker, at)) return false;
  if (on) return !isSpace(s[at - 1]);
  return !isSpace(s[at + marker.length]) && hasCloser(s, at + marker.length + 1, marker);
}

/** Split a marked-up text into formatted spans and footnotes, merging neighbours with equal formatting. */
export function parseInline(src: string): InlineSpan[] {
  const out: InlineSpan[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = () => {
    if (!buf) return;
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && last.bold === bold && last.italic === italic) last.text += buf;
    else out.push({ kind: 'text', text: buf, bold, italic });
    buf = '';
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '[' && src[i + 1] === '^') {
      const end = footnoteEnd(src, i);
      if (end !== -1) {
        flush();
        out.push({ kind: 'footnote', text: src.slice(i + 2, end).trim() });
        i = end + 1;
        continue;
      }
    }
    if (toggles(src, i, bold, '**')) {
      flush();
      bold = !bold;
      i += 2;
      continue;
    }
    if (toggles(src, i, italic, '*')) {
      flush();
      italic = !italic;
      i += 1;
      continue;
    }
    buf += c;
    i += 1;
  }
  flush();
  return out;
}

/** The text with markup removed and footnotes dropped (for search, lint and plain-text exports). */
export function stripInline(src: string): string {
  return parseInline(src)
    .map((s) => (s.kind === 'text' ? s.text : ''))
    .join('');
}
