/** A layout ParagraphStyle as CSS: the preview draws exactly what the style says (pt and mm, no decisions). */
import type { CSSProperties } from 'react';
import type { Align, ParagraphStyle } from '../../../shared/layout';

/**
 * Single line spacing: the font's ascender + descender + line gap (Times New Roman and Tinos: 1825 + 443 + 87 units
 * of 2048), as Word and LibreOffice space a line. `normal` would round each of them to whole pixels (20 px for
 * 13 pt where LibreOffice gives 19.93 px), and a long table would drift a line off in a few pages.
 */
const SINGLE_LINE = (1825 + 443 + 87) / 2048;

/**
 * `collapse`: the space before/after as margins, so that between two paragraphs only the larger of the two counts,
 * as LibreOffice and Word space the paragraphs inside a table cell (the container must hold the margins in:
 * display: flow-root).
 */
export function paragraphCss(style: ParagraphStyle, align?: Align, collapse = false): CSSProperties {
  const before = style.beforePt ? `${style.beforePt}pt` : 0;
  const after = style.afterPt ? `${style.afterPt}pt` : 0;
  return {
    fontSize: `${style.sizePt}pt`,
    fontWeight: style.bold ? 700 : 400,
    fontStyle: style.italic ? 'italic' : 'normal',
    textDecoration: style.underline ? 'underline' : 'none',
    textAlign: align ?? style.align,
    textIndent: style.firstLineIndentMm ? `${style.firstLineIndentMm}mm` : 0,
    ...(collapse ? { marginTop: before, marginBottom: after } : { paddingTop: before, paddingBottom: after }),
    lineHeight: style.lineExactPt ? `${style.lineExactPt}pt` : SINGLE_LINE,
  };
}
