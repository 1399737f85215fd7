export * from './types';
export { composeLayout, headingNumber, headingNumbersOf } from './compose';
export * from './phrases';
export { A4_TWIPS, TIEU_DE, SIGNATURE_GAP_LINES, CLOSING_SPACE_BEFORE_PT, columnWidthsMm, paragraphStyles, textWidthMm, tieuDeWidthMm } from './styles';
export { layoutToPlainText } from './plain-text';
export { textWidthMmOf, type FontFace } from './metrics';
