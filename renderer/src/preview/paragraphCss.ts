/** A layout ParagraphStyle as CSS: the preview draws exactly what the style says (pt and mm, no decisions). */
import type { CSSProperties } from 'react';
import type { Align, ParagraphStyle } from '../../../shared/layout';

export function paragraphCss(style: ParagraphStyle, align?: Align): CSSProperties {
  return {
    fontSize: `${style.sizePt}pt`,
    fontWeight: style.bold ? 700 : 400,
    fontStyle: style.italic ? 'italic' : 'normal',
    textDecoration: style.underline ? 'underline' : 'none',
    textAlign: align ?? style.align,
    textIndent: style.firstLineIndentMm ? `${style.firstLineIndentMm}mm` : 0,
    paddingTop: style.beforePt ? `${style.beforePt}pt` : 0,
    paddingBottom: style.afterPt ? `${style.afterPt}pt` : 0,
    lineHeight: style.lineExactPt ? `${style.lineExactPt}pt` : 'normal',
  };
}
