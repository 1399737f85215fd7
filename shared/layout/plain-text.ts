/** The layout as plain text, one paragraph a line, in print order (tests, search snippets, clipboard). */
import type { DocumentLayout, LayoutParagraph } from './types';

const line = (p: LayoutParagraph) => p.runs.map((r) => (r.breakBefore ? `\n${r.text}` : r.text)).join('');

export function layoutToPlainText(layout: DocumentLayout): string {
  const out: string[] = [];
  for (const row of layout.header.rows) out.push(...row.left.map(line), ...row.right.map(line));
  out.push(...layout.title.map(line), ...layout.body.map(line));
  out.push(...layout.closing.left.map(line), ...layout.closing.right.map(line));
  for (const a of layout.appendices) {
    out.push(line(a.label));
    if (a.name) out.push(line(a.name));
    out.push(line(a.line), ...a.intro.map(line));
    for (const t of a.tables) for (const r of [...t.headerRows, ...t.rows]) for (const c of r.cells) out.push(...c.paragraphs.map(line));
  }
  for (const f of layout.footnotes) out.push(`${f.id} ${line(f.paragraph)}`);
  return out.join('\n');
}
