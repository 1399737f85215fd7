/**
 * The document layout: a plan + its format profile turned into paragraphs with typographic roles.
 *
 * Produced once by composeLayout() (shared/layout/compose.ts). Both writers — the .docx writer
 * (electron/backend/docx) and the live A4 HTML preview (renderer) — consume it and make NO decisions of their
 * own: every text is final (numbers, punctuation, "Số 315-KH/HU", the date line, recipients' commas…), every
 * paragraph names its role, and `styles[role]` says exactly how that role looks. A writer only maps these to
 * its medium.
 *
 * Units: sizes and spacing in points (pt), lengths in millimetres (mm). Page size also in twips for .docx.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A piece of text with uniform formatting. Run flags add to (never remove from) the role's style. */
export interface Run {
  /** Final text. May hold runs of spaces (the blanks of a draft: "Số      -KH/HU"): keep them (white-space: pre-wrap). */
  text: string;
  /** A line break (not a new paragraph) comes before this run's text. */
  breakBefore?: boolean;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /**
   * When set, this run is a footnote reference mark (superscript) for footnote `footnoteRef`
   * (see DocumentLayout.footnotes); `text` is then the printed mark ("1", "2", …).
   */
  footnoteRef?: number;
}

/** Every kind of paragraph the document has. `DocumentLayout.styles` maps each one to its look. */
export type ParagraphRole =
  // header, left column
  | 'header-higher' // "ĐẢNG BỘ TỈNH ĐIỆN BIÊN" — caps, regular
  | 'header-issuer' // "HUYỆN ỦY ĐIỆN BIÊN" — caps, bold
  | 'header-star' // "*"
  | 'header-number' // "Số 315-KH/HU"
  | 'header-mark' // "MẬT", "KHẨN" — caps, bold
  // header, right column
  | 'header-tieude' // "ĐẢNG CỘNG SẢN VIỆT NAM" — 15 bold, one line, rule under it
  | 'header-date' // "Điện Biên, ngày 05 tháng 02 năm 2025" — italic
  | 'header-draft' // "Dự thảo lần 2" — italic
  // title
  | 'title' // "KẾ HOẠCH"
  | 'trich-yeu' // bold, centred, may wrap
  | 'separator' // "-----"
  // body
  | 'body' // justified, first-line indent
  | 'heading1' // "I. MỤC ĐÍCH, YÊU CẦU" — bold
  | 'heading2' // "1. Tổ chức đảng …" — bold
  | 'heading3' // "1.1. Đối với …" / "a) …" — bold italic
  | 'runin' // a numbered body paragraph: "1. Tổ chức đại hội điểm nhằm …" (body look)
  | 'item' // "- …" / "+ …" (body look)
  | 'note' // "* Kết thúc đại hội …" (body look)
  | 'body-italic' // "(địa điểm và thời gian chính thức có giấy mời sau)" indented italic
  | 'body-italic-center' // centred italic note
  | 'person-line' // one cell of an aligned person line: "Đ/c Nguyễn Văn A" | "– Bí thư" | "– Tổ trưởng" (body size, left)
  // closing, left column
  | 'recipients-heading' // "Nơi nhận:" — 14, underlined
  | 'recipient' // "- Thường trực Tỉnh ủy (b/c)," — 12
  // closing, right column
  | 'signature-authority' // "T/M BAN THƯỜNG VỤ" — bold caps
  | 'signature-title' // "BÍ THƯ" — caps regular
  | 'signature-gap' // one empty line of the signature/seal space
  | 'signature-name' // "Tần Thị Quế" — bold
  // appendices
  | 'appendix-label' // "PHỤ LỤC" / "PHỤ LỤC 1" — bold centred
  | 'appendix-name' // bold centred
  | 'appendix-line' // "(Kèm theo Kế hoạch số 315-KH/HU, ngày 05/11/2024 của Ban Thường vụ Huyện ủy)" — italic centred
  | 'appendix-intro' // body paragraph before a table
  | 'table-header' // header-row cell paragraph — bold, centred
  | 'table-cell' // body-row cell paragraph
  // footnotes
  | 'footnote';

/** How a role looks. Complete: a writer needs nothing else. */
export interface ParagraphStyle {
  sizePt: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  align: Align;
  /** First-line indent (0 = none). */
  firstLineIndentMm: number;
  beforePt: number;
  afterPt: number;
  /** Exact line height in pt, or null for single (font-natural) line spacing. */
  lineExactPt: number | null;
  /** Keep this paragraph on the same page as the next one (headings). */
  keepWithNext: boolean;
}

/** One paragraph. `align` overrides the role's alignment (table cells only). */
export interface LayoutParagraph {
  role: ParagraphRole;
  runs: Run[];
  align?: Align;
  /** Id of the model block this paragraph comes from (body/tasks/recipients), for preview ↔ editor linking. */
  sourceId?: string;
  /**
   * Keep on the page of what follows even though the role does not: the body's last paragraph, so the closing
   * block never stands alone on its page (at least the body's last lines print with Nơi nhận and the signature).
   */
  keepWithNext?: true;
}

/** A body paragraph with the structure it comes from (the preview may use it; the .docx writer ignores it). */
export type BodyBlock =
  | (LayoutParagraph & { kind: 'heading'; level: 1 | 2 | 3; /** "I.", "1.", "1.1.", "a)" */ number: string })
  | (LayoutParagraph & { kind: 'paragraph' })
  | (LayoutParagraph & { kind: 'item'; marker: '-' | '+' })
  | (LayoutParagraph & { kind: 'note' })
  /** A table in the body: a body table block, or a person list (aligned lines are a borderless table). */
  | { kind: 'table'; table: LayoutTable; sourceId?: string; keepWithNext?: true };

export interface HeaderRow {
  left: LayoutParagraph[];
  right: LayoutParagraph[];
}

/**
 * A borderless table of two fixed-width columns and two rows, so that the date line sits level with the number
 * line however many lines the issuer block takes:
 *   rows[0]: higher-body lines (regular), issuer (bold), "*"   |  "ĐẢNG CỘNG SẢN VIỆT NAM" (+ the rule under it)
 *   rows[1]: "Số 315-KH/HU", marks (MẬT, KHẨN)                 |  place-and-date line, draft label
 * No borders, no cell padding, cells top-aligned; every paragraph is centred in its column (see styles).
 */
export interface HeaderLayout {
  /** Left column width; left + right = text width. Fixed: the tiêu đề never wraps whatever the issuer length. */
  leftWidthMm: number;
  rightWidthMm: number;
  rows: [HeaderRow, HeaderRow];
  /**
   * The solid rule right under the tiêu đề (rows[0].right[0]): centred in the right column, `lengthMm` long
   * (the tiêu đề's printed width), drawn `gapPt` below the tiêu đề line.
   */
  rule: { lengthMm: number; thicknessPt: number; gapPt: number };
}

/**
 * A borderless table of one row and two fixed-width columns, no cell padding, cells top-aligned ("Nơi nhận:" level
 * with the authority). Rows may break across pages when the recipients are many.
 */
export interface ClosingLayout {
  /** Empty space above the table. */
  spaceBeforePt: number;
  leftWidthMm: number;
  rightWidthMm: number;
  /** "Nơi nhận:" then one paragraph per recipient, final punctuation applied. */
  left: LayoutParagraph[];
  /** Authority (absent when signing in one's own name), title, `signature-gap` × n, name — in print order. */
  right: LayoutParagraph[];
}

export interface LayoutTableCell {
  paragraphs: LayoutParagraph[];
  colSpan: number;
  rowSpan: number;
}

/**
 * Like HTML: each row lists only the cells that start in it; a cell covered by a rowSpan from an earlier row
 * is omitted from the later rows.
 */
export interface LayoutTableRow {
  cells: LayoutTableCell[];
}

export interface LayoutTable {
  /** Absolute column widths; they sum to the text width. */
  columnWidthsMm: number[];
  /** Bold, repeated at the top of every page the table spans. */
  headerRows: LayoutTableRow[];
  rows: LayoutTableRow[];
  /** Border line thickness (thin, single); 0 for a borderless table (aligned person lines). */
  borderPt: number;
}

export interface AppendixLayout {
  sourceId: string;
  /** Every appendix starts on a new page. */
  startsNewPage: true;
  /** "PHỤ LỤC" (one appendix) or "PHỤ LỤC 1", "PHỤ LỤC 2" … */
  label: LayoutParagraph;
  /** Name paragraph; absent when the appendix has no name. */
  name: LayoutParagraph | null;
  /** "(Kèm theo Kế hoạch số …, ngày … của …)". */
  line: LayoutParagraph;
  intro: LayoutParagraph[];
  tables: LayoutTable[];
}

export interface Footnote {
  /** 1, 2, … in order of first appearance; matches Run.footnoteRef. Printed as the superscript mark opening the note. */
  id: number;
  /** The note's text (without its mark). */
  paragraph: LayoutParagraph;
}

export interface PageLayout {
  widthMm: number;
  heightMm: number;
  /** A4 exactly: 11906 × 16838. */
  widthTwip: number;
  heightTwip: number;
  margins: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
  /** Width between the margins. */
  textWidthMm: number;
}

export interface PageNumbering {
  position: 'top-center' | 'bottom-right';
  sizePt: number;
  /** The first page carries no number; numbering shows from this page on (always 2). */
  fromPage: 2;
}

export interface DocumentLayout {
  page: PageLayout;
  font: { family: 'Times New Roman'; lang: 'vi-VN' };
  pageNumbers: PageNumbering;
  styles: Record<ParagraphRole, ParagraphStyle>;

  header: HeaderLayout;
  /** "KẾ HOẠCH", the trích yếu, "-----". */
  title: LayoutParagraph[];
  /** Căn cứ lines and the lead sentence, then the whole body tree flattened in reading order. */
  body: BodyBlock[];
  closing: ClosingLayout;
  appendices: AppendixLayout[];
  footnotes: Footnote[];
}
