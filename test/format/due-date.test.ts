import { describe, expect, it } from 'vitest';
import { planDateStartIso, proposeDue } from '../../shared/format/due-date';
import { type PlanDate, TaskDue } from '../../shared/model';

const PLAN: PlanDate = { day: '15', month: '10', year: '2024' }; // seed 01's date
const dates = (text: string, plan: PlanDate = PLAN) => proposeDue(text, plan)?.dates ?? null;

describe('proposeDue: a fixed day after a deadline word', () => {
  it.each([
    ['Chi bộ 02 … hoàn thành trước ngày 10/01/2025.', '2025-01-10'],
    ['hoàn thành trước ngày 31/3/2025', '2025-03-31'],
    ['báo cáo về Ban Thường vụ Tỉnh ủy, chậm nhất ngày 01/5/2025.', '2025-05-01'],
    ['chậm nhất là ngày 5/11/2024', '2024-11-05'],
    ['Chậm Nhất Vào Ngày 05/12/2024', '2024-12-05'],
    ['tiến hành đại hội điểm, thí điểm và hoàn thành xong trước ngày 20/4/2025.', '2025-04-20'],
    ['(*gửi về Phòng Tài chính- Kế hoạch trước ngày 01/11/2024*)', '2024-11-01'],
    ['hạn chót là 30/11/2024', '2024-11-30'],
    ['không muộn hơn ngày 28/02/2025', '2025-02-28'],
    ['thực hiện đến hết ngày 31/12/2024', '2024-12-31'],
    ['trước ngày 29/02/2028', '2028-02-29'],
    ['trước ngày 10 / 01 / 2025', '2025-01-10'],
  ])('%s → %s', (text, iso) => {
    expect(proposeDue(text, PLAN)).toEqual({ dates: [iso], relative: '', source: 'auto' });
  });

  it('reads a bracketed date after "hoàn thành" (seed 03)', () => {
    expect(dates('xây dựng Báo cáo …, hoàn thành ngay sau khi kết thúc đại hội các đảng bộ trực thuộc Trung ương (31/10/2025).')).toEqual(['2025-10-31']);
  });

  it('ignores dates that only cite a document', () => {
    expect(proposeDue('Thực hiện theo Kế hoạch số 294-KH/HU, ngày 19/7/2024 của Huyện uỷ về thực hiện Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị', PLAN)).toBeNull();
    expect(dates('Theo Hướng dẫn số 08-HD/TU, ngày 03/10/2024; báo cáo trước ngày 20/11/2024')).toEqual(['2024-11-20']);
  });

  it('skips days that do not exist', () => {
    expect(proposeDue('trước ngày 31/02/2025', PLAN)).toBeNull();
    expect(proposeDue('trước ngày 29/02/2025', PLAN)).toBeNull();
    expect(proposeDue('trước ngày 0/5/2025', PLAN)).toBeNull();
    expect(proposeDue('trước ngày 12/13/2025', PLAN)).toBeNull();
  });

  it('does not take a number with a two-digit year or a longer chain as a date', () => {
    expect(proposeDue('trước ngày 20/8/25', PLAN)).toBeNull();
  });
});

describe('proposeDue: periods', () => {
  it.each([
    ['Thời gian tổ chức triển khai, quán triệt hoàn thành trong tháng 8/2024.', '2024-08-31'],
    ['trong tháng 02/2024', '2024-02-29'],
    ['trong tháng 2/2025', '2025-02-28'],
    ['hoàn thành trong tháng 12 năm 2024', '2024-12-31'],
    ['Tháng 10, 11/2024', '2024-11-30'],
    ['tháng 10 và 11/2024', '2024-11-30'],
    ['Quý III/2024', '2024-09-30'],
    ['quý I/2025', '2025-03-31'],
    ['Quý II/2025', '2025-06-30'],
    ['trong quý IV năm 2025', '2025-12-31'],
    ['quý 2/2025', '2025-06-30'],
    ['hoàn thành trong năm 2025', '2025-12-31'],
  ])('%s → %s', (text, iso) => {
    expect(dates(text)).toEqual([iso]);
  });

  it('keeps each period of a text, in text order', () => {
    expect(dates('Cho ý kiến dự thảo lần 1 (tháng 10/2024), lần 2 (tháng 11/2024) Văn kiện')).toEqual(['2024-10-31', '2024-11-30']);
  });

  it('drops a month that only frames a precise day in it', () => {
    expect(dates('Đầu tháng 7/2025 đến 15/7/2025, các đảng bộ … phải hoàn thành')).toEqual(['2025-07-15']);
  });

  it('does not read a quarter out of a longer word', () => {
    expect(proposeDue('quyết định IV/2025', PLAN)).toBeNull();
  });
});

describe('proposeDue: two dates and missing years', () => {
  it('reads both batches and carries the year back from the later one (seed 03)', () => {
    expect(proposeDue('gửi danh sách … về Văn phòng Ban (đợt I trước ngày 20/8; đợt II trước ngày 20/9/2025).', { day: '4', month: '8', year: '2025' })).toEqual({
      dates: ['2025-08-20', '2025-09-20'],
      relative: '',
      source: 'auto',
    });
  });

  it('carries back into the previous year when the earlier batch falls later in the calendar', () => {
    expect(dates('đợt I trước ngày 20/12; đợt II trước ngày 20/01/2025')).toEqual(['2024-12-20', '2025-01-20']);
  });

  it('takes the year of the plan date when no year is written', () => {
    expect(dates('trước ngày 20/11', PLAN)).toEqual(['2024-11-20']);
    expect(dates('trước ngày 15/10', PLAN)).toEqual(['2024-10-15']);
  });

  it('rolls a year-less day forward a year when it would fall before the plan date', () => {
    expect(dates('trước ngày 20/8', PLAN)).toEqual(['2025-08-20']);
    expect(dates('trước ngày 14/10', PLAN)).toEqual(['2025-10-14']);
  });

  it('compares against the start of a draft date with blank day or month', () => {
    expect(dates('trước ngày 05/8', { day: '', month: '8', year: '2024' })).toEqual(['2024-08-05']);
    expect(dates('trước ngày 31/7', { day: '', month: '8', year: '2024' })).toEqual(['2025-07-31']);
    expect(dates('trước ngày 02/01', { day: '', month: '', year: '2025' })).toEqual(['2025-01-02']);
  });

  it('gives a 29 February without a year only in a leap year', () => {
    expect(dates('trước ngày 29/02', { day: '1', month: '1', year: '2028' })).toEqual(['2028-02-29']);
    expect(proposeDue('trước ngày 29/02', { day: '1', month: '1', year: '2025' })).toBeNull();
  });

  it('keeps at most five dates, without repeats', () => {
    const text = [1, 2, 3, 4, 5, 6, 7].map((m) => `đợt ${m} trước ngày 10/${m}/2025`).join('; ');
    expect(dates(text)).toEqual(['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10', '2025-05-10']);
    expect(dates('trước ngày 10/01/2025; nhắc lại: trước ngày 10/01/2025')).toEqual(['2025-01-10']);
  });
});

describe('proposeDue: relative deadlines and none', () => {
  it('keeps a relative deadline as text, with no date (seed 03)', () => {
    expect(proposeDue('… trước khi trình đồng chí Trưởng Đoàn ký ban hành, chậm nhất 03 ngày sau khi kết thúc đại hội.', PLAN)).toEqual({
      dates: [],
      relative: 'chậm nhất 03 ngày sau khi kết thúc đại hội',
      source: 'auto',
    });
  });

  it('keeps every relative phrase of the text', () => {
    expect(
      proposeDue('cập nhật kết quả (chậm nhất 03 ngày sau khi kết thúc đại hội) và gửi báo cáo (qua Văn phòng Ban, chậm nhất 05 ngày sau khi kết thúc đại hội).', PLAN)
        ?.relative,
    ).toBe('chậm nhất 03 ngày sau khi kết thúc đại hội; chậm nhất 05 ngày sau khi kết thúc đại hội');
    expect(proposeDue('trong vòng 15 ngày kể từ ngày nhận được kế hoạch', PLAN)?.relative).toBe('trong vòng 15 ngày kể từ ngày nhận được kế hoạch');
    expect(proposeDue('trong 10 ngày làm việc sau khi có kết luận', PLAN)?.relative).toBe('trong 10 ngày làm việc sau khi có kết luận');
  });

  it('returns both a date and a relative phrase when the text has both', () => {
    expect(proposeDue('báo cáo chậm nhất 05 ngày sau khi kết thúc đại hội, tổng hợp trước ngày 31/10/2025', PLAN)).toEqual({
      dates: ['2025-10-31'],
      relative: 'chậm nhất 05 ngày sau khi kết thúc đại hội',
      source: 'auto',
    });
  });

  it('does not take a duration for a deadline', () => {
    expect(proposeDue('Không quá 02 ngày, thời gian họp trừ bị được tính vào thời gian tiến hành đại hội', PLAN)).toBeNull();
  });

  it.each([
    'Lãnh đạo, chỉ đạo toàn diện các nhiệm vụ trong công tác chuẩn bị, tổ chức đại hội điểm.',
    'Phối hợp, tạo điều kiện cho các đoàn công tác thực hiện nhiệm vụ.',
    'Đăng ký lịch tổ chức đại hội ngay sau khi được Bộ Chính trị, Ban Bí thư đồng ý',
    '',
  ])('no deadline in "%s" → null', (text) => {
    expect(proposeDue(text, PLAN)).toBeNull();
  });

  it('reads decomposed (NFD) text the same as NFC', () => {
    expect(dates('hoàn thành trước ngày 31/3/2025'.normalize('NFD'))).toEqual(['2025-03-31']);
    expect(dates('Quý III/2024'.normalize('NFD'))).toEqual(['2024-09-30']);
  });

  it('always returns a valid TaskDue', () => {
    for (const text of ['trước ngày 10/01/2025', 'chậm nhất 03 ngày sau khi kết thúc đại hội', 'Quý III/2024; tháng 10, 11/2024']) {
      expect(TaskDue.safeParse(proposeDue(text, PLAN)).success).toBe(true);
    }
  });
});

describe('proposeDue: ongoing ("thường xuyên") and recurring deadlines', () => {
  it.each([
    'Thường xuyên báo cáo tiến độ, kết quả công tác chuẩn bị đại hội điểm với Ban Thường vụ Huyện ủy (seed 01).',
    '- Thường xuyên nắm tình hình tư tưởng cán bộ, đảng viên.',
    'Theo dõi, đôn đốc việc thực hiện (thường xuyên).',
    'Tuyên truyền về đại hội; thời gian thực hiện: thường xuyên.',
    'Các chi bộ thực hiện thường xuyên, liên tục.',
  ])('"%s" is ongoing', (text) => {
    expect(proposeDue(text, PLAN)).toEqual({ dates: [], relative: '', source: 'auto', ongoing: true });
  });

  it.each([
    ['Báo cáo định kỳ hằng quý về Ban Thường vụ.', 'quarter'],
    ['Tổng hợp, báo cáo hàng quý kết quả thực hiện.', 'quarter'],
    ['Sơ kết việc thực hiện 6 tháng một lần.', 'half-year'],
    ['Định kỳ 06 tháng báo cáo Thường trực Huyện ủy.', 'half-year'],
    ['Kiểm tra, đánh giá hằng năm và báo cáo Ban Thường vụ.', 'year'],
    // The periods are what can be tracked, even of a task that is also ongoing.
    ['Thường xuyên theo dõi; định kỳ 6 tháng báo cáo kết quả.', 'half-year'],
  ] as const)('"%s" recurs every %s', (text, every) => {
    expect(proposeDue(text, PLAN)).toEqual({ dates: [], relative: '', source: 'auto', every });
  });

  it('a date or a relative deadline written in the text wins over "thường xuyên" and a recurrence', () => {
    expect(proposeDue('Thường xuyên theo dõi, báo cáo trước ngày 20/12/2025.', PLAN)).toEqual({ dates: ['2025-12-20'], relative: '', source: 'auto' });
    expect(proposeDue('Báo cáo hằng quý, chậm nhất 05 ngày sau khi kết thúc quý', PLAN)?.relative).toBe('chậm nhất 05 ngày sau khi kết thúc quý');
  });

  it.each([
    'Chỉ đạo, kiểm tra thường xuyên việc chuẩn bị đại hội.',
    'Báo cáo kết quả 6 tháng đầu năm 2025 về Ban Thường vụ.',
    'Sơ kết 6 tháng, tổng kết năm.',
    'Lập kế hoạch năm học mới.',
  ])('"%s" is neither ongoing nor recurring', (text) => {
    const due = proposeDue(text, PLAN);
    expect(due?.ongoing).toBeUndefined();
    expect(due?.every).toBeUndefined();
  });
});

describe('planDateStartIso', () => {
  it('gives the first day the (draft) plan date can be', () => {
    expect(planDateStartIso({ day: '15', month: '10', year: '2024' })).toBe('2024-10-15');
    expect(planDateStartIso({ day: '', month: '8', year: '2024' })).toBe('2024-08-01');
    expect(planDateStartIso({ day: '', month: '', year: '2026' })).toBe('2026-01-01');
  });
});

describe('planDateStartIso of a date as typed', () => {
  it('counts a malformed or impossible day or month from the start of the period; no start without a year', () => {
    expect(planDateStartIso({ day: '31', month: '2', year: '2025' })).toBe('2025-02-01');
    expect(planDateStartIso({ day: '5', month: '13', year: '2025' })).toBe('2025-01-01');
    expect(planDateStartIso({ day: '5', month: '2', year: '205' })).toBeNull();
    expect(proposeDue('trước ngày 20/8', { day: '5', month: '2', year: '' })).toBeNull();
  });
});

describe('proposeDue: texts in capitals and texts without the words a search needs', () => {
  it('reads every kind in capitals as in lower case (each search runs only where its word is, case aside)', () => {
    for (const text of [
      'Báo cáo hằng quý',
      'Định kỳ 6 tháng báo cáo',
      'Tổng kết hằng năm',
      'Thực hiện thường xuyên',
      'Hoàn thành trong tháng 8/2025',
      'Báo cáo trong quý III/2025',
      'Hoàn thành trong năm 2025',
      'Chậm nhất 03 ngày sau khi kết thúc đại hội',
      'Hoàn thành trước ngày 10/01/2025',
    ]) {
      // A relative deadline keeps its words as written.
      const read = (t: string) => {
        const due = proposeDue(t, PLAN);
        return due && { ...due, relative: due.relative.toLowerCase() };
      };
      expect(read(text), text).not.toBeNull();
      expect(read(text.toUpperCase()), text.toUpperCase()).toEqual(read(text));
    }
  });

  it('finds no deadline in a text without digits or deadline words', () => {
    expect(proposeDue('Ban Tuyên giáo chủ trì, phối hợp với các cơ quan liên quan triển khai', PLAN)).toBeNull();
  });
});
