import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldedWords, foldVietnamese } from '../../shared/format/fold';

const SEEDS = join(__dirname, '../../../shared/seeds');

describe('foldVietnamese', () => {
  it('strips tones and vowel marks and lowercases', () => {
    expect(foldVietnamese('Đại hội điểm')).toBe('dai hoi diem');
    expect(foldVietnamese('KẾ HOẠCH')).toBe('ke hoach');
    expect(foldVietnamese('Ủy ban Kiểm tra Huyện ủy')).toBe('uy ban kiem tra huyen uy');
    expect(foldVietnamese('ư ơ ă â ê ô')).toBe('u o a a e o');
  });

  it('maps đ and Đ to d (unicode61 alone does not)', () => {
    expect(foldVietnamese('đ')).toBe('d');
    expect(foldVietnamese('ĐẢNG ỦY XÃ')).toBe('dang uy xa');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Thường trực Tỉnh ủy'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfc)).toBe('thuong truc tinh uy');
  });

  it('folds character by character exactly as folding the whole text at once (seed plans, mixed forms, other scripts)', () => {
    const whole = (t: string) => t.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
    const mixed = ['Thường trực'.normalize('NFD') + ' Tỉnh ủy', 'ơ\u0301 Ư\u0323', 'ΣΑΣ ǅ ﬁ 😀 Ⅻ', 'x\u0301\u0302y', '\ud800'];
    for (const text of [...seeds, ...mixed]) expect(foldVietnamese(text)).toBe(whole(text));
    expect(seeds.length).toBeGreaterThan(0);
  });

  it('folds every character of the Basic Multilingual Plane as the whole-text fold does, alone and inside a text', () => {
    const whole = (t: string) => t.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const chars: string[] = [];
    for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code >= 0xe000) chars.push(String.fromCharCode(code));
    for (const ch of chars) if (foldVietnamese(ch) !== whole(ch)) expect(foldVietnamese(ch)).toBe(whole(ch));
    // Inside a text: ASCII around each, so a character folding to none or several units shifts the rest.
    const text = chars.map((ch) => `a${ch}`).join('');
    expect(foldVietnamese(text)).toBe(chars.map((ch) => `a${whole(ch)}`).join(''));
    // A second, shorter text reuses the same buffer: nothing of the first is left in it.
    expect(foldVietnamese('Ấp Bắc')).toBe('ap bac');
  });

  it('leaves ASCII, digits and punctuation alone', () => {
    expect(foldVietnamese('Số 315-KH/HU, ngày 05/11/2024')).toBe('so 315-kh/hu, ngay 05/11/2024');
    expect(foldVietnamese('')).toBe('');
  });

  it('splits folded words on anything that is not a letter or digit', () => {
    expect(foldedWords('Số 315-KH/HU')).toEqual(['so', '315', 'kh', 'hu']);
    expect(foldedWords('  — ; ')).toEqual([]);
  });
});
