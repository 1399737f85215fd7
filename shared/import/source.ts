/**
 * The importer's input: a document as paragraphs with their formatting, whatever it came from (a .docx read by
 * electron/backend/import, or a pasted text split by `sourceFromText`). The recogniser (recognise.ts) gives each
 * paragraph a role and fills the plan from the roles.
 */

/** A piece of text with one formatting. Flags are effective (style and direct formatting resolved). */
export interface SourceRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** A line break (not a new paragraph) before this run's text. */
  breakBefore?: boolean;
  /** A footnote reference: the footnote's text (the run's own text is empty). */
  footnote?: string;
}

export type SourceAlign = 'left' | 'center' | 'right' | 'justify';

export interface SourceParagraph {
  kind: 'paragraph';
  runs: SourceRun[];
  align?: SourceAlign;
  /** The paragraph style's id or name ("KH-heading1", "Heading 1"), when the source has one. */
  style?: string;
  /** The label of automatic numbering ("I.", "1.", "a)", "-"), printed before the text. */
  label?: string;
  /** Starts on a new page. */
  pageBreakBefore?: boolean;
}

export interface SourceCell {
  paragraphs: SourceParagraph[];
  colSpan: number;
  rowSpan: number;
}

export interface SourceTable {
  kind: 'table';
  /** Relative column widths (the grid), one per column. */
  columnWidths: number[];
  /** How many rows at the top repeat on every page (header rows). */
  headerRows: number;
  /** Each row lists the cells that start in it (a cell covered by a row span above is omitted). */
  rows: Array<{ cells: SourceCell[] }>;
  /** No visible borders: a layout table (the header or the closing block), not a table of the content. */
  borderless: boolean;
}

export type SourceBlock = SourceParagraph | SourceTable;

export interface SourceDocument {
  /** 'docx': paragraphs are real paragraphs with formatting. 'text': lines of a pasted text (no formatting). */
  origin: 'docx' | 'text';
  blocks: SourceBlock[];
  /** Notes about the reading itself (legacy fonts converted …), shown with the result. */
  notes: string[];
}

/** The paragraph's text; line breaks as "\n", footnote references left out. */
export function paragraphText(p: SourceParagraph): string {
  let out = p.label ? `${p.label} ` : '';
  for (const r of p.runs) {
    if (r.footnote !== undefined) continue;
    if (r.breakBefore) out += '\n';
    out += r.text;
  }
  return out;
}

export const plainParagraph = (text: string, extra: Partial<SourceParagraph> = {}): SourceParagraph => ({
  kind: 'paragraph',
  runs: [{ text }],
  ...extra,
});
