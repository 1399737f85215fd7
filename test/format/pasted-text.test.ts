import { normalizePastedText, pastedOnOneLine, splitPastedLines } from '../../shared/format/pasted-text';

describe('pasted text', () => {
  it('turns tabs into single spaces and every line break into "\\n"', () => {
    expect(normalizePastedText('1.\tMục đích\r\n2.\t\t Yêu cầu')).toBe('1. Mục đích\n2. Yêu cầu');
    expect(normalizePastedText('a \t b\rc\u2029d\u000Be\u0007f')).toBe('a b\nc\nd\ne f');
    expect(normalizePastedText('không đổi')).toBe('không đổi');
  });

  it('puts a pasted text on one line for single-line fields', () => {
    expect(pastedOnOneLine('Kế hoạch\r\n  tổ chức\t đại hội\n\n')).toBe('Kế hoạch tổ chức đại hội');
  });

  it('splits lines into paragraphs, dropping blank lines and trimming', () => {
    expect(splitPastedLines('Đoạn một.\r\n\r\n\tĐoạn hai.  \nĐoạn ba.')).toEqual({
      kind: 'paragraphs',
      lines: [
        { text: 'Đoạn một.', marker: null },
        { text: 'Đoạn hai.', marker: null },
        { text: 'Đoạn ba.', marker: null },
      ],
    });
  });

  it('reads "-", "+" and Word bullets as items and drops the marker', () => {
    expect(splitPastedLines('- Ý một;\n+\tý phụ;\n• Ý hai.\n– Ý ba')).toEqual({
      kind: 'items',
      lines: [
        { text: 'Ý một;', marker: '-' },
        { text: 'ý phụ;', marker: '+' },
        { text: 'Ý hai.', marker: '-' },
        { text: 'Ý ba', marker: '-' },
      ],
    });
  });

  it('keeps paragraphs (markers and all) when some line has no marker', () => {
    const split = splitPastedLines('Các nhiệm vụ:\n- một\n- hai');
    expect(split?.kind).toBe('paragraphs');
    expect(split?.lines.map((l) => l.text)).toEqual(['Các nhiệm vụ:', '- một', '- hai']);
  });

  it('has nothing to split in a single line, or a number like "-5"', () => {
    expect(splitPastedLines('một dòng\n\n')).toBeNull();
    expect(splitPastedLines('-5 độ\n-3 độ')?.kind).toBe('paragraphs');
  });
});
