/**
 * DocumentLayout → .docx bytes with the `docx` library. Maps the layout to OOXML and decides nothing about the
 * document itself: texts, roles, sizes, widths and order all come from the layout.
 */
import {
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { replaceControlChars } from '../../../shared/format/text-chars';
import type { DocumentLayout, LayoutParagraph, LayoutTable, LayoutTableRow, Run } from '../../../shared/layout';
import { fastAttributes } from './attribute-speedup';
import { compactDocx } from './compact';
import { ALIGN, FONTS, documentStyles, mmToTwip, ptToHalf, ptToTwip, styleId } from './styles';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const ZERO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

function runChildren(runs: Run[]): ParagraphChild[] {
  return runs.map((r) => {
    if (r.footnoteRef != null) return new FootnoteReferenceRun(r.footnoteRef);
    return new TextRun({
      // The layout has no control characters (shared/layout/printable.ts); this keeps any out of the XML.
      text: replaceControlChars(r.text),
      ...(r.breakBefore ? { break: 1 } : {}),
      ...(r.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(r.italic ? { italics: true, italicsComplexScript: true } : {}),
      ...(r.underline ? { underline: {} } : {}),
    });
  });
}

function paragraph(p: LayoutParagraph, extra: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: styleId(p.role),
    children: runChildren(p.runs),
    ...(p.align ? { alignment: ALIGN[p.align] } : {}),
    ...(extra.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(p.keepWithNext ? { keepNext: true } : {}),
  });
}

/** A borderless cell of fixed width, no padding. */
function plainCell(widthTwip: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: widthTwip, type: WidthType.DXA },
    borders: NO_CELL_BORDERS,
    margins: ZERO_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    children: children.length ? children : [new Paragraph({})],
  });
}

function plainTable(widths: [number, number], rows: Array<[Paragraph[], Paragraph[]]>, cantSplit: boolean): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: ZERO_MARGINS,
    indent: { size: 0, type: WidthType.DXA },
    rows: rows.map(([l, r]) => new TableRow({ cantSplit, children: [plainCell(widths[0], l), plainCell(widths[1], r)] })),
  });
}

function headerTable(layout: DocumentLayout): Table {
  const h = layout.header;
  const widths: [number, number] = [mmToTwip(h.leftWidthMm), mmToTwip(h.rightWidthMm)];
  const [top, bottom] = h.rows;
  // The rule: an empty paragraph `gapPt` high whose bottom border, indented to `lengthMm`, sits under the tiêu đề.
  const inset = mmToTwip(Math.max(0, (h.rightWidthMm - h.rule.lengthMm) / 2));
  const rule = new Paragraph({
    indent: { left: inset, right: inset, firstLine: 0 },
    spacing: { before: 0, after: 0, line: ptToTwip(h.rule.gapPt), lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(h.rule.thicknessPt * 8)), color: '000000', space: 0 } },
    children: [new TextRun({ text: '', font: FONTS, size: 2 })],
  });
  const [tieuDe, ...restTop] = top.right;
  const topRight = [...(tieuDe ? [paragraph(tieuDe), rule] : [rule]), ...restTop.map((p) => paragraph(p))];
  return plainTable(
    widths,
    [
      [top.left.map((p) => paragraph(p)), topRight],
      [bottom.left.map((p) => paragraph(p)), bottom.right.map((p) => paragraph(p))],
    ],
    true,
  );
}

/** An empty paragraph exactly `pt` high; `keepNext` keeps it (and what keeps with it) on the next block's page. */
function spacer(pt: number, keepNext = false): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: Math.max(ptToTwip(pt), 20), lineRule: 'exact' },
    ...(keepNext ? { keepNext: true } : {}),
    children: [],
  });
}

function closingTable(layout: DocumentLayout): Table {
  const c = layout.closing;
  // Kept on one page like the preview does (Nơi nhận level with the signature); a row taller than a page still
  // breaks in Word and LibreOffice.
  return plainTable([mmToTwip(c.leftWidthMm), mmToTwip(c.rightWidthMm)], [[c.left.map((p) => paragraph(p)), c.right.map((p) => paragraph(p))]], true);
}

function appendixTable(t: LayoutTable): Table {
  const widths = t.columnWidthsMm.map(mmToTwip);
  const border =
    t.borderPt > 0 ? ({ style: BorderStyle.SINGLE, size: Math.max(2, Math.round(t.borderPt * 8)), color: '000000' } as const) : NO_BORDER;
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  // Aligned lines start at the text's left edge; a bordered table keeps its text off the lines.
  const cellMargins = t.borderPt > 0 ? { top: 0, bottom: 0, left: mmToTwip(1.5), right: mmToTwip(1.5) } : ZERO_MARGINS;
  const row = (r: LayoutTableRow, header: boolean) => {
    // Column position of each cell, skipping columns covered by row spans from above, is handled by docx itself.
    let col = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: header,
      children: r.cells.map((c) => {
        const width = widths.slice(col, col + c.colSpan).reduce((a, b) => a + b, 0);
        col += c.colSpan;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
          ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
          verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
          margins: cellMargins,
          children: c.paragraphs.map((p) => paragraph(p)),
        });
      }),
    });
  };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: cellMargins,
    rows: [...t.headerRows.map((r) => row(r, true)), ...t.rows.map((r) => row(r, false))],
  });
}

function pageNumberParagraph(layout: DocumentLayout): Paragraph {
  return new Paragraph({
    alignment: ALIGN[layout.pageNumbers.position === 'top-center' ? 'center' : 'right'],
    spacing: { before: 0, after: 0 },
    children: [new TextRun({ children: [PageNumber.CURRENT], style: 'KH-page-number', font: FONTS, size: ptToHalf(layout.pageNumbers.sizePt) })],
  });
}

/**
 * The body's paragraphs and tables (a body table block, or the borderless table of aligned person lines, drawn like
 * an appendix table). Two tables in a row get a hairline paragraph between them, or Word would merge them into one.
 */
function bodyChildren(layout: DocumentLayout): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let lastWasTable = false;
  for (const b of layout.body) {
    if (b.kind === 'table') {
      if (lastWasTable) out.push(spacer(1));
      out.push(appendixTable(b.table));
    } else out.push(paragraph(b));
    lastWasTable = b.kind === 'table';
  }
  return out;
}

function section(layout: DocumentLayout): ISectionOptions {
  const { page } = layout;
  const children: Array<Paragraph | Table> = [
    headerTable(layout),
    ...layout.title.map((p) => paragraph(p)),
    ...bodyChildren(layout),
    // The space above the closing block belongs to it: the body's last paragraph (keepWithNext) keeps with it.
    spacer(layout.closing.spaceBeforePt, true),
    closingTable(layout),
  ];
  for (const a of layout.appendices) {
    children.push(paragraph(a.label, { pageBreakBefore: a.startsNewPage }));
    if (a.name) children.push(paragraph(a.name));
    children.push(paragraph(a.line), ...a.intro.map((p) => paragraph(p)));
    for (const t of a.tables) children.push(appendixTable(t));
  }
  // A document must not end on a table.
  children.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));

  const empty = () => new Paragraph({ children: [] });
  const numbered = layout.pageNumbers.position === 'top-center';
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: page.widthTwip, height: page.heightTwip },
        margin: {
          top: mmToTwip(page.margins.topMm),
          bottom: mmToTwip(page.margins.bottomMm),
          left: mmToTwip(page.margins.leftMm),
          right: mmToTwip(page.margins.rightMm),
          header: mmToTwip(10),
          footer: mmToTwip(10),
          gutter: 0,
        },
      },
    },
    headers: {
      default: new Header({ children: [numbered ? pageNumberParagraph(layout) : empty()] }),
      first: new Header({ children: [empty()] }),
    },
    footers: {
      default: new Footer({ children: [numbered ? empty() : pageNumberParagraph(layout)] }),
      first: new Footer({ children: [empty()] }),
    },
    children,
  };
}

/** Build the docx object model of a layout (exposed for the benchmark). */
function buildDocument(layout: DocumentLayout, meta: { title?: string } = {}): Document {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const f of layout.footnotes) footnotes[String(f.id)] = { children: [paragraph(f.paragraph)] };
  return new Document({
    creator: 'KẾ HOẠCH Desk',
    title: meta.title ?? 'KẾ HOẠCH',
    styles: documentStyles(layout),
    footnotes,
    sections: [section(layout)],
  });
}

fastAttributes();

/** The package as the `docx` library writes it, with its whole default kit (tests compare the print with it). */
export async function packDocx(layout: DocumentLayout): Promise<Uint8Array> {
  const trichYeu = layout.title.find((p) => p.role === 'trich-yeu')?.runs.map((r) => r.text).join(' ');
  const buffer = await Packer.toBuffer(buildDocument(layout, trichYeu ? { title: trichYeu } : {}));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The .docx file of a layout: the library's package without the parts and styles the document does not use. */
export async function writeDocx(layout: DocumentLayout): Promise<Uint8Array> {
  return compactDocx(await packDocx(layout));
}
