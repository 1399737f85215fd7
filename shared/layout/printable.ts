/**
 * The content as it may print: a raw control character (a tab or line break pasted inside one text field) becomes a
 * space, so the preview and the .docx show the same single paragraph and the .docx never holds one. shared/lint
 * reports these characters; splitting pasted lines into paragraphs is the editor's paste dialog. The trích yếu keeps
 * its line breaks: they print as line breaks in the title.
 */
import { hasControlChars, replaceControlChars } from '../format/text-chars';
import type { PlanContent } from '../model/plan';

function clean<T>(v: T): T {
  if (typeof v === 'string') return (hasControlChars(v) ? replaceControlChars(v) : v) as T;
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = clean(x);
    return out as T;
  }
  return v;
}

/** The trích yếu is printed line by line (a line break there is a wanted break in the title). */
export function printableContent(content: PlanContent): PlanContent {
  return { ...clean(content), trichYeu: replaceControlChars(content.trichYeu, { keepLineBreaks: true }) };
}
