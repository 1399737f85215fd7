/**
 * Advance widths of Times New Roman (measured on the metric-identical Liberation Serif), to estimate how wide a
 * line prints without a DOM or a font file: column widths of the header. Units: 1/2048 em.
 * Vietnamese letters print as wide as their base letter (checked for every precomposed letter), so a text is
 * measured on its NFD base letters; ơ/ư (with horn) have their own width.
 */
const CHARS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + 'đĐơƠưƯ';
const UNITS_PER_EM = 2048;
const WIDTHS = {
  regular: [512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108, 1024, 1479, 1083, 1479, 1110, 1589],
  bold: [512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065, 1139, 1479, 1134, 1593, 1229, 1630],
  italic: [512, 682, 860, 1024, 1024, 1706, 1593, 438, 682, 682, 1024, 1382, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1382, 1382, 1382, 1024, 1884, 1251, 1251, 1366, 1479, 1251, 1251, 1479, 1479, 682, 909, 1366, 1139, 1706, 1366, 1479, 1251, 1479, 1251, 1024, 1139, 1479, 1251, 1706, 1251, 1139, 1139, 797, 569, 797, 864, 1024, 682, 1024, 1024, 909, 1024, 909, 569, 1024, 1024, 569, 569, 909, 569, 1479, 1024, 1024, 1024, 1024, 797, 797, 569, 1024, 909, 1366, 909, 909, 797, 819, 563, 819, 1108, 1024, 1479, 1093, 1479, 1117, 1544],
} as const;

export type FontFace = keyof typeof WIDTHS;

const INDEX = new Map(Array.from(CHARS).map((c, i) => [c, i]));
const HORN = /[ơớờởỡợƠỚỜỞỠỢưứừửữựƯỨỪỬỮỰ]/u;

function baseChar(c: string): string {
  if (HORN.test(c)) {
    const upper = c === c.toUpperCase();
    const o = /[ơớờởỡợƠỚỜỞỠỢ]/u.test(c);
    return o ? (upper ? 'Ơ' : 'ơ') : upper ? 'Ư' : 'ư';
  }
  if (c === 'đ' || c === 'Đ') return c;
  return c.normalize('NFD').charAt(0);
}

/** Printed width of `text` in `face` at `sizePt`, in mm. Unknown characters count as an "n". */
export function textWidthMmOf(text: string, face: FontFace, sizePt: number): number {
  const table = WIDTHS[face];
  const fallback = table[INDEX.get('n')!]!;
  let units = 0;
  for (const c of text) {
    const i = INDEX.get(c) ?? INDEX.get(baseChar(c));
    units += i === undefined ? fallback : table[i]!;
  }
  return ((units / UNITS_PER_EM) * sizePt * 25.4) / 72;
}
