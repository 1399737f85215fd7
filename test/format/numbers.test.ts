import { describe, expect, it } from 'vitest';
import { formatCount, formatDocNumber, formatDocSymbol, formatSymbolLine, toLetter, toRoman } from '../../shared/format';

describe('numbers', () => {
  it('pads counts below 10', () => {
    expect(formatCount(1)).toBe('01');
    expect(formatCount(9)).toBe('09');
    expect(formatCount(0)).toBe('00');
    expect(formatCount(10)).toBe('10');
    expect(formatCount(282)).toBe('282');
  });

  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 14, 17, 40, 90, 1999].map(toRoman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'IX', 'X', 'XIV', 'XVII', 'XL', 'XC', 'MCMXCIX']);
    expect(() => toRoman(0)).toThrow();
    expect(() => toRoman(1.5)).toThrow();
  });

  it('writes letters for level-3 numbering', () => {
    expect([1, 2, 26, 27, 28].map(toLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
  });
});

describe('number and symbol', () => {
  it('prints "Số n-KH/XX" with at least two digits and never a colon', () => {
    expect(formatSymbolLine('315', 'KH', 'HU')).toBe('Số 315-KH/HU');
    expect(formatSymbolLine('05', 'KH', 'HU')).toBe('Số 05-KH/HU');
    expect(formatSymbolLine('5', 'KH', 'HU')).toBe('Số 05-KH/HU');
    expect(formatSymbolLine('193', 'KH', 'BTCTW')).toBe('Số 193-KH/BTCTW');
    expect(formatSymbolLine('315', 'KH', 'HU')).not.toContain(':');
  });

  it('leaves the number blank for an unnumbered draft', () => {
    expect(formatSymbolLine('', 'KH', 'HU')).toBe('Số      -KH/HU');
    expect(formatDocSymbol('', 'KH', 'TU')).toBe('     -KH/TU');
    expect(formatDocNumber('')).toBe('');
    expect(formatDocNumber('007')).toBe('007');
  });
});
