/**
 * The deadline a reader of a plan sees for each task of its "Phân công thực hiện" when none was set by hand: the one
 * its text names ("thường xuyên" included), else the pilot schedule's date for the tasks of the pilot congresses.
 */
import { describe, expect, it } from 'vitest';
import { PlanContent, type DutyBlock } from '../../shared/model';
import { walkBlocks } from '../../shared/model/tree';
import { deadlineOf, dueFromPlan, planDueReader, trackedDue } from '../../shared/tasks';
import { planTasks } from '../../shared/report';
import { seedContent, templateContent } from '../backend/fixtures/plans';

const seed01 = () => PlanContent.parse(seedContent());
const dutiesOf = (c: PlanContent) => [...walkBlocks(c.body)].filter((b): b is DutyBlock => b.kind === 'duty');
/** Each task of seed 01 as "body: first words → deadline kind and day". */
function readings(c: PlanContent): [string, string][] {
  return dutiesOf(c).flatMap((duty) =>
    duty.tasks.map((task): [string, string] => {
      const d = deadlineOf(trackedDue(task, duty, c));
      const due = d.kind === 'dates' ? d.due : d.kind;
      return [`${duty.body}: ${task.text.split(/[\s,]+/u).slice(0, 3).join(' ')}`, due];
    }),
  );
}

describe('seed 01: every task gets the deadline the plan gives it', () => {
  it('"Thường xuyên …" is ongoing; a pilot unit prepares its congress by its own date; the others by the last congress', () => {
    expect(readings(seed01())).toEqual([
      ['Ban Thường vụ Huyện ủy: Lãnh đạo chỉ', '2025-03-31'],
      ['Ban Thường vụ Huyện ủy: Thành lập tổ', '2025-03-31'],
      ['Ban Thường vụ Huyện ủy: Cho ý kiến', '2025-03-31'],
      ['UBND huyện: Lãnh đạo chỉ', '2025-03-31'],
      ['Đảng bộ xã Bình Lư: Quán triệt triển', '2025-01-10'],
      ['Đảng bộ xã Bình Lư: Chỉ đạo xây', '2025-01-10'],
      ['Đảng bộ xã Bình Lư: Thường xuyên báo', 'ongoing'],
      ['Đảng bộ xã Bản Hon: Quán triệt triển', '2025-03-31'],
      ['Đảng bộ xã Bản Hon: Xin ý kiến', '2025-03-31'],
      ['Đảng bộ xã Bản Hon: Lãnh đạo chỉ', '2025-03-31'],
      ['Đảng bộ xã Bản Hon: Thường xuyên báo', 'ongoing'],
      ['Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông: Quán triệt triển', '2025-03-31'],
      ['Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông: Xin ý kiến', '2025-03-31'],
      ['Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông: Lãnh đạo chỉ', '2025-03-31'],
      ['Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông: Thường xuyên báo', 'ongoing'],
      ['Ban Tổ chức Huyện ủy: Tham mưu Ban', '2025-03-31'],
      ['Ban Tổ chức Huyện ủy: Đôn đốc theo', '2025-03-31'],
      ['Văn phòng Huyện ủy: Phối hợp với', '2025-03-31'],
      ['Văn phòng Huyện ủy: Phối hợp với', '2025-03-31'],
    ]);
  });

  it('the pilot schedule moves the tasks that inherit it: an earlier last congress, a unit of the directory', () => {
    const c = seed01();
    const moved = PlanContent.parse({ ...c, pilotUnits: c.pilotUnits.map((u) => ({ ...u, deadline: u.deadline === '2025-03-31' ? '2025-02-28' : u.deadline })) });
    expect(new Set(readings(moved).map(([, due]) => due))).toEqual(new Set(['2025-02-28', '2025-01-10', 'ongoing']));
    // A body linked to the directory entry of a pilot unit takes that unit's date, whatever its name.
    const orgId = crypto.randomUUID();
    const linked = PlanContent.parse({ ...c, pilotUnits: c.pilotUnits.map((u, i) => (i === 0 ? { ...u, orgId } : u)) });
    const ubnd = dutiesOf(linked).find((d) => d.body === 'UBND huyện')!;
    expect(dueFromPlan(ubnd.tasks[0]!, { ...ubnd, orgId }, linked)?.dates).toEqual(['2025-01-10']);
  });

  it('the report lists the same deadlines the task store tracks', () => {
    const c = seed01();
    const byId = new Map(dutiesOf(c).flatMap((duty) => duty.tasks.map((t) => [t.id, trackedDue(t, duty, c)] as const)));
    for (const t of planTasks(c).slice(0, byId.size)) expect(t.due).toEqual(byId.get(t.id));
  });
});

describe('one reader for all the tasks of a plan', () => {
  it('reads the pilot schedule once and answers what dueFromPlan answers for each task of every seed', () => {
    for (const file of ['seed-01-huyen-uy-dai-hoi-diem.json', 'seed-02-tinh-uy-thuc-hien-chi-thi-35.json', 'seed-03-btctw-doan-du-dai-hoi.json']) {
      const c = PlanContent.parse(templateContent(file));
      let reads = 0;
      const counted = new Proxy(c, { get: (target, key) => (key === 'pilotUnits' && reads++, Reflect.get(target, key) as unknown) });
      const reader = planDueReader(counted);
      for (const duty of dutiesOf(c)) for (const task of duty.tasks) expect(reader(task, duty)).toEqual(dueFromPlan(task, duty, c));
      expect(reads).toBeLessThanOrEqual(1);
    }
  });
});

describe('what the pilot schedule does not give', () => {
  it('a deadline set on the task stays, even an empty one set by hand', () => {
    const c = seed01();
    const duty = dutiesOf(c)[0]!;
    const set = { dates: ['2024-12-15'], relative: '', source: 'manual' as const };
    expect(trackedDue({ ...duty.tasks[0]!, due: set }, duty, c)).toEqual(set);
  });

  it('a task of another body that does not speak of the congresses, in a plan not about them, has none', () => {
    const c = seed01();
    const other = PlanContent.parse({ ...c, trichYeu: 'Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị' });
    const duty = { body: 'Ban Tuyên giáo Huyện ủy', orgId: null };
    expect(dueFromPlan({ text: 'Cho ý kiến vào văn kiện đại hội chi bộ.' }, duty, other)).toBeNull();
    // "đại hội điểm" named outright is the pilot schedule in any plan.
    expect(dueFromPlan({ text: 'Tuyên truyền về đại hội điểm.' }, duty, other)?.dates).toEqual(['2025-03-31']);
    expect(dueFromPlan({ text: 'Tuyên truyền về đại hội điểm.' }, duty, PlanContent.parse({ ...other, pilotUnits: [] }))).toBeNull();
  });

  it('seed 03 (no pilot units) keeps the deadlines its texts name and nothing more', () => {
    const c = PlanContent.parse(templateContent('seed-03-btctw-doan-du-dai-hoi.json'));
    const kinds = dutiesOf(c).flatMap((duty) => duty.tasks.map((t) => deadlineOf(trackedDue(t, duty, c)).kind));
    expect(kinds).toEqual(['dates', 'none', 'relative', 'dates', 'none', 'relative', 'none']);
  });
});
