import { describe, expect, it } from 'vitest';
import { parseInline, stripInline } from '../../shared/format';

const t = (text: string, bold = false, italic = false) => ({ kind: 'text', text, bold, italic });

describe('inline markup', () => {
  it('reads plain text as one span', () => {
    expect(parseInline('Căn cứ Kế hoạch số 294-KH/HU')).toEqual([t('Căn cứ Kế hoạch số 294-KH/HU')]);
    expect(parseInline('')).toEqual([]);
  });

  it('reads italic and bold', () => {
    expect(parseInline('Quy định (*gửi về Phòng Tài chính- Kế hoạch trước ngày 01/11/2024*). UBND')).toEqual([
      t('Quy định ('),
      t('gửi về Phòng Tài chính- Kế hoạch trước ngày 01/11/2024', false, true),
      t('). UBND'),
    ]);
    expect(parseInline('a **b** c')).toEqual([t('a '), t('b', true), t(' c')]);
    expect(parseInline('**đậm *nghiêng* đậm**')).toEqual([t('đậm ', true), t('nghiêng', true, true), t(' đậm', true)]);
    expect(parseInline('***cả hai***')).toEqual([t('cả hai', true, true)]);
  });

  it('keeps an asterisk followed by a space, or without partner, literal', () => {
    expect(parseInline('* Kết thúc đại hội')).toEqual([t('* Kết thúc đại hội')]);
    expect(parseInline('3 * 4 = 12')).toEqual([t('3 * 4 = 12')]);
    expect(parseInline('a *b')).toEqual([t('a *b')]);
    expect(parseInline('a **b')).toEqual([t('a **b')]);
    expect(parseInline('a* b*')).toEqual([t('a* b*')]);
  });

  it('extracts footnotes, nested brackets allowed', () => {
    expect(parseInline('Trưởng Ban[^Đảng bộ MTTQ, các đoàn thể Trung ương; Đảng bộ tỉnh Ninh Bình], thành phần')).toEqual([
      t('Trưởng Ban'),
      { kind: 'footnote', text: 'Đảng bộ MTTQ, các đoàn thể Trung ương; Đảng bộ tỉnh Ninh Bình' },
      t(', thành phần'),
    ]);
    expect(parseInline('x[^a [b] c]y')).toEqual([t('x'), { kind: 'footnote', text: 'a [b] c' }, t('y')]);
    expect(parseInline('x [^ unclosed')).toEqual([t('x [^ unclosed')]);
    expect(parseInline('[b]')).toEqual([t('[b]')]);
  });

  it('strips markup', () => {
    expect(stripInline('a **b** *c*[^n] d')).toBe('a b c d');
  });
});
