import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  VIETNAMESE_LETTERS,
  convertLegacyText,
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  findLegacyText,
  isVietnameseSyllable,
} from '../../shared/format/legacy-text';

const SEEDS = resolve(__dirname, '../../../shared/seeds');
const TEMPLATES = resolve(__dirname, '../../resources/templates');
const seedLines = (): string[] =>
  readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(resolve(SEEDS, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
function* strings(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* strings(x);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) yield* strings(x);
}
const templateTexts = (): string[] =>
  readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => [...strings(JSON.parse(readFileSync(resolve(TEMPLATES, f), 'utf8')))]);

describe('TCVN3 (ABC, .VnTime) text pasted as Unicode', () => {
  it('is found and converted', () => {
    expect(findLegacyText('KÕ ho¹ch')?.encoding).toBe('tcvn3');
    expect(convertLegacyText('KÕ ho¹ch')).toBe('Kế hoạch');
    expect(convertLegacyText('§¶ng bé x·')).toBe('Đảng bộ xã');
    // "ư" is a soft hyphen in TCVN3.
    expect(convertLegacyText('Th\u00adêng trùc HuyÖn ñy')).toBe('Thường trực Huyện ủy');
  });

  it('raises words typed in the capitals font (lower-case codes)', () => {
    expect(convertLegacyText('§¶NG Bé X· T¢N LËP')).toBe('ĐẢNG BỘ XÃ TÂN LẬP');
    expect(convertLegacyText('CHI Bé TR\u00a6êNG TIÓU HäC')).toBe('CHI BỘ TRƯỜNG TIỂU HỌC');
  });

  it('converts only the pasted runs of a field that mixes them with Unicode', () => {
    const mixed = 'Thực hiện KÕ ho¹ch sè 12-KH/§U cña §¶ng ñy x·, ngày 05/01/2025';
    expect(convertLegacyText(mixed)).toBe('Thực hiện Kế hoạch số 12-KH/ĐU của Đảng ủy xã, ngày 05/01/2025');
  });

  it("decodes with iconv-lite's TCVN 5712 table: each pasted character is the font's byte", () => {
    for (const letter of VIETNAMESE_LETTERS.filter((l) => l === l.toLowerCase())) {
      const pasted = encodeTcvn3(letter);
      expect(pasted).toHaveLength(1);
      expect(iconv.decode(Buffer.from([pasted.charCodeAt(0)]), 'tcvn'), letter).toBe(letter);
      expect(decodeTcvn3(pasted)).toBe(letter);
    }
  });

  it('reads the seed lines back from their TCVN3 form (capitals aside: the fonts have no toned capitals)', () => {
    // A footnote mark "¹" in the source would be TCVN3's "ạ": such lines cannot be told apart.
    const lines = seedLines().filter((l) => encodeTcvn3(l) !== l && !/[¹²³]/u.test(l));
    const found = lines.filter((l) => findLegacyText(encodeTcvn3(l)) != null);
    for (const line of found) expect(convertLegacyText(encodeTcvn3(line)).toLowerCase(), line).toBe(line.normalize('NFC').toLowerCase());
    // A line may hold only words that read as Unicode too ("II. NéI DUNG": "néi"); nearly all are found.
    expect(found.length / lines.length).toBeGreaterThan(0.95);
  });
});

describe('VNI text pasted as Unicode', () => {
  it('is found and converted', () => {
    expect(findLegacyText('Keá hoaïch')?.encoding).toBe('vni');
    expect(convertLegacyText('Keá hoaïch')).toBe('Kế hoạch');
    expect(convertLegacyText('Ñaûng boä xaõ Taân Laäp')).toBe('Đảng bộ xã Tân Lập');
    expect(convertLegacyText('Ngöôøi daân, chuû nghóa')).toBe('Người dân, chủ nghĩa');
    expect(convertLegacyText('ÑAÛNG BOÄ XAÕ')).toBe('ĐẢNG BỘ XÃ');
  });

  it('round-trips every Vietnamese letter, lower and upper case (Unicode → VNI → Unicode)', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134);
    for (const letter of VIETNAMESE_LETTERS) {
      const vni = encodeVni(letter);
      // í and ì are the same characters in VNI.
      if (!'íìÍÌ'.includes(letter)) expect(vni, letter).not.toBe(letter);
      expect(decodeVni(vni), `${letter} as ${vni}`).toBe(letter);
    }
  });

  it('reads the seed lines back exactly from their VNI form', () => {
    const lines = seedLines().filter((l) => encodeVni(l) !== l);
    const found = lines.filter((l) => findLegacyText(encodeVni(l)) != null);
    for (const line of found) expect(convertLegacyText(encodeVni(line)), line).toBe(line.normalize('NFC'));
    expect(found.length / lines.length).toBeGreaterThan(0.95);
  });
});

describe('text typed in Unicode', () => {
  it('is never taken for a legacy font: the seeds and the templates', () => {
    const texts = [...seedLines(), ...templateTexts()];
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.filter((t) => findLegacyText(t) != null)).toEqual([]);
  });

  it('leaves foreign names and symbols alone', () => {
    for (const s of ['Müller và Köhler', 'Café au lait', '§ 5 điều lệ', 'nhiệt độ 25°C', '© 2025', 'hoà bình', 'Hòa Bình']) {
      expect(findLegacyText(s), s).toBeNull();
      expect(convertLegacyText(s)).toBe(s);
    }
  });

  it('knows a Vietnamese syllable', () => {
    for (const w of ['hoạch', 'Người', 'quyết', 'khuỷu', 'nguyễn', 'giữ', 'Đảng', 'gì', 'xuân']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['hoaùch', 'Keá', 'Müller', 'ho¹ch', 'café']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
});
