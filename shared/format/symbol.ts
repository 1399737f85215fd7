/**
 * Number and symbol of a document: "315-KH/HU", printed in the header as "Số 315-KH/HU".
 * Never "Số:" (that is the state-document regime). A number has at least two digits ("05");
 * an unnumbered draft leaves the number blank ("Số      -KH/HU").
 */

/** What a blank number prints as, so that the header reads "Số      -KH/HU". */
export const NUMBER_BLANK = '     ';

/** "5" → "05", "315" → "315", "" → "" (no number yet). Leading zeros beyond two digits are kept as typed. */
export function formatDocNumber(number: string): string {
  const n = number.trim();
  return n.length === 1 ? `0${n}` : n;
}

/** "315-KH/HU"; blank number: "     -KH/HU". */
export function formatDocSymbol(number: string, docType: string, issuerSymbol: string): string {
  const n = formatDocNumber(number);
  return `${n || NUMBER_BLANK}-${docType}/${issuerSymbol}`;
}

/** "Số 315-KH/HU"; blank number: "Số      -KH/HU". */
export function formatSymbolLine(number: string, docType: string, issuerSymbol: string): string {
  return `Số ${formatDocSymbol(number, docType, issuerSymbol)}`;
}
