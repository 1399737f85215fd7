import { describe, expect, it } from 'vitest';
import {
  appendixLabel,
  appendixLine,
  canCuParagraphs,
  deriveAppendixIssuedBy,
  pilotBaseGroupHeading,
  pilotDelegatesSentence,
  pilotScheduleLines,
  pilotUnitLine,
  recipientLines,
  sentenceCase,
  signatureLines,
  trimEndPunctuation,
} from '../../shared/layout';
import { PlanHeader, type PilotUnit } from '../../shared/model';

const unit = (over: Partial<PilotUnit>): PilotUnit => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư',
  category: 'chi-bo-truc-thuoc',
  term: '2025 - 2027',
  attendees: '',
  members: null,
  invited: null,
  total: null,
  durationDays: null,
  deadline: null,
  orgId: null,
  ...over,
});

describe('text helpers', () => {
  it('trims final punctuation and writes sentence case', () => {
    expect(trimEndPunctuation('Lưu VPTU. ')).toBe('Lưu VPTU');
    expect(trimEndPunctuation('a,;')).toBe('a');
    expect(sentenceCase('BAN THƯỜNG VỤ')).toBe('Ban thường vụ');
    expect(sentenceCase('HUYỆN ỦY')).toBe('Huyện ủy');
  });
});

describe('căn cứ', () => {
  const ref = (verb: string, text: string, join: '' | 'và' = '') => ({ verb, text, join });
  const items = [ref('Căn cứ', 'Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị về chức năng;'), ref('Căn cứ', 'lịch đăng ký tổ chức đại hội')];
  it('list form: one "- Căn cứ …;" line each, then the lead', () => {
    expect(canCuParagraphs({ form: 'list', items, lead: 'Ban Tổ chức Trung ương ban hành Kế hoạch như sau:' })).toEqual([
      '- Căn cứ Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị về chức năng;',
      '- Căn cứ lịch đăng ký tổ chức đại hội;',
      'Ban Tổ chức Trung ương ban hành Kế hoạch như sau:',
    ]);
  });
  it('sentence form: "Căn cứ A, <lead>" and "Thực hiện A, B, <lead>" (a reference without a verb goes on the one before)', () => {
    expect(canCuParagraphs({ form: 'sentence', items: [ref('Căn cứ', 'Kế hoạch số 294-KH/HU')], lead: 'Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:' })).toEqual([
      'Căn cứ Kế hoạch số 294-KH/HU, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:',
    ]);
    expect(canCuParagraphs({ form: 'sentence', items: [ref('Thực hiện', 'Chỉ thị 35-CT/TW'), ref('', 'Kết luận 118-KL/TW')], lead: 'Tỉnh ủy ban hành Kế hoạch như sau:' })).toEqual([
      'Thực hiện Chỉ thị 35-CT/TW, Kết luận 118-KL/TW, Tỉnh ủy ban hành Kế hoạch như sau:',
    ]);
    expect(canCuParagraphs({ form: 'sentence', items: [], lead: 'Chỉ lời dẫn như sau:' })).toEqual(['Chỉ lời dẫn như sau:']);
    expect(canCuParagraphs({ form: 'list', items: [], lead: '' })).toEqual([]);
  });
  it('each reference keeps its own verb; a later verb in a sentence is lower-case after "; "', () => {
    const mixed = [ref('Thi hành', 'Điều lệ Đảng'), ref('Thực hiện', 'Hướng dẫn số 26-HD/BTCTW'), ref('Căn cứ', 'Nghị quyết Đại hội Chi bộ')];
    expect(canCuParagraphs({ form: 'list', items: mixed, lead: 'Ban chi ủy xây dựng kế hoạch như sau:' })).toEqual([
      '- Thi hành Điều lệ Đảng;',
      '- Thực hiện Hướng dẫn số 26-HD/BTCTW;',
      '- Căn cứ Nghị quyết Đại hội Chi bộ;',
      'Ban chi ủy xây dựng kế hoạch như sau:',
    ]);
    expect(canCuParagraphs({ form: 'sentence', items: [ref('Thực hiện', 'Kế hoạch số 05-KH/ĐU'), ref('Căn cứ', 'tình hình thực tế')], lead: 'Ban chi ủy xây dựng kế hoạch như sau:' })).toEqual([
      'Thực hiện Kế hoạch số 05-KH/ĐU; căn cứ tình hình thực tế, Ban chi ủy xây dựng kế hoạch như sau:',
    ]);
  });
  it('paragraph form: "Căn cứ …;" without a dash; "và" joins two references in one clause; a free reference prints as typed', () => {
    const refs = [ref('Căn cứ', 'Điều lệ Đảng'), ref('', 'Quy định số 232-QĐ/TW', 'và'), ref('Thực hiện', 'Kế hoạch số 05-KH/ĐU', 'và'), ref('', 'Theo đề nghị của Ban chi ủy')];
    expect(canCuParagraphs({ form: 'paragraphs', items: refs, lead: 'Chi bộ xây dựng kế hoạch như sau:' })).toEqual([
      'Căn cứ Điều lệ Đảng và Quy định số 232-QĐ/TW và thực hiện Kế hoạch số 05-KH/ĐU;',
      'Theo đề nghị của Ban chi ủy;',
      'Chi bộ xây dựng kế hoạch như sau:',
    ]);
    expect(canCuParagraphs({ form: 'sentence', items: refs.slice(0, 2), lead: '' })).toEqual(['Căn cứ Điều lệ Đảng và Quy định số 232-QĐ/TW.']);
    expect(canCuParagraphs({ form: 'list', items: [ref('Căn cứ', '  '), ref('', 'A', 'và')], lead: '' })).toEqual(['- A;']);
  });
});

describe('pilot units (seed 01)', () => {
  it('writes the unit lines per category', () => {
    expect(pilotUnitLine(unit({}))).toBe('Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư.');
    expect(pilotUnitLine(unit({ category: 'chi-bo-co-so', name: 'Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông' }))).toBe(
      '- Chi bộ cơ sở: Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông.',
    );
    expect(pilotUnitLine(unit({ category: 'dang-bo-co-so', name: 'Đảng bộ xã Bản Hon.' }))).toBe('- Đảng bộ cơ sở: Đảng bộ xã Bản Hon.');
  });

  it('names the base-level group', () => {
    expect(pilotBaseGroupHeading(true, true)).toBe('Đối với Chi bộ, Đảng bộ cơ sở');
    expect(pilotBaseGroupHeading(true, false)).toBe('Đối với Chi bộ cơ sở');
    expect(pilotBaseGroupHeading(false, true)).toBe('Đối với Đảng bộ cơ sở');
  });

  it('writes the delegates sentence with the about-figure', () => {
    const attendees = 'Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện; Tổ công tác chỉ đạo, theo dõi, hướng dẫn đại hội điểm';
    expect(pilotDelegatesSentence(unit({ attendees, members: 13, invited: 269, total: 282 }))).toBe(
      `Đại biểu dự đại hội gồm: ${attendees} (khoảng 282 đại biểu, trong đó: đảng viên chi bộ 13 đồng chí; đại biểu mời 269 đồng chí).`,
    );
    expect(pilotDelegatesSentence(unit({ category: 'dang-bo-co-so', attendees: `${attendees}.`, members: 195, invited: 55, total: null }))).toBe(
      `Đại biểu dự đại hội gồm: ${attendees} (khoảng 250 đại biểu, trong đó: đảng viên của đảng bộ 195 đồng chí; đại biểu mời 55 đồng chí).`,
    );
    expect(pilotDelegatesSentence(unit({ attendees, members: 7, invited: 8, total: 15 }))).toContain('đảng viên chi bộ 07 đồng chí; đại biểu mời 08 đồng chí');
    expect(pilotDelegatesSentence(unit({ attendees }))).toBe(`Đại biểu dự đại hội gồm: ${attendees}.`);
    expect(pilotDelegatesSentence(unit({ total: 40 }))).toBe('Đại biểu dự đại hội khoảng 40 đại biểu.');
    expect(pilotDelegatesSentence(unit({}))).toBeNull();
  });

  it('writes the schedule, joining consecutive units with equal terms', () => {
    const a = unit({ id: '00000000-0000-4000-8000-00000000000a', durationDays: 1, deadline: '2025-01-10' });
    const b = unit({ id: '00000000-0000-4000-8000-00000000000b', name: 'Đảng bộ xã Bản Hon', durationDays: 2, deadline: '2025-03-31' });
    const c = unit({ id: '00000000-0000-4000-8000-00000000000c', name: 'Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông', durationDays: 2, deadline: '2025-03-31' });
    const note = 'thời gian họp trừ bị được tính vào thời gian tiến hành đại hội';
    expect(pilotScheduleLines([a, c, b], [a.id, b.id, c.id], note)).toEqual([
      '- Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư: Không quá 01 ngày, thời gian họp trừ bị được tính vào thời gian tiến hành đại hội, hoàn thành trước ngày 10/01/2025.',
      '- Đảng bộ xã Bản Hon; Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông: Không quá 02 ngày, thời gian họp trừ bị được tính vào thời gian tiến hành đại hội, hoàn thành trước ngày 31/3/2025.',
    ]);
    // not consecutive → not joined; unknown ids skipped; no note
    expect(pilotScheduleLines([a, b, c], [b.id, a.id, 'nope', c.id], '')).toEqual([
      '- Đảng bộ xã Bản Hon: Không quá 02 ngày, hoàn thành trước ngày 31/3/2025.',
      '- Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư: Không quá 01 ngày, hoàn thành trước ngày 10/01/2025.',
      '- Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông: Không quá 02 ngày, hoàn thành trước ngày 31/3/2025.',
    ]);
    expect(pilotScheduleLines([unit({ deadline: '2024-10-03' })], [unit({}).id], '')).toEqual(['- Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư: Hoàn thành trước ngày 03/10/2024.']);
  });
});

describe('closing', () => {
  const recipients = [
    { text: 'Thường trực Tỉnh ủy', note: '(b/c)' },
    { text: 'Thường trực Huyện ủy, HDND huyện;', note: '' },
    { text: 'Lưu Văn phòng Huyện ủy', note: '' },
  ];
  it('ends every recipient but the last with the profile punctuation, the last with "."', () => {
    expect(recipientLines(recipients, ',')).toEqual(['- Thường trực Tỉnh ủy (b/c),', '- Thường trực Huyện ủy, HDND huyện,', '- Lưu Văn phòng Huyện ủy.']);
    expect(recipientLines(recipients, ';')).toEqual(['- Thường trực Tỉnh ủy (b/c);', '- Thường trực Huyện ủy, HDND huyện;', '- Lưu Văn phòng Huyện ủy.']);
    expect(recipientLines([{ text: '  ', note: '' }, { text: 'Lưu.', note: '' }], ',')).toEqual(['- Lưu.']);
  });

  it('writes the signature lines in caps, slash forms', () => {
    expect(signatureLines({ authority: 'T/M', body: 'Ban Thường vụ', title: 'bí thư', signer: ' Tần Thị Quế ' })).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Tần Thị Quế' });
    expect(signatureLines({ authority: 'K/T', body: 'TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC', signer: 'Hoàng Đăng Quang' }).authority).toBe('K/T TRƯỞNG BAN');
    expect(signatureLines({ authority: '', body: '', title: 'CHÁNH VĂN PHÒNG', signer: 'A' }).authority).toBeNull();
  });
});

describe('appendix', () => {
  const header = PlanHeader.parse({ issuer: { higherLines: [], name: 'HUYỆN ỦY ĐIỆN BIÊN', symbol: 'HU' }, number: '315', place: 'Điện Biên', date: { day: 5, month: 11, year: 2024 } });
  it('derives who issued the plan', () => {
    expect(deriveAppendixIssuedBy({ authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'x' }, header.issuer)).toBe('Ban Thường vụ Huyện ủy');
    expect(deriveAppendixIssuedBy({ authority: 'T/M', body: 'TỈNH ỦY', title: 'BÍ THƯ', signer: 'x' }, { higherLines: [], name: 'TỈNH UỶ THỪA THIÊN HUẾ', symbol: 'TU' })).toBe('Tỉnh ủy');
    expect(deriveAppendixIssuedBy({ authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'x' }, { higherLines: [], name: 'ĐẢNG ỦY XÃ MƯỜNG PHĂNG', symbol: 'ĐU' })).toBe('Ban Thường vụ Đảng ủy');
    expect(deriveAppendixIssuedBy({ authority: 'K/T', body: 'TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', signer: 'x' }, { higherLines: [], name: 'BAN TỔ CHỨC', symbol: 'BTCTW' })).toBe('Ban tổ chức');
  });

  it('writes the "(Kèm theo …)" line from the header, blanks for a draft', () => {
    expect(appendixLine(header, 'Ban Thường vụ Huyện ủy')).toBe('(Kèm theo Kế hoạch số 315-KH/HU, ngày 05/11/2024 của Ban Thường vụ Huyện ủy)');
    const draft = { ...header, number: '', date: { day: '', month: '', year: '2024' } };
    expect(appendixLine(draft, 'Tỉnh ủy')).toBe('(Kèm theo Kế hoạch số      -KH/HU, ngày      tháng      năm 2024 của Tỉnh ủy)');
  });

  it('numbers appendices only when there are several', () => {
    expect(appendixLabel(0, 1)).toBe('PHỤ LỤC');
    expect([0, 1].map((i) => appendixLabel(i, 2))).toEqual(['PHỤ LỤC 1', 'PHỤ LỤC 2']);
  });
});
