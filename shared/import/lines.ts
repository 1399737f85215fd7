/**
 * The source flattened into lines: one per paragraph, with its plain text, its text with inline markup (runs
 * whose bold/italic differ from the paragraph's own become "**…**" / "*…*", footnotes "[^…]") and the paragraph's
 * dominant formatting. The two-column layout tables (header, closing block) are read cell by cell.
 */
import type { AppendixTable, TableCell } from '../model/plan';
import { isPersonLinesTable } from './people';
import { paragraphText, type SourceAlign, type SourceBlock, type SourceParagraph, type SourceTable } from './source';

export interface Line {
  /** Position in the flattened list. */
  index: number;
  /** Plain text, line breaks as "\n", trimmed. */
  text: string;
  /** The text with inline markup relative to the paragraph's own formatting. */
  marked: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  align?: SourceAlign;
  style?: string;
  /** The column of a layout table the line sat in. */
  column?: 'left' | 'right';
  pageBreakBefore?: boolean;
  /** A content table (kept whole). */
  table?: SourceTable;
  /** Formatting is known (a .docx); false for a pasted text. */
  formatted: boolean;
  /** A role the clerk chose by hand in the review (a body role: heading, runin, paragraph, item, note). */
  forced?: OverridableRole;
}

/** The roles a paragraph's recognised role can be changed to by hand; 'boilerplate' leaves the paragraph out. */
export const OVERRIDABLE_ROLES = ['heading', 'runin', 'paragraph', 'item', 'note', 'boilerplate'] as const;
export type OverridableRole = (typeof OVERRIDABLE_ROLES)[number];

interface Counts {
  all: number;
  bold: number;
  italic: number;
  underline: number;
}

function counts(p: SourceParagraph): Counts {
  const c = { all: 0, bold: 0, italic: 0, underline: 0 };
  for (const r of p.runs) {
    const n = r.text.replace(/\s/gu, '').length;
    c.all += n;
    if (r.bold) c.bold += n;
    if (r.italic) c.italic += n;
    if (r.underline) c.underline += n;
  }
  return c;
}

/** Inline markup for the runs that differ from the paragraph's formatting. */
export function markedText(p: SourceParagraph, base: { bold: boolean; italic: boolean }): string {
  let out = p.label ? `${p.label} ` : '';
  type Piece = { text: string; bold: boolean; italic: boolean };
  const pieces: Piece[] = [];
  const flushPieces = () => {
    for (const piece of pieces.splice(0)) {
      const lead = /^\s*/u.exec(piece.text)![0];
      const trail = /\s*$/u.exec(piece.text)![0];
      const core = piece.text.trim();
      if (!core) {
        out += piece.text;
        continue;
      }
      const b = piece.bold && !base.bold ? '**' : '';
      const i = piece.italic && !base.italic ? '*' : '';
      out += `${lead}${b}${i}${core}${i}${b}${trail}`;
    }
  };
  for (const r of p.runs) {
    if (r.footnote !== undefined) {
      flushPieces();
      out += `[^${r.footnote.trim()}]`;
      continue;
    }
    const text = (r.breakBefore ? '\n' : '') + r.text;
    const last = pieces.at(-1);
    const bold = !!r.bold;
    const italic = !!r.italic;
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else pieces.push({ text, bold, italic });
  }
  flushPieces();
  return out;
}

function lineOf(p: SourceParagraph, formatted: boolean, column?: 'left' | 'right'): Omit<Line, 'index'> {
  const c = counts(p);
  const bold = c.all > 0 && c.bold / c.all >= 0.6;
  const italic = c.all > 0 && c.italic / c.all >= 0.6;
  const line: Omit<Line, 'index'> = {
    text: paragraphText(p).replace(/[ \u00A0]+/gu, ' ').replace(/ ?\n ?/gu, '\n').trim(),
    marked: markedText(p, { bold, italic }).trim(),
    bold,
    italic,
    underline: c.all > 0 && c.underline / c.all >= 0.6,
    formatted,
  };
  if (p.align) line.align = p.align;
  if (p.style) line.style = p.style;
  if (column) line.column = column;
  if (p.pageBreakBefore) line.pageBreakBefore = true;
  return line;
}

/** A borderless table of two columns holds the header or the closing block: read it cell by cell. */
const isLayoutTable = (t: SourceTable) => t.borderless && t.columnWidths.length <= 3 && t.rows.every((r) => r.cells.length <= 3) && !isPersonLinesTable(t);

export function flatten(blocks: SourceBlock[], formatted: boolean): Line[] {
  const out: Line[] = [];
  const push = (l: Omit<Line, 'index'>) => out.push({ ...l, index: out.length });
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      push(lineOf(b, formatted));
      continue;
    }
    if (isLayoutTable(b)) {
      for (const row of b.rows) {
        row.cells.forEach((cell, i) => {
          for (const p of cell.paragraphs) push(lineOf(p, formatted, i === 0 ? 'left' : 'right'));
        });
      }
      continue;
    }
    push({ text: '', marked: '', bold: false, italic: false, underline: false, table: b, formatted });
  }
  return out;
}

/** A content table → the model's table: header rows, merged cells, alignment, bold cells, relative widths. */
export function toAppendixTable(t: SourceTable): AppendixTable {
  const sum = t.columnWidths.reduce((a, b) => a + b, 0) || 1;
  const widths = t.columnWidths.map((w) => Math.max(0.01, Math.round((w / sum) * 10000) / 100));
  const row = (r: SourceTable['rows'][number], header: boolean) => ({
    cells: r.cells.map((c): TableCell => {
      const all = c.paragraphs.flatMap((p) => p.runs).filter((run) => run.text.trim());
      const bold = header || (all.length > 0 && all.every((run) => run.bold));
      const align = c.paragraphs.find((p) => p.align)?.align;
      return {
        paragraphs: c.paragraphs.map((p) => markedText(p, { bold, italic: false }).trim()),
        colSpan: c.colSpan,
        rowSpan: c.rowSpan,
        align: align === 'center' ? 'center' : align === 'left' || align === 'right' ? 'left' : header ? 'center' : 'justify',
        bold,
      };
    }),
  });
  const headerRows = Math.min(t.headerRows, t.rows.length);
  return {
    columnWidths: widths.length ? widths : [1],
    headerRows: t.rows.slice(0, headerRows).map((r) => row(r, true)),
    rows: t.rows.slice(headerRows).map((r) => row(r, false)),
  };
}
