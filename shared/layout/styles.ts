/**
 * Format profile → the look of every paragraph role, and the geometry of the header and closing tables.
 * The only place where THE-THUC.md's typographic rules become numbers.
 */
import type { FormatProfile } from '../model/profile';
import { textWidthMmOf, type FontFace } from './metrics';
import type { ParagraphRole, ParagraphStyle } from './types';

/** A4 in twips, exactly (docx's mm→twip conversion floors to 11905 × 16837). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

export const TIEU_DE = 'ĐẢNG CỘNG SẢN VIỆT NAM';

/** Printed width of the tiêu đề at `sizePt`, in mm (the rule under it has this length). */
export function tieuDeWidthMm(sizePt: number): number {
  return textWidthMmOf(TIEU_DE, 'bold', sizePt);
}

/** Vertical space between the last body paragraph and the closing table. */
export const CLOSING_SPACE_BEFORE_PT = 12;

/** Empty lines left for the signature and seal. */
export const SIGNATURE_GAP_LINES = 4;

/** A line of a two-column block, for sizing the columns. */
export interface MeasuredLine {
  text: string;
  face: FontFace;
  sizePt: number;
}

const widest = (lines: MeasuredLine[]) => Math.max(0, ...lines.map((l) => textWidthMmOf(l.text, l.face, l.sizePt)));

/**
 * Column widths of the header and closing tables. The right column is never narrower than the tiêu đề plus
 * 12 mm, so "ĐẢNG CỘNG SẢN VIỆT NAM" stays on one line whatever the issuer's length; it widens (up to leaving
 * 60 mm on the left) so that its own lines (the date line, the signature) do not wrap. The left column takes the
 * rest; long issuer names wrap inside it.
 */
export function columnWidthsMm(profile: FormatProfile, rightLines: MeasuredLine[] = []): { left: number; right: number } {
  const text = textWidthMm(profile);
  const min = Math.ceil(tieuDeWidthMm(profile.sizes.tieuDe) + 12);
  const need = Math.ceil(widest(rightLines) + 4);
  const right = Math.min(Math.max(min, need), text - 60);
  return { left: text - right, right };
}

export function textWidthMm(profile: FormatProfile): number {
  return profile.page.widthMm - profile.margins.leftMm - profile.margins.rightMm;
}

const cache = new WeakMap<FormatProfile, Record<ParagraphRole, ParagraphStyle>>();

/** The style table for a profile (memoised per profile object). */
export function paragraphStyles(profile: FormatProfile): Record<ParagraphRole, ParagraphStyle> {
  const hit = cache.get(profile);
  if (hit) return hit;
  const { sizes, spacing } = profile;
  const plain: ParagraphStyle = {
    sizePt: sizes.header,
    bold: false,
    italic: false,
    underline: false,
    align: 'center',
    firstLineIndentMm: 0,
    beforePt: 0,
    afterPt: 0,
    lineExactPt: null,
    keepWithNext: false,
  };
  const body: ParagraphStyle = {
    ...plain,
    sizePt: sizes.body,
    align: 'justify',
    firstLineIndentMm: spacing.firstLineIndentMm,
    beforePt: spacing.beforePt,
    afterPt: spacing.afterPt,
    lineExactPt: spacing.linePt,
  };
  const heading: ParagraphStyle = { ...body, bold: true, keepWithNext: true };
  const centred = (over: Partial<ParagraphStyle>): ParagraphStyle => ({ ...plain, ...over });
  const cell: ParagraphStyle = { ...plain, sizePt: sizes.table, align: 'justify', beforePt: 2, afterPt: 2 };

  const styles: Record<ParagraphRole, ParagraphStyle> = {
    'header-higher': centred({}),
    'header-issuer': centred({ bold: true }),
    'header-star': centred({}),
    'header-number': centred({}),
    'header-mark': centred({ bold: true }),
    'header-tieude': centred({ sizePt: sizes.tieuDe, bold: true }),
    'header-date': centred({ italic: true }),
    'header-draft': centred({ italic: true }),

    title: centred({ sizePt: sizes.tenLoai, bold: true, beforePt: 18, keepWithNext: true }),
    'trich-yeu': centred({ sizePt: sizes.trichYeu, bold: true, keepWithNext: true }),
    separator: centred({ sizePt: sizes.body }),

    body,
    heading1: heading,
    heading2: heading,
    heading3: { ...heading, italic: true },
    runin: body,
    item: body,
    note: body,
    'body-italic': { ...body, italic: true },
    'body-italic-center': { ...body, italic: true, align: 'center', firstLineIndentMm: 0 },
    'person-line': { ...body, align: 'left', firstLineIndentMm: 0, beforePt: 0, afterPt: 0 },

    'recipients-heading': { ...plain, sizePt: sizes.signature, underline: true, align: 'left' },
    recipient: { ...plain, sizePt: sizes.recipients, align: 'left' },

    'signature-authority': centred({ sizePt: sizes.signature, bold: true }),
    'signature-title': centred({ sizePt: sizes.signature }),
    'signature-gap': centred({ sizePt: sizes.signature }),
    'signature-name': centred({ sizePt: sizes.signature, bold: true }),

    'appendix-label': centred({ sizePt: sizes.body, bold: true }),
    'appendix-name': centred({ sizePt: sizes.body, bold: true }),
    'appendix-line': centred({ sizePt: sizes.body, italic: true, afterPt: 12 }),
    'appendix-intro': body,
    'table-header': { ...cell, bold: true, align: 'center' },
    'table-cell': cell,

    footnote: { ...plain, sizePt: sizes.footnote, align: 'justify' },
  };
  cache.set(profile, styles);
  return styles;
}
