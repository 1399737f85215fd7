/** The layout as plain text, one paragraph a line, in print order (tests, search snippets, clipboard). */
import type { DocumentLayout, LayoutParagraph, LayoutTable } from './types';

/** A bordered table: one line per cell paragraph; a borderless one (aligned lines): one line per row, cells joined by a space. */
function tableLines(t: LayoutTable): string[] {
  const rows = [...t.headerRows, ...t.rows];
  if (t.borderPt === 0) return rows.map((r) => r.cells.map((c) => c.paragraphs.map(line).join(' ')).filter(Boolean).join(' '));
  return rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.map(line)));
}

const line = (p: LayoutParagraph) => p.runs.map((r) => (r.breakBefore ? `\n${r.text}` : r.text)).join('');

export function layoutToPlainText(layout: DocumentLayout): string {
  const out: string[] = [];
  for (const row of layout.header.rows) out.push(...row.left.map(line), ...row.right.map(line));
  out.push(...layout.title.map(line));
  for (const b of layout.body) {
    if (b.kind === 'table') out.push(...tableLines(b.table));
    else out.push(line(b));
  }
  out.push(...layout.closing.left.map(line), ...layout.closing.right.map(line));
  for (const a of layout.appendices) {
    out.push(line(a.label));
    if (a.name) out.push(line(a.name));
    out.push(line(a.line), ...a.intro.map(line));
    for (const t of a.tables) out.push(...tableLines(t));
  }
  for (const f of layout.footnotes) out.push(`${f.id} ${line(f.paragraph)}`);
  return out.join('\n');
}
