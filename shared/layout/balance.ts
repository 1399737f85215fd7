/**
 * Where a header line too long for its column breaks. Word or LibreOffice wrap greedily, which leaves a word alone
 * on the last line ("ĐẢNG ỦY TRƯỜNG ĐẠI HỌC HÙNG" / "VƯƠNG"); the layout breaks it itself into the fewest lines that
 * fit, as even as possible ("ĐẢNG ỦY TRƯỜNG" / "ĐẠI HỌC HÙNG VƯƠNG"), the same for the preview and the .docx. A
 * line break she typed in the name is kept as typed.
 */
import { textWidthMmOf, type FontFace } from './metrics';

/** Measures are estimates of the renderers' own: a line must fit with this much room to spare. */
const FIT = 0.97;

/** Two-syllable words of issuer names that a break should not split ("ĐẠI HỌC", "CAO ĐẲNG"). */
const COMPOUNDS = new Set(
  [
    'ĐẢNG ỦY', 'ĐẢNG BỘ', 'CHI BỘ', 'CHI ỦY', 'HUYỆN ỦY', 'TỈNH ỦY', 'THÀNH ỦY', 'QUẬN ỦY', 'THỊ ỦY', 'ĐẠI HỌC', 'CAO ĐẲNG',
    'TRUNG CẤP', 'TIỂU HỌC', 'TRUNG HỌC', 'CƠ SỞ', 'PHỔ THÔNG', 'MẦM NON', 'KỸ THUẬT', 'CÔNG NGHIỆP', 'NÔNG NGHIỆP',
    'DOANH NGHIỆP', 'CƠ QUAN', 'NHÂN DÂN', 'ỦY BAN', 'BỆNH VIỆN', 'CÔNG TY', 'TỔNG CÔNG', 'TRUNG ƯƠNG', 'DÂN TỘC',
    'NỘI TRÚ', 'ĐA KHOA', 'THỪA THIÊN', 'ĐIỆN BIÊN',
  ].map((w) => w.normalize('NFC')),
);

/** The words of a line, each compound kept as one unit. */
function units(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`.normalize('NFC');
    if (i + 1 < words.length && COMPOUNDS.has(pair.replace(/UỶ/gu, 'ỦY'))) {
      out.push(pair);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

/** `text` in lines that fit `widthMm`, as even as possible; her own line breaks win. */
export function balancedLines(text: string, face: FontFace, sizePt: number, widthMm: number): string[] {
  const typed = text
    .split(/\r?\n/u)
    .map((l) => l.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
  if (typed.length !== 1) return typed;
  const line = typed[0]!;
  const room = widthMm * FIT;
  const width = (s: string) => textWidthMmOf(s, face, sizePt);
  if (width(line) <= room) return [line];
  return evenLines(units(line.split(' ')), room, width) ?? evenLines(line.split(' '), room, width) ?? [line];
}

/** The fewest lines of `words` that fit `room`, the widest as narrow as it can be; null when a word alone is too wide. */
function evenLines(words: string[], room: number, width: (s: string) => number): string[] | null {
  const n = words.length;
  // span[i][j]: the width of words i..j-1 on one line.
  const span = (i: number, j: number) => width(words.slice(i, j).join(' '));
  // best[k][j]: the smallest widest line when the first j words make k lines (Infinity: a word alone is too wide).
  for (let lines = 2; lines <= n; lines++) {
    const best: number[][] = Array.from({ length: lines + 1 }, () => Array<number>(n + 1).fill(Infinity));
    const cut: number[][] = Array.from({ length: lines + 1 }, () => Array<number>(n + 1).fill(0));
    best[0]![0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let j = k; j <= n; j++) {
        for (let i = k - 1; i < j; i++) {
          const w = span(i, j);
          if (w > room) continue;
          const worst = Math.max(best[k - 1]![i]!, w);
          if (worst < best[k]![j]!) {
            best[k]![j] = worst;
            cut[k]![j] = i;
          }
        }
      }
    }
    if (best[lines]![n] === Infinity) continue;
    const out: string[] = [];
    for (let k = lines, j = n; k > 0; k--) {
      const i = cut[k]![j]!;
      out.unshift(words.slice(i, j).join(' '));
      j = i;
    }
    return out;
  }
  return null;
}
