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

/** A number typed with its symbol: the number alone, the symbol as she typed it, and which regime's form it was in. */
export interface TypedDocNumber {
  number: string;
  /** "KH", "BC" …, upper case. */
  docType: string;
  /** The issuer symbol ("CB", "CBTH"), upper case; "" when only a number was given ("Số: 24"). */
  issuerSymbol: string;
  /** 'state': "24/KH-CB" or "Số: 24" (Nghị định 30/2020); 'party': "Số 24-KH/CB" written whole in the number field. */
  form: 'state' | 'party';
}

const PREFIX = String.raw`(?:s[ốoô]\s*(?<colon>:)?\s*)?`;
const SYMBOL = String.raw`[\p{Lu}\p{Ll}0-9]+`;
/** "24/KH-CB", "Số: 24/KH-CBTH": number / type - issuer (the state form). */
const STATE_FORM = new RegExp(String.raw`^${PREFIX}(?<number>\d{1,6})\s*/\s*(?<docType>\p{L}{1,5})(?:\s*-\s*(?<issuer>${SYMBOL}))?\.?$`, 'iu');
/** "10-KH/CBTH", "Số: 10-KH/CBTH": number - type / issuer (the Party form), typed whole into the number field. */
const PARTY_FORM = new RegExp(String.raw`^${PREFIX}(?<number>\d{1,6})\s*-\s*(?<docType>\p{L}{1,5})\s*/\s*(?<issuer>${SYMBOL})\.?$`, 'iu');
/** "Số: 24", "Số 24": only the number, with the word. */
const NUMBER_ONLY = new RegExp(String.raw`^s[ốoô]\s*(?<colon>:)?\s*(?<number>\d{1,6})\.?$`, 'iu');

/**
 * What was pasted or typed into the number field when it holds more than the number: "24/KH-CB" and "Số: 10-KH/CBTH"
 * give the number 24 or 10 and the symbol CB or CBTH; plain digits (or anything else) give null.
 */
export function parseTypedDocNumber(typed: string): TypedDocNumber | null {
  const s = typed.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (/^\d*$/u.test(s)) return null;
  const party = PARTY_FORM.exec(s);
  const state = party ? null : STATE_FORM.exec(s);
  const only = party || state ? null : NUMBER_ONLY.exec(s);
  const m = party ?? state ?? only;
  if (!m?.groups) return null;
  const g = m.groups;
  return {
    number: g.number!,
    docType: (g.docType ?? 'KH').toUpperCase(),
    issuerSymbol: (g.issuer ?? '').toUpperCase(),
    form: state || g.colon ? 'state' : 'party',
  };
}
