/**
 * The content as it may print: a raw control character (a tab or line break pasted inside one text field) becomes a
 * space, so the preview and the .docx show the same single paragraph and the .docx never holds one. shared/lint
 * reports these characters; splitting pasted lines into paragraphs is the editor's paste dialog. The trích yếu and
 * the issuer's lines keep their line breaks: they print as line breaks.
 */
import { hasControlChars, replaceControlChars } from '../format/text-chars';
import type { PlanContent } from '../model/plan';

/** `v` with control characters replaced; unchanged parts are returned as they are (the same objects). */
function clean<T>(v: T): T {
  if (typeof v === 'string') return (hasControlChars(v) ? replaceControlChars(v) : v) as T;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    v.forEach((x: unknown, i) => {
      const c = clean(x);
      if (c !== x) (out ??= [...v])[i] = c;
    });
    return (out ?? v) as T;
  }
  if (v && typeof v === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (c !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = c;
    }
    return (out ?? v) as T;
  }
  return v;
}

/** The trích yếu and the issuer's lines print line by line: a line break there is a wanted break. */
export function printableContent(content: PlanContent): PlanContent {
  const lines = { keepLineBreaks: true };
  const cleaned = clean(content);
  const { issuer } = content.header;
  const name = replaceControlChars(issuer.name, lines);
  const higherLines = issuer.higherLines.map((l) => replaceControlChars(l, lines));
  const sameIssuer = name === cleaned.header.issuer.name && higherLines.every((l, i) => l === cleaned.header.issuer.higherLines[i]);
  const header = sameIssuer ? cleaned.header : { ...cleaned.header, issuer: { ...cleaned.header.issuer, name, higherLines } };
  return { ...cleaned, header, trichYeu: replaceControlChars(content.trichYeu, lines) };
}
