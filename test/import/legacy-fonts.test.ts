/**
 * .docx files typed in the legacy fonts: runs in ".VnTime" (TCVN3), ".VnTimeH" (TCVN3 capitals stored as lower-case
 * codes) and "VNI-Times" (VNI) are read as Unicode NFC. The files are made here with the docx library, the bytes of
 * each run being what the legacy font's keyboard driver stored.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/backend/import';
import { encodeTcvn3, encodeVni } from '../../shared/format/legacy-text';

type Encoder = (s: string) => string;

async function legacyDocx(font: string, encode: Encoder, capsFont: string, encodeCaps: Encoder): Promise<Uint8Array> {
  const line = (text: string, opts: { font?: string; bold?: boolean; caps?: boolean } = {}) =>
    new Paragraph({ children: [new TextRun({ text: opts.caps ? encodeCaps(text) : encode(text), font: opts.font ?? font, bold: opts.bold })] });
  const doc = new Document({
    sections: [
      {
        children: [
          line('ĐẢNG BỘ TỈNH ĐIỆN BIÊN', { font: capsFont, caps: true }),
          line('HUYỆN ỦY ĐIỆN BIÊN', { font: capsFont, caps: true, bold: true }),
          line('*'),
          new Paragraph({ children: [new TextRun({ text: 'Số 12-KH/HU', font: 'Times New Roman' })] }),
          line('Điện Biên, ngày 05 tháng 02 năm 2025'),
          line('KẾ HOẠCH', { font: capsFont, caps: true, bold: true }),
          line('tổ chức hội nghị quán triệt nghị quyết của Đảng', { bold: true }),
          line('- Căn cứ Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương;'),
          line('Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:'),
          line('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }),
          line('1. Mục đích', { bold: true }),
          line('Nâng cao nhận thức của cán bộ, đảng viên về việc sắp xếp tổ chức bộ máy.'),
          line('Nơi nhận:'),
          line('- Ban Thường vụ Tỉnh ủy (b/c),'),
          line('- Lưu Văn phòng Huyện ủy.'),
          line('T/M BAN THƯỜNG VỤ', { font: capsFont, caps: true, bold: true }),
          line('BÍ THƯ', { font: capsFont, caps: true }),
          line('Lò Văn Mừng', { bold: true }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe.each([
  ['TCVN3 (.VnTime, .VnTimeH)', '.VnTime', encodeTcvn3, '.VnTimeH', (s: string) => encodeTcvn3(s.toLowerCase())],
  ['VNI (VNI-Times)', 'VNI-Times', encodeVni, 'VNI-Times', encodeVni],
] as const)('a .docx typed in %s', (_name, font, encode, capsFont, encodeCaps) => {
  it('imports as Unicode NFC', async () => {
    const bytes = await legacyDocx(font, encode, capsFont, encodeCaps);
    // The runs really hold the legacy bytes, not Unicode Vietnamese.
    expect(encode('Điện Biên')).not.toBe('Điện Biên');
    const { plan, notes } = importFile(bytes, 'cu.docx');
    expect(plan.header.issuer).toEqual({ higherLines: ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name: 'HUYỆN ỦY ĐIỆN BIÊN', symbol: 'HU' });
    expect(plan.header.place).toBe('Điện Biên');
    expect(plan.header.date).toEqual({ day: '05', month: '02', year: '2025' });
    expect(plan.trichYeu).toBe('tổ chức hội nghị quán triệt nghị quyết của Đảng');
    expect(plan.canCu.items.map((i) => i.text)).toEqual(['Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương']);
    expect(plan.body[0]).toMatchObject({ kind: 'section', title: 'MỤC ĐÍCH, YÊU CẦU', children: [{ kind: 'section', title: 'Mục đích' }] });
    expect(JSON.stringify(plan.body)).toContain('Nâng cao nhận thức của cán bộ, đảng viên về việc sắp xếp tổ chức bộ máy.');
    expect(plan.recipients.map((r) => [r.text, r.note])).toEqual([
      ['Ban Thường vụ Tỉnh ủy', '(b/c)'],
      ['Lưu Văn phòng Huyện ủy', ''],
    ]);
    expect(plan.signature).toEqual({ authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Lò Văn Mừng' });
    expect(JSON.stringify(plan)).toBe(JSON.stringify(plan).normalize('NFC'));
    expect(notes.join(' ')).toMatch(/TCVN3|VNI/u);
  });
});
