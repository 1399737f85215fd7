import { PlanContent, type PlanContentInput } from '../../shared/model';

export const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A small plan that lints clean; each test breaks one thing. */
export function plan(patch: (c: PlanContentInput) => void = () => {}): PlanContent {
  const c: PlanContentInput = {
    header: {
      issuer: { higherLines: ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name: 'ĐẢNG ỦY XÃ THANH NƯA', symbol: 'ĐU' },
      number: '05',
      place: 'Thanh Nưa',
      date: { day: 5, month: 11, year: 2025 },
    },
    trichYeu: 'tổ chức đại hội điểm chi bộ trực thuộc nhiệm kỳ 2025 - 2027',
    canCu: { items: [{ verb: 'Căn cứ', text: 'Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị' }], lead: 'Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:' },
    body: [
      { kind: 'section', id: U(1), title: 'MỤC ĐÍCH, YÊU CẦU', children: [{ kind: 'paragraph', id: U(2), text: 'Rút kinh nghiệm.' }] },
      {
        kind: 'section',
        id: U(3),
        title: 'TỔ CHỨC THỰC HIỆN',
        children: [
          { kind: 'pilotUnits', id: U(4) },
          { kind: 'pilotSchedule', id: U(5), unitIds: [U(20)], note: '' },
          { kind: 'duty', id: U(6), body: 'Văn phòng Đảng ủy', tasks: [{ id: U(7), text: 'Chuẩn bị hội trường trước ngày 20/12/2025.', due: { dates: ['2025-12-20'] } }] },
        ],
      },
    ],
    pilotUnits: [
      { id: U(20), name: 'Chi bộ bản Co Mỵ', category: 'chi-bo-truc-thuoc', term: '2025 - 2027', members: 13, invited: 20, total: 33, durationDays: 1, deadline: '2025-12-31' },
    ],
    recipients: [
      { id: U(30), text: 'Ban Thường vụ Tỉnh ủy', note: '(b/c)' },
      { id: U(31), text: 'Lưu Văn phòng Đảng ủy' },
    ],
    signature: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Lò Văn Tiến' },
  };
  patch(c);
  return PlanContent.parse(c);
}

