/**
 * A pasted text (from a PDF, a web page, an old .doc opened elsewhere) or a .txt file → paragraphs.
 *
 * A PDF's text comes as printed lines: a paragraph wraps over several lines of about the same length. Such lines are
 * joined again: a line nearly as long as the full lines goes on in the next one, unless the next one opens a new
 * block ("- ", "+ ", "I.", "1.", "a)", "Nơi nhận", "T/M …"). A text whose lines are paragraphs already (a web page,
 * a .txt typed by hand) keeps them. Lines holding a page number alone are dropped and listed.
 */
import { isUpperLine } from './patterns';
import { plainParagraph, type SourceDocument, type SourceParagraph } from './source';

/** A line that opens a block of its own. */
const BLOCK_START =
  /^(?:[-+*•–]\s|[IVXLC]+[.-]\s|\d+(?:\.\d+)*\.\s|\d+(?:\.\d+)+\s|[a-zđ]\)\s|Nơi nhận|T\/M\s|K\/T\s|T\/L\s|(?:- )?(?:Căn cứ|Thực hiện|Thi hành)\s|KẾ HOẠCH$|PHỤ LỤC|\(Kèm theo)/u;
/** A whole lead sentence on its line: "Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:" opens a block of its own. */
const LEAD_LINE = /^(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Chi\s+ủy|Chi\s+bộ|Đảng\s+ủy|Thường\s+trực)\s.*\b(?:ban\s+hành|xây\s+dựng)\s+[Kk]ế\s+hoạch\b.*\bnhư\s+sau:$/u;
const PAGE_NUMBER = /^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$/u;

export interface TextSource extends SourceDocument {
  /** Lines left out while reading (page numbers), in order. */
  dropped: string[];
}

function normalise(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/[\t\u00A0\u2007\u202F]/gu, ' ')
    .replace(/[\u200B-\u200D\u2060]/gu, '');
}

/** The length of a full printed line: the 80th percentile of the longer lines. */
function fullLineLength(lines: string[]): number {
  const long = lines.map((l) => l.length).filter((n) => n >= 40).sort((a, b) => a - b);
  if (long.length < 5) return Infinity;
  return long[Math.floor(long.length * 0.8)]!;
}

/** Whether the text is printed lines (a PDF's) rather than one paragraph per line. */
function isWrapped(lines: string[], full: number): boolean {
  if (!Number.isFinite(full) || full > 130 || full < 30) return false;
  const nearFull = lines.filter((l) => l.length >= 0.85 * full && l.length <= 1.1 * full).length;
  return nearFull >= 3 && nearFull / Math.max(1, lines.filter((l) => l.trim()).length) >= 0.08;
}

export function sourceFromText(raw: string): TextSource {
  const lines = normalise(raw).split('\n').map((l) => l.replace(/\s+$/u, ''));
  const dropped: string[] = [];
  const kept: string[] = [];
  for (const l of lines) {
    if (PAGE_NUMBER.test(l) && l.trim() !== '') dropped.push(l.trim());
    else kept.push(l);
  }
  const full = fullLineLength(kept);
  const wrapped = isWrapped(kept, full);
  const paragraphs: SourceParagraph[] = [];
  let current: string | null = null;
  let continues = false;
  const flush = () => {
    if (current !== null && current.trim()) paragraphs.push(plainParagraph(current.trim()));
    current = null;
  };
  for (const line of kept) {
    const text = line.trim();
    if (!text) {
      flush();
      continues = false;
      continue;
    }
    // A full line ending a sentence, followed by a capital, most likely ends its paragraph; a line opening in lower
    // case goes on the one above (paragraphs open with a capital or a marker), unless that one is a capital line.
    const sentenceEnds = current !== null && /[.:;!?]$/u.test(current) && /^\p{Lu}/u.test(text);
    const goesOn = wrapped && current !== null && /^\p{Ll}/u.test(text) && !isUpperLine(current);
    if (current !== null && (goesOn || (continues && !sentenceEnds)) && !BLOCK_START.test(text) && !LEAD_LINE.test(text)) {
      // "294-" + "KH/HU": a word cut at its hyphen joins without a space; "2025 -" + "2027" with one.
      current = /\S-$/u.test(current) ? current + text : `${current} ${text}`;
    } else {
      flush();
      current = text;
    }
    continues = wrapped && line.length >= 0.8 * full;
  }
  flush();
  return { origin: 'text', blocks: paragraphs, notes: [], dropped };
}
