import { describe, expect, it } from 'vitest';
import { removeSequence, wordRatio, words, wordsFromTitleToSigner } from './similarity';

describe('word similarity helper', () => {
  it('ignores punctuation and spacing', () => {
    expect(words('- Căn cứ Kế hoạch số 294-KH/HU,  ngày 19/7/2024;')).toEqual(['Căn', 'cứ', 'Kế', 'hoạch', 'số', '294', 'KH', 'HU', 'ngày', '19', '7', '2024']);
    expect(words('Trưởng Ban¹, thành')).toEqual(['Trưởng', 'Ban', '1', 'thành']);
    expect(words('Trưởng Ban1, thành')).toEqual(['Trưởng', 'Ban', '1', 'thành']);
    expect(words('Điều 1a, 2025-2030')).toEqual(['Điều', '1a', '2025', '2030']);
  });

  it('computes 2M/T like difflib', () => {
    // difflib.SequenceMatcher(None, list('abcd'), list('bcde')).ratio() == 0.75
    expect(wordRatio(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'e'])).toBeCloseTo(0.75);
    // SequenceMatcher(None, 'a b c x y'.split(), 'x y a b c'.split()).ratio() == 0.6
    expect(wordRatio('a b c x y'.split(' '), 'x y a b c'.split(' '))).toBeCloseTo(0.6);
    expect(wordRatio([], [])).toBe(1);
    expect(wordRatio(['a'], [])).toBe(0);
  });

  it('cuts from the title to the signer', () => {
    expect(wordsFromTitleToSigner('HUYỆN ỦY\nKẾ HOẠCH\nNội dung\nTần Thị Quế\nPHỤ LỤC', 'Tần Thị Quế')).toEqual(['KẾ', 'HOẠCH', 'Nội', 'dung', 'Tần', 'Thị', 'Quế']);
    expect(() => wordsFromTitleToSigner('no title', 'X')).toThrow();
  });

  it('removes a footnote with its mark', () => {
    const list = ['a', 'b', '1', 'x', 'y', 'c'];
    expect(removeSequence(list, ['x', 'y'], '1')).toBe(true);
    expect(list).toEqual(['a', 'b', 'c']);
    expect(removeSequence(list, ['z'])).toBe(false);
  });
});
