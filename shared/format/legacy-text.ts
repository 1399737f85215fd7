/**
 * Text typed in a legacy Vietnamese font and pasted as Unicode: TCVN3 (ABC, ".VnTime") gives "KÕ ho¹ch",
 * "§¶ng bé x·"; VNI ("VNI-Times") gives "Keá hoaïch", "Ñaûng boä xaõ". The detector finds such runs inside a text
 * (a field may mix them with Unicode she typed), the converter turns them into Unicode NFC.
 *
 * TCVN3: a pasted character is the font's byte read as Windows-1252/Latin-1 (U+00A1–U+00FF), decoded with
 * iconv-lite's TCVN 5712 table (its 8-bit VN3 subset: the lower-case letters and Ă Â Ê Ô Ơ Ư Đ). Capitals came from a
 * separate capitals font (".VnTimeH") using the lower-case codes, so a word typed in capitals is raised again.
 * VNI: a base letter followed by a mark character (a + "ù" = á, a + "â" = â, a + "ä" = ậ …), a table both ways.
 *
 * Detection is by words: a word of Latin-1 characters that is no Vietnamese syllable as it stands ("ho¹ch",
 * "hoaïch") but becomes one when decoded. A Unicode word never qualifies, so Vietnamese typed in Unicode is left alone.
 * Node only (iconv-lite needs Buffer): the lint and the importer run in the backend.
 */
import iconv from 'iconv-lite';

export type LegacyEncoding = 'tcvn3' | 'vni';

/* ---------- TCVN3 ---------- */

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
for (let byte = 0xa1; byte <= 0xff; byte++) {
  const ch = iconv.decode(Buffer.from([byte]), 'tcvn');
  // VN3 holds the lower-case letters and the seven upper-case base letters; the upper-case toned letters and the
  // combining marks of the wider TCVN 5712 table are not in the 8-bit fonts.
  if (!/^\p{L}$/u.test(ch) || (ch !== ch.toLowerCase() && byte > 0xa7)) continue;
  const pasted = String.fromCharCode(byte);
  TCVN3_DECODE.set(pasted, ch);
  TCVN3_ENCODE.set(ch, pasted);
}

/* ---------- VNI ---------- */

/** VNI mark characters by [modifier][tone], lower case; upper case is the same character upper-cased. */
const VNI_TONE: Record<string, string> = { '\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
const VNI_CIRCUMFLEX_TONE: Record<string, string> = { '': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
const VNI_BREVE_TONE: Record<string, string> = { '': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
/** Letters VNI writes as one character: i with a tone, ỵ, ơ, ư, đ. */
const VNI_SINGLE: Record<string, string> = { í: 'í', ì: 'ì', ỉ: 'æ', ĩ: 'ó', ị: 'ò', ỵ: 'î', ơ: 'ô', ư: 'ö', đ: 'ñ' };
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

/** One Vietnamese letter (lower case) in VNI, or null when it needs no mark. */
function vniLower(letter: string): string | null {
  if (VNI_SINGLE[letter]) return VNI_SINGLE[letter];
  const nfd = letter.normalize('NFD');
  const base = nfd[0]!;
  const marks = nfd.slice(1);
  const tone = [...marks].find((m) => TONE_MARKS.includes(m)) ?? '';
  const modifier = [...marks].find((m) => !TONE_MARKS.includes(m)) ?? '';
  if (modifier === '\u0302') return base + VNI_CIRCUMFLEX_TONE[tone]!;
  if (modifier === '\u0306') return base + VNI_BREVE_TONE[tone]!;
  if (modifier === '\u031b') {
    // ơ, ư with a tone: the one-character letter then the tone mark.
    const horned = base === 'o' ? 'ô' : 'ö';
    return horned + (tone ? VNI_TONE[tone]! : '');
  }
  if (tone) return base + VNI_TONE[tone]!;
  return null;
}

const VNI_ENCODE = new Map<string, string>();
const VNI_DECODE = new Map<string, string>();
/** Every Vietnamese letter outside ASCII, lower case then upper case. */
export const VIETNAMESE_LETTERS: readonly string[] = (() => {
  const out: string[] = [];
  for (const base of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
    for (const tone of ['', ...TONE_MARKS]) {
      const letter = (base + tone).normalize('NFC');
      if (letter !== base || !/^[a-z]$/u.test(base)) out.push(letter);
    }
  }
  out.push('đ');
  return [...out, ...out.map((l) => l.toUpperCase())];
})();
for (const letter of VIETNAMESE_LETTERS) {
  const lower = letter.toLowerCase();
  const vni = vniLower(lower);
  if (vni == null) continue;
  const encoded = letter === lower ? vni : vni.toUpperCase();
  VNI_ENCODE.set(letter, encoded);
  VNI_DECODE.set(encoded, letter);
}

/* ---------- Vietnamese syllables ---------- */

const SYLLABLE =
  /^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?[ou]?(iê|yê|ia|ya|uô|ua|ươ|ưa|oo|ôô|[aăâeêioôơuưy])(ch|ng|nh|[cmnptiyou])?$/u;
const TONE_RE = new RegExp(`[${TONE_MARKS}]`, 'gu');

/** Words already judged (a plan repeats its words; the lint runs on every edit). */
const judged = new Map<string, boolean>();

/** "hoạch", "Người", "quyết": a word built like a Vietnamese syllable (at most one tone). */
export function isVietnameseSyllable(word: string): boolean {
  const known = judged.get(word);
  if (known !== undefined) return known;
  const nfd = word.toLowerCase().normalize('NFD');
  const ok = (nfd.match(TONE_RE)?.length ?? 0) <= 1 && SYLLABLE.test(nfd.replace(TONE_RE, '').normalize('NFC'));
  if (judged.size > 20_000) judged.clear();
  judged.set(word, ok);
  return ok;
}

/* ---------- decoding ---------- */

/** "KÕ ho¹ch" → "Kế hoạch" (every TCVN3 code in the text; words typed in capitals raised). */
export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return raiseCapitalWords(out, text).normalize('NFC');
}

/** "Keá hoaïch" → "Kế hoạch". */
export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const two = VNI_DECODE.get(text.slice(i, i + 2));
    if (two && text.length >= i + 2) {
      out += two;
      i += 2;
      continue;
    }
    out += VNI_DECODE.get(text[i]!) ?? text[i]!;
    i += 1;
  }
  return out.normalize('NFC');
}

/** Unicode → what a VNI font's text reads as when pasted ("Kế hoạch" → "Keá hoaïch"). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

/** Unicode → what a TCVN3 font's text reads as when pasted ("Kế hoạch" → "KÕ ho¹ch"); capitals as lower-case codes. */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = TCVN3_ENCODE.get(ch);
    const lowered = direct ?? TCVN3_ENCODE.get(ch.toLowerCase());
    out += lowered ?? ch;
  }
  return out;
}

const DECODERS: Record<LegacyEncoding, (s: string) => string> = { tcvn3: decodeTcvn3, vni: decodeVni };

/**
 * TCVN3 capitals were typed with lower-case codes in a capitals font: "§¶NG" decodes to "ĐảNG". A word whose other
 * letters are all capitals (two at least) is raised whole; so is a text typed with no lower-case ASCII letter at all.
 */
function raiseCapitalWords(decoded: string, pasted: string): string {
  const allCaps = /[A-Z]/u.test(pasted) && !/[a-z]/u.test(pasted);
  if (allCaps) return decoded.toUpperCase();
  return decoded.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const capitals = [...word].filter((c) => c !== c.toLowerCase()).length;
    const asciiLower = /[a-z]/u.test(word);
    return capitals >= 2 && !asciiLower ? word.toUpperCase() : word;
  });
}

/* ---------- detection ---------- */

/** Characters a legacy word may hold: letters and marks, and the TCVN3 codes that are not letters ("§", "¹", soft hyphen). */
const LEGACY_NON_LETTERS = [...TCVN3_DECODE.keys()].filter((c) => !/\p{L}/u.test(c)).join('');
const WORD = new RegExp(`[\\p{L}\\p{M}${LEGACY_NON_LETTERS.replace(/[\\\]^-]/gu, '\\$&')}]+`, 'gu');

/** A word holding a character beyond Latin-1 was typed in Unicode. */
const isUnicodeWord = (w: string): boolean => /[^\u0000-\u00FF]/u.test(w);
const isAscii = (w: string): boolean => /^[\u0000-\u007F]*$/u.test(w);

export interface LegacyTextMatch {
  encoding: LegacyEncoding;
  /** The runs typed in the legacy font, [start, end) in the text, in order. */
  spans: Array<{ start: number; end: number }>;
  /** A few of the words as pasted ("ho¹ch"), for messages. */
  examples: string[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Runs of consecutive words none of which is a Unicode word. */
function latinRuns(text: string): Word[][] {
  const runs: Word[][] = [];
  let current: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = { text: m[0], start: m.index, end: m.index + m[0].length };
    if (isUnicodeWord(w.text)) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push(w);
  }
  if (current.length) runs.push(current);
  return runs;
}

/**
 * Words no Vietnamese reads as typed: Latin-1 beyond ASCII, and no syllable. One character alone is no evidence (a
 * footnote mark "¹", "©").
 */
const suspects = (run: Word[]): Word[] => run.filter((w) => [...w.text].length > 1 && !isAscii(w.text) && !isVietnameseSyllable(w.text));

/** How many of the suspect words become Vietnamese syllables when decoded (null: fewer than 80 % of them). */
function explained(words: Word[], encoding: LegacyEncoding): number | null {
  if (words.length === 0) return null;
  const decode = DECODERS[encoding];
  const good = words.filter((w) => {
    const decoded = decode(w.text);
    return decoded !== w.text && /^[\p{L}\p{M}]+$/u.test(decoded) && isVietnameseSyllable(decoded);
  }).length;
  return good >= 1 && good / words.length >= 0.8 ? good : null;
}

/** TCVN3 codes that are no letters ("¸", "¹", "§", the soft hyphen for ư): VNI never writes them. */
const TCVN3_SIGN = new RegExp(`[${LEGACY_NON_LETTERS.replace(/[\\\]^-]/gu, '\\$&')}]`, 'u');

/** The legacy-font runs of a text, or null when it holds none (Vietnamese typed in Unicode, ASCII, foreign names). */
export function findLegacyText(text: string): LegacyTextMatch | null {
  if (!/[\u00A1-\u00FF]/u.test(text)) return null;
  const runs = latinRuns(text)
    .map((run) => ({ run, suspect: suspects(run) }))
    .filter((r) => r.suspect.length > 0);
  if (runs.length === 0) return null;
  const allSuspects = runs.flatMap((r) => r.suspect);
  const score = (e: LegacyEncoding) => explained(allSuspects, e) ?? -1;
  // Both may read a word ("Löu" is "Lưu" in VNI, "Lửu" in TCVN3): TCVN3 text is full of codes VNI never writes.
  const tcvn3 = score('tcvn3');
  const vni = score('vni');
  const encoding: LegacyEncoding = tcvn3 > vni || (tcvn3 === vni && allSuspects.some((w) => TCVN3_SIGN.test(w.text))) ? 'tcvn3' : 'vni';
  if (score(encoding) < 0) return null;
  const spans = runs
    .filter((r) => explained(r.suspect, encoding) != null)
    .map((r) => ({ start: r.run[0]!.start, end: r.run.at(-1)!.end }));
  if (spans.length === 0) return null;
  return { encoding, spans, examples: allSuspects.slice(0, 3).map((w) => w.text) };
}

/** The text with its legacy-font runs converted to Unicode NFC (the text itself when it holds none). */
export function convertLegacyText(text: string, match: LegacyTextMatch | null = findLegacyText(text)): string {
  if (!match) return text;
  const decode = DECODERS[match.encoding];
  let out = '';
  let at = 0;
  for (const { start, end } of match.spans) {
    out += text.slice(at, start) + decode(text.slice(start, end));
    at = end;
  }
  return (out + text.slice(at)).normalize('NFC');
}

/** "TCVN3 (ABC, .VnTime)" / "VNI": the encoding as named to the user. */
export const LEGACY_ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, .VnTime)', vni: 'VNI' };
