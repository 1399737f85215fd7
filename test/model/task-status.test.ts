import { describe, expect, it } from 'vitest';
import { proposeDue } from '../../shared/format/due-date';
import { TaskDue, type TaskDue as TaskDueT } from '../../shared/model';
import {
  addDays,
  daysBetween,
  deadlineOf,
  localToday,
  periodsOf,
  periodStatuses,
  relativeRuleOf,
  rollUp,
  TaskFacts,
  taskStatus,
  TaskStatusCode,
  type TaskFactsInput,
} from '../../shared/tasks';
import { statusLabel, TASK_STATUS_LABELS } from '../../shared/layout/task-labels';

const facts = (f: TaskFactsInput = {}) => TaskFacts.parse(f);
const on = (...dates: string[]): TaskDueT => TaskDue.parse({ dates, source: 'manual' });
const every = (e: 'quarter' | 'half-year' | 'year'): TaskDueT => TaskDue.parse({ dates: [], every: e, source: 'manual' });
const DUE = '2025-01-10';

describe('calendar days', () => {
  it('adds and counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-01-10', '2025-01-09')).toBe(-1);
  });

  it('takes today from the local calendar, not UTC', () => {
    // 23:30 local on 31/12 is still the 31st whatever the zone; a UTC reading would move it for zones east of UTC.
    expect(localToday(new Date(2024, 11, 31, 23, 30))).toBe('2024-12-31');
    expect(localToday(new Date(2025, 0, 1, 0, 5))).toBe('2025-01-01');
  });
});

describe('taskStatus: a fixed due date', () => {
  it('is overdue from the day after it is due, and due soon on the due day', () => {
    expect(taskStatus(facts(), on(DUE), '2025-01-10')).toBe('due_soon');
    expect(taskStatus(facts({ startedAt: '2025-01-02' }), on(DUE), '2025-01-10')).toBe('due_soon');
    expect(taskStatus(facts(), on(DUE), '2025-01-11')).toBe('overdue');
    expect(taskStatus(facts({ startedAt: '2025-01-02' }), on(DUE), '2025-01-11')).toBe('overdue');
  });

  it('is due soon 7 days ahead and not 8 days ahead (configurable)', () => {
    expect(taskStatus(facts(), on(DUE), '2025-01-03')).toBe('due_soon');
    expect(taskStatus(facts(), on(DUE), '2025-01-02')).toBe('not_started');
    expect(taskStatus(facts({ startedAt: '2024-12-20' }), on(DUE), '2025-01-02')).toBe('in_progress');
    expect(taskStatus(facts(), on(DUE), '2025-01-02', { dueSoonDays: 8 })).toBe('due_soon');
    expect(taskStatus(facts(), on(DUE), '2025-01-09', { dueSoonDays: 0 })).toBe('not_started');
    expect(taskStatus(facts(), on(DUE), '2025-01-10', { dueSoonDays: 0 })).toBe('due_soon');
  });

  it('is done on time when completed on the due day, late when completed a day later', () => {
    expect(taskStatus(facts({ completedAt: '2025-01-10' }), on(DUE), '2025-02-01')).toBe('done_on_time');
    expect(taskStatus(facts({ completedAt: '2025-01-11' }), on(DUE), '2025-02-01')).toBe('done_late');
    expect(taskStatus(facts({ completedAt: '2024-12-01' }), on(DUE), '2024-12-01')).toBe('done_on_time');
  });

  it('ignores facts dated after the day asked about', () => {
    const f = facts({ startedAt: '2025-01-05', completedAt: '2025-01-12' });
    expect(taskStatus(f, on(DUE), '2024-12-20')).toBe('not_started');
    expect(taskStatus(f, on(DUE), '2025-01-06')).toBe('due_soon');
    expect(taskStatus(f, on(DUE), '2025-01-11')).toBe('overdue');
    expect(taskStatus(f, on(DUE), '2025-01-12')).toBe('done_late');
  });

  it('measures several dates against the latest ("đợt I …; đợt II …")', () => {
    const due = proposeDue('đợt I trước ngày 20/8; đợt II trước ngày 20/9/2025', { day: '1', month: '7', year: '2025' });
    expect(deadlineOf(due)).toEqual({ kind: 'dates', dates: ['2025-08-20', '2025-09-20'], due: '2025-09-20' });
    expect(taskStatus(facts({ startedAt: '2025-07-01' }), due, '2025-08-25')).toBe('in_progress');
    expect(taskStatus(facts(), due, '2025-09-21')).toBe('overdue');
  });

  it('is not started or in progress with no due date at all', () => {
    expect(taskStatus(facts(), null, '2025-01-10')).toBe('not_started');
    expect(taskStatus(facts({ startedAt: '2025-01-01' }), null, '2025-01-10')).toBe('in_progress');
    expect(taskStatus(facts({ completedAt: '2025-01-01' }), null, '2025-01-10')).toBe('done_on_time');
  });
});

describe('taskStatus: paused and cancelled', () => {
  const paused = facts({ startedAt: '2024-12-01', paused: { at: '2025-01-05', reason: 'Chờ hướng dẫn của Tỉnh ủy' } });
  const cancelled = facts({ cancelled: { at: '2025-01-05', reason: 'Không còn phù hợp' } });

  it('is paused from its day on, even past the due day, and before it as it was', () => {
    expect(taskStatus(paused, on(DUE), '2025-01-05')).toBe('paused');
    expect(taskStatus(paused, on(DUE), '2025-02-01')).toBe('paused');
    expect(taskStatus(paused, on(DUE), '2025-01-04')).toBe('due_soon');
    expect(taskStatus(paused, null, '2025-01-06')).toBe('paused');
  });

  it('is cancelled from its day on, whatever else it holds', () => {
    expect(taskStatus(cancelled, on(DUE), '2025-01-05')).toBe('cancelled');
    expect(taskStatus(cancelled, on(DUE), '2025-03-01')).toBe('cancelled');
    expect(taskStatus(cancelled, on(DUE), '2025-01-04')).toBe('due_soon');
    expect(taskStatus(facts({ ...cancelled, completedAt: '2025-01-08' }), on(DUE), '2025-01-09')).toBe('cancelled');
  });

  it('names a task removed from its plan as such', () => {
    const removed = facts({ cancelled: { at: '2025-01-05', reason: 'Kế hoạch ban hành lại không còn nhiệm vụ này', removedFromPlan: true } });
    expect(statusLabel(taskStatus(removed, on(DUE), '2025-01-06'), removed)).toBe('Hủy (bỏ khỏi kế hoạch)');
    expect(statusLabel('cancelled', cancelled)).toBe('Hủy');
  });

  it('refuses a pause or a cancellation without a reason, and a day that does not exist', () => {
    expect(TaskFacts.safeParse({ paused: { at: '2025-01-05', reason: '  ' } }).success).toBe(false);
    expect(TaskFacts.safeParse({ cancelled: { at: '2025-01-05' } }).success).toBe(false);
    expect(TaskFacts.safeParse({ completedAt: '2025-02-30' }).success).toBe(false);
  });
});

describe('taskStatus: a relative deadline', () => {
  const text = 'chậm nhất 03 ngày sau khi kết thúc đại hội';
  const due = proposeDue(`Gửi báo cáo kết quả về Ban Tổ chức Huyện ủy ${text}.`, { day: '15', month: '10', year: '2024' })!;

  it('reads days and event from the text proposeDue keeps', () => {
    expect(due.relative).toBe(text);
    expect(relativeRuleOf(text)).toEqual({ days: 3, event: 'kết thúc đại hội' });
    expect(relativeRuleOf('trong vòng 2 tuần kể từ ngày nhận quyết định')).toEqual({ days: 14, event: 'nhận quyết định' });
    expect(relativeRuleOf('05 ngày trước khi khai mạc đại hội')).toEqual({ days: -5, event: 'khai mạc đại hội' });
    expect(relativeRuleOf('trong 10 ngày làm việc sau khi nhận')).toBeNull();
    expect(relativeRuleOf('trong tháng')).toBeNull();
  });

  it('has no due day before its event date is entered, and one after', () => {
    expect(deadlineOf(due)).toMatchObject({ kind: 'relative', due: null });
    expect(taskStatus(facts(), due, '2025-06-01')).toBe('not_started');
    expect(taskStatus(facts({ startedAt: '2025-05-01' }), due, '2025-06-01')).toBe('in_progress');

    const held = facts({ eventDate: '2025-01-08' });
    expect(deadlineOf(due, held.eventDate)).toMatchObject({ kind: 'relative', due: '2025-01-11' });
    expect(taskStatus(held, due, '2025-01-11')).toBe('due_soon');
    expect(taskStatus(held, due, '2025-01-12')).toBe('overdue');
    expect(taskStatus(facts({ eventDate: '2025-01-08', completedAt: '2025-01-11' }), due, '2025-02-01')).toBe('done_on_time');
    expect(taskStatus(facts({ eventDate: '2025-01-08', completedAt: '2025-01-12' }), due, '2025-02-01')).toBe('done_late');
    // Asked about a day before the event took place: no due day yet.
    expect(taskStatus(held, due, '2024-12-01')).toBe('not_started');
  });

  it('uses the structured rule when one was set by hand', () => {
    const manual = TaskDue.parse({ dates: [], relative: 'sau đại hội', after: { days: 10, event: 'bế mạc đại hội' }, source: 'manual' });
    expect(deadlineOf(manual, '2025-03-01')).toMatchObject({ kind: 'relative', due: '2025-03-11' });
  });

  it('prefers a fixed date written beside it', () => {
    const both = TaskDue.parse({ dates: ['2025-01-10'], relative: text, source: 'auto' });
    expect(deadlineOf(both, '2025-03-01')).toMatchObject({ kind: 'dates', due: '2025-01-10' });
  });
});

describe('taskStatus: ongoing ("thường xuyên")', () => {
  const ongoing = TaskDue.parse({ dates: [], ongoing: true, source: 'manual' });
  it('is ongoing whether started or not, and never overdue', () => {
    expect(taskStatus(facts(), ongoing, '2025-01-10')).toBe('ongoing');
    expect(taskStatus(facts({ startedAt: '2020-01-01' }), ongoing, '2030-12-31')).toBe('ongoing');
    expect(taskStatus(facts({ paused: { at: '2025-01-01', reason: 'Tạm dừng theo chỉ đạo' } }), ongoing, '2025-01-10')).toBe('paused');
  });
});

describe('recurring tasks: periods', () => {
  it('cuts quarters at their boundaries', () => {
    const ps = periodsOf(every('quarter'), '2025-03-31', '2025-04-01');
    expect(ps.map((p) => [p.key, p.start, p.due, p.label])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31', 'Quý I/2025'],
      ['2025-Q2', '2025-04-01', '2025-06-30', 'Quý II/2025'],
    ]);
    expect(periodsOf(every('quarter'), '2024-11-15', '2025-12-31').map((p) => p.key)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  });

  it('cuts half-years and years', () => {
    expect(periodsOf(every('half-year'), '2025-06-30', '2026-01-01').map((p) => [p.key, p.due, p.label])).toEqual([
      ['2025-H1', '2025-06-30', '6 tháng đầu năm 2025'],
      ['2025-H2', '2025-12-31', '6 tháng cuối năm 2025'],
      ['2026-H1', '2026-06-30', '6 tháng đầu năm 2026'],
    ]);
    expect(periodsOf(every('year'), '2024-02-29', '2025-01-01').map((p) => [p.key, p.start, p.due, p.label])).toEqual([
      ['2024', '2024-01-01', '2024-12-31', 'Năm 2024'],
      ['2025', '2025-01-01', '2025-12-31', 'Năm 2025'],
    ]);
  });

  it('has no periods for a task that does not recur, or a range that ends before it starts', () => {
    expect(periodsOf(on(DUE), '2025-01-01', '2025-12-31')).toEqual([]);
    expect(periodsOf(every('quarter'), '2025-06-01', '2025-05-31')).toEqual([]);
  });

  it('gives each period its own status, a late one included', () => {
    const f = facts({
      periods: [
        { key: '2025-Q1', completedAt: '2025-03-31' },
        { key: '2025-Q2', completedAt: '2025-07-02' },
        { key: '2025-Q4', startedAt: '2025-10-01' },
      ],
    });
    const statuses = periodStatuses(f, every('quarter'), '2025-01-01', '2026-03-31', '2025-12-26');
    expect(statuses.map((p) => [p.key, p.status])).toEqual([
      ['2025-Q1', 'done_on_time'],
      ['2025-Q2', 'done_late'],
      ['2025-Q3', 'overdue'],
      ['2025-Q4', 'due_soon'],
      ['2026-Q1', 'not_started'],
    ]);
  });

  it('shows the current period as the task status, or overdue when an earlier one was missed', () => {
    const f = facts({ periods: [{ key: '2025-Q1', completedAt: '2025-03-30' }, { key: '2025-Q2', startedAt: '2025-04-02' }] });
    expect(taskStatus(f, every('quarter'), '2025-03-31')).toBe('done_on_time');
    expect(taskStatus(f, every('quarter'), '2025-04-01')).toBe('not_started');
    expect(taskStatus(f, every('quarter'), '2025-05-01')).toBe('in_progress');
    expect(taskStatus(f, every('quarter'), '2025-06-23')).toBe('due_soon');
    expect(taskStatus(f, every('quarter'), '2025-07-01')).toBe('not_started');
    expect(taskStatus(f, every('quarter'), '2025-07-01', { periodsFrom: '2025-01-01' })).toBe('overdue');
    expect(taskStatus(f, every('quarter'), '2025-06-01', { periodsFrom: '2025-01-01' })).toBe('in_progress');
  });

  it('pauses or cancels the periods still open on that day, and keeps the ones already missed', () => {
    const f = facts({ cancelled: { at: '2025-08-01', reason: 'Không còn phù hợp' }, periods: [{ key: '2025-H1', completedAt: '2025-06-30' }] });
    expect(periodStatuses(f, every('half-year'), '2025-01-01', '2026-06-30', '2026-01-15').map((p) => p.status)).toEqual(['done_on_time', 'cancelled', 'cancelled']);
    const g = facts({ paused: { at: '2026-01-02', reason: 'Chờ hướng dẫn' } });
    expect(periodStatuses(g, every('year'), '2025-01-01', '2026-12-31', '2026-02-01').map((p) => p.status)).toEqual(['overdue', 'paused']);
  });

  it('refuses a period key that is no period', () => {
    expect(TaskFacts.safeParse({ periods: [{ key: '2025-Q5' }] }).success).toBe(false);
  });
});

describe('roll-up into the two groups', () => {
  it('counts done on time / late and not done in time / overdue, cancelled outside both', () => {
    const codes: TaskStatusCode[] = ['done_on_time', 'done_on_time', 'done_late', 'overdue', 'overdue', 'overdue', 'in_progress', 'due_soon', 'not_started', 'ongoing', 'paused', 'cancelled'];
    const r = rollUp(codes);
    expect(r.done).toEqual({ onTime: 2, late: 1, total: 3 });
    expect(r.notDone).toEqual({ inTime: 5, overdue: 3, total: 8 });
    expect(r.cancelled).toBe(1);
    expect(r.total).toBe(11);
    expect(r.byStatus.overdue).toBe(3);
    expect(rollUp([]).total).toBe(0);
  });

  it('rolls up a day of real statuses', () => {
    const today = '2025-01-11';
    const tasks: Array<[TaskFactsInput, TaskDueT | null]> = [
      [{ completedAt: '2025-01-10' }, on(DUE)],
      [{ completedAt: '2025-01-11' }, on(DUE)],
      [{}, on(DUE)],
      [{ startedAt: '2025-01-01' }, on('2025-02-28')],
      [{ cancelled: { at: '2025-01-02', reason: 'Trùng nội dung' } }, on(DUE)],
    ];
    const r = rollUp(tasks.map(([f, d]) => taskStatus(facts(f), d, today)));
    expect([r.done.onTime, r.done.late, r.notDone.inTime, r.notDone.overdue, r.cancelled]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('labels and stored shapes', () => {
  it('has the Vietnamese words for every status code', () => {
    expect(Object.keys(TASK_STATUS_LABELS).sort()).toEqual([...TaskStatusCode.options].sort());
    expect(TASK_STATUS_LABELS.in_progress).toBe('Đang thực hiện (trong hạn)');
    expect(TASK_STATUS_LABELS.done_late).toBe('Hoàn thành quá hạn');
  });

  it('keeps due dates stored before recurrence and ongoing existed valid and unchanged', () => {
    const stored = { dates: ['2025-01-10'], relative: '', source: 'auto' };
    expect(TaskDue.parse(stored)).toEqual(stored);
    expect(deadlineOf(TaskDue.parse({ dates: [], relative: '', source: 'auto' }))).toEqual({ kind: 'none' });
  });
});
