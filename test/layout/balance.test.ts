import { describe, expect, it } from 'vitest';
import { composeLayout } from '../../shared/layout';
import { balancedLines } from '../../shared/layout/balance';
import { textWidthMmOf } from '../../shared/layout/metrics';
import { PlanContent, defaultFormatProfile } from '../../shared/model';
import { filledBlankPlan } from '../fixtures/filled-blanks';

const COLUMN = 80;
const issuerRuns = (name: string) => {
  const c: PlanContent = filledBlankPlan('blank-dang-uy-co-so-nam-hoc.json');
  c.header.issuer.name = name;
  const layout = composeLayout(PlanContent.parse(c), defaultFormatProfile());
  expect(layout.header.leftWidthMm).toBe(COLUMN);
  return layout.header.rows[0]!.left.find((p) => p.role === 'header-issuer')!.runs;
};

describe('long issuer names', () => {
  it('break into two even lines, never one word alone', () => {
    const lines = balancedLines('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP', 'bold', 14, COLUMN);
    expect(lines).toEqual(['ĐẢNG ỦY TRƯỜNG CAO ĐẲNG', 'KỸ THUẬT CÔNG NGHIỆP']);
    const [a, b] = lines.map((l) => textWidthMmOf(l, 'bold', 14));
    expect(Math.min(a!, b!) / Math.max(a!, b!)).toBeGreaterThan(0.75);
    // Greedy wrapping would leave "VƯƠNG" alone; a two-syllable word is not split ("ĐẠI HỌC").
    expect(balancedLines('ĐẢNG ỦY TRƯỜNG ĐẠI HỌC HÙNG VƯƠNG', 'bold', 14, COLUMN)).toEqual(['ĐẢNG ỦY TRƯỜNG', 'ĐẠI HỌC HÙNG VƯƠNG']);
    for (const l of balancedLines('ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH THỪA THIÊN HUẾ', 'regular', 14, COLUMN)) {
      expect(textWidthMmOf(l, 'regular', 14)).toBeLessThan(COLUMN);
      expect(l.split(' ').length).toBeGreaterThan(1);
    }
  });

  it('keep a name that fits on one line, and a line break she typed', () => {
    expect(balancedLines('CHI BỘ TRƯỜNG TIỂU HỌC', 'bold', 14, COLUMN)).toEqual(['CHI BỘ TRƯỜNG TIỂU HỌC']);
    expect(balancedLines('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT\nCÔNG NGHIỆP', 'bold', 14, COLUMN)).toEqual(['ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT', 'CÔNG NGHIỆP']);
    expect(balancedLines('ĐẢNG ỦY\r\n  TRƯỜNG CAO ĐẲNG\n', 'bold', 14, COLUMN)).toEqual(['ĐẢNG ỦY', 'TRƯỜNG CAO ĐẲNG']);
  });

  it('are laid out as line breaks in one issuer paragraph (the same for the preview and the .docx)', () => {
    expect(issuerRuns('Đảng ủy Trường Cao đẳng Kỹ thuật Công nghiệp')).toEqual([
      { text: 'ĐẢNG ỦY TRƯỜNG CAO ĐẲNG' },
      { text: 'KỸ THUẬT CÔNG NGHIỆP', breakBefore: true },
    ]);
    expect(issuerRuns('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG\nKỸ THUẬT CÔNG NGHIỆP'.replace('ĐẲNG\n', 'ĐẲNG KỸ\n').replace('\nKỸ ', '\n'))).toEqual([
      { text: 'ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ' },
      { text: 'THUẬT CÔNG NGHIỆP', breakBefore: true },
    ]);
    expect(issuerRuns('CHI BỘ TRƯỜNG TIỂU HỌC')).toEqual([{ text: 'CHI BỘ TRƯỜNG TIỂU HỌC' }]);
  });
});
