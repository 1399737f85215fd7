/**
 * The .docx style sheet for a layout's role table: one paragraph style per role, Times New Roman in every font
 * slot with language vi-VN (also in docDefaults), sizes and spacing exactly as the layout says.
 * Built once per style table (memoised), since the table itself is memoised per format profile.
 */
import { AlignmentType, type IStylesOptions } from 'docx';
import type { Align, DocumentLayout, ParagraphRole, ParagraphStyle } from '../../../shared/layout';

export const FONT = 'Times New Roman';
export const FONTS = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT } as const;
export const LANGUAGE = { value: 'vi-VN', eastAsia: 'vi-VN' } as const;

export const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwip = (mm: number) => Math.round(mm * TWIPS_PER_MM);
export const ptToTwip = (pt: number) => Math.round(pt * 20);
/** docx sizes are half-points. */
export const ptToHalf = (pt: number) => Math.round(pt * 2);

export const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** The style id of a role: "KH-body", "KH-heading1", … */
export const styleId = (role: ParagraphRole) => `KH-${role}`;

function paragraphStyle(role: ParagraphRole, s: ParagraphStyle) {
  return {
    id: styleId(role),
    name: `KH ${role}`,
    quickFormat: false,
    run: {
      font: FONTS,
      size: ptToHalf(s.sizePt),
      sizeComplexScript: ptToHalf(s.sizePt),
      bold: s.bold,
      boldComplexScript: s.bold,
      italics: s.italic,
      italicsComplexScript: s.italic,
      ...(s.underline ? { underline: {} } : {}),
      language: LANGUAGE,
    },
    paragraph: {
      alignment: ALIGN[s.align],
      indent: { firstLine: mmToTwip(s.firstLineIndentMm), left: 0, right: 0 },
      spacing: {
        before: ptToTwip(s.beforePt),
        after: ptToTwip(s.afterPt),
        ...(s.lineExactPt != null ? { line: ptToTwip(s.lineExactPt), lineRule: 'exact' as const } : { line: 240, lineRule: 'auto' as const }),
      },
      ...(s.keepWithNext ? { keepNext: true } : {}),
      widowControl: true,
    },
  };
}

const cache = new WeakMap<DocumentLayout['styles'], IStylesOptions>();

export function documentStyles(layout: DocumentLayout): IStylesOptions {
  const hit = cache.get(layout.styles);
  if (hit) return hit;
  const body = layout.styles.body;
  const styles: IStylesOptions = {
    default: {
      document: {
        run: { font: FONTS, size: ptToHalf(body.sizePt), sizeComplexScript: ptToHalf(body.sizePt), language: LANGUAGE },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' } },
      },
    },
    paragraphStyles: [
      // Word's own defaults, pinned to the same font so nothing falls back to a theme font.
      { id: 'Normal', name: 'Normal', run: { font: FONTS, size: ptToHalf(body.sizePt), language: LANGUAGE } },
      {
        id: 'FootnoteText',
        name: 'footnote text',
        basedOn: 'Normal',
        run: { font: FONTS, size: ptToHalf(layout.styles.footnote.sizePt), language: LANGUAGE },
        paragraph: { alignment: ALIGN[layout.styles.footnote.align] },
      },
      ...(Object.entries(layout.styles) as Array<[ParagraphRole, ParagraphStyle]>).map(([role, s]) => paragraphStyle(role, s)),
    ],
    characterStyles: [
      { id: 'FootnoteReference', name: 'footnote reference', run: { font: FONTS, superScript: true } },
      {
        id: 'KH-page-number',
        name: 'KH page number',
        run: { font: FONTS, size: ptToHalf(layout.pageNumbers.sizePt), sizeComplexScript: ptToHalf(layout.pageNumbers.sizePt), language: LANGUAGE },
      },
    ],
  };
  cache.set(layout.styles, styles);
  return styles;
}
