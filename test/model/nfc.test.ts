/**
 * toNfc skips ICU for text made only of code units that are NFC whatever their neighbours: proved here over every
 * pair of such code units, and compared with String.prototype.normalize on text that needs normalising.
 */
import { describe, expect, it } from 'vitest';
import { nfcStable, toNfc } from '../../shared/model/common';

/** Every code unit toNfc trusts (surrogates aside: they are never NFC-stable alone). */
const STABLE: number[] = [];
for (let c = 0; c <= 0xffff; c++) if (nfcStable(c)) STABLE.push(c);

describe('toNfc', () => {
  it('every pair of the code units it trusts is already NFC', () => {
    expect(STABLE.length).toBeGreaterThan(1000);
    expect(STABLE.some((c) => c >= 0xd800 && c <= 0xdfff)).toBe(false);
    const chars = STABLE.map((c) => String.fromCharCode(c));
    const bad: string[] = [];
    for (const a of chars) {
      for (const b of chars) {
        const s = a + b;
        if (s.normalize('NFC') !== s) bad.push(`U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('normalises as String.prototype.normalize does wherever a code unit is outside them', () => {
    const samples = [
      'Kế hoạch tổ chức đại hội điểm',
      'Ke\u0302\u0301 hoa\u0323ch', // decomposed tone marks
      'Đảng ủy xã Bình Lư\u0300', // a precomposed word, then a combining mark
      '\u212b \u2000 \u1f71', // Angstrom sign, en quad, Greek with a singleton
      'ơ\u0301 ư\u0303 a\u0306\u0300',
      '\u1100\u1161\u11a8', // Hangul jamo
      '— “Trích yếu” … 2025–2030',
      '',
    ];
    for (const s of samples) expect(toNfc(s)).toBe(s.normalize('NFC'));
    const plain = 'Kế hoạch thực hiện Chỉ thị số 35-CT/TW — “đại hội điểm”…';
    expect(toNfc(plain)).toBe(plain);
  });
});
