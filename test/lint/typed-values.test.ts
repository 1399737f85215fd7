/**
 * What she typed is stored as typed (shared/model/plan.ts); lint reports what cannot be printed on an issued plan:
 * impossible dates, malformed numbers, texts longer than their printed purpose, raw control characters and emoji.
 */
import { describe, expect, it } from 'vitest';
import { applyLintFix, lintPlan } from '../../shared/lint';
import { LintFinding, PlanContent } from '../../shared/model';
import { U, plan } from './plan-fixture';

const findings = (c: PlanContent, rule: string) => lintPlan(c).filter((f) => f.rule === rule);
const rules = (c: PlanContent) => lintPlan(c).map((f) => `${f.severity} ${f.rule} ${f.path.join('.')}`);

/** Apply a finding's fix the way the editor does. */
function applyFix(c: PlanContent, f: LintFinding): PlanContent {
  const next = applyLintFix(c, f.fix!);
  expect(next).not.toBeNull();
  return PlanContent.parse(next);
}

describe('dates', () => {
  it('31 tháng 2 is an error on the day field, with a clear Vietnamese message', () => {
    const c = plan((x) => void (x.header.date = { day: '31', month: '2', year: '2025' }));
    expect(rules(c)).toEqual(['error date.impossible header.date.day']);
    expect(findings(c, 'date.impossible')[0]!.message).toContain('Ngày 31 tháng 2 năm 2025 không có trong lịch');
    expect(findings(c, 'date.impossible')[0]!.message).toContain('28 ngày');
  });

  it('knows leap years and month lengths', () => {
    const at = (day: string, month: string, year: string) => rules(plan((x) => void (x.header.date = { day, month, year })));
    expect(at('29', '2', '2024')).toEqual([]);
    expect(at('29', '02', '2025')).toEqual(['error date.impossible header.date.day']);
    expect(at('31', '4', '2025')).toEqual(['error date.impossible header.date.day']);
    expect(at('30', '4', '2025')).toEqual([]);
    expect(at('', '2', '2025')).toEqual([]);
    expect(at('', '', '2025')).toEqual([]);
  });

  it('reports malformed parts as typed, each on its own field', () => {
    const c = plan((x) => void (x.header.date = { day: '32', month: '13', year: '205' }));
    expect(rules(c)).toEqual(['error date.year-invalid header.date.year', 'error date.month-invalid header.date.month', 'error date.day-invalid header.date.day']);
    expect(findings(c, 'date.year-invalid')[0]!.message).toContain('"205"');
    expect(rules(plan((x) => void (x.header.date = { day: '5', month: '', year: '2025' })))).toEqual(['error date.day-without-month header.date.month']);
    expect(rules(plan((x) => void (x.header.date = { day: '', month: '', year: '' })))).toEqual(['error date.year-missing header.date.year']);
    // 30 tháng 2 is impossible whatever the year is.
    expect(rules(plan((x) => void (x.header.date = { day: '30', month: '2', year: '20x5' })))).toEqual([
      'error date.year-invalid header.date.year',
      'error date.impossible header.date.day',
    ]);
  });

  it('reads content stored before dates were kept as typed (numbers, null for a blank)', () => {
    const c = plan((x) => void (x.header.date = { day: null, month: 8, year: 2024 } as never));
    expect(c.header.date).toEqual({ day: '', month: '8', year: '2024' });
  });

  it('a pilot deadline or a task due date that is not in the calendar is an error on its path', () => {
    const c = plan((x) => {
      x.pilotUnits![0]!.deadline = '2026-02-30';
      const duty = (x.body[1] as { children: { tasks?: { due: unknown }[] }[] }).children[2]!;
      duty.tasks![0]!.due = { dates: ['2025-12-20', '2025-11-31'] };
    });
    expect(rules(c)).toEqual(['error task.due-invalid body.1.children.2.tasks.0.due.dates.1', 'error pilot.deadline-invalid pilotUnits.0.deadline']);
  });
});

describe('fields stored as typed', () => {
  it('a number that is not digits, a malformed symbol and terms are errors on their fields', () => {
    const c = plan((x) => {
      x.header.number = '3x';
      x.header.issuer.symbol = 'Đu';
      x.term = '2025 2030';
      x.pilotUnits![0]!.term = '2027 - 2025';
    });
    expect(rules(c)).toEqual([
      'error header.number-invalid header.number',
      'error header.symbol-invalid header.issuer.symbol',
      'error plan.term-invalid term',
      'error pilot.term-invalid pilotUnits.0.term',
    ]);
    expect(findings(c, 'header.number-invalid')[0]!.message).toContain('"3x"');
  });

  it('counts out of range and delegates that do not add up are errors', () => {
    const c = plan((x) => {
      Object.assign(x.pilotUnits![0]!, { members: -1, invited: 2.5, total: 33, durationDays: 45 });
    });
    expect(rules(c)).toEqual([
      'error pilot.count-invalid pilotUnits.0.members',
      'error pilot.count-invalid pilotUnits.0.invited',
      'error pilot.duration-invalid pilotUnits.0.durationDays',
      'error pilot.delegates pilotUnits.0.total',
    ]);
  });

  it('a text longer than its printed purpose is an error, not a refused save', () => {
    const c = plan((x) => {
      x.trichYeu = 'kế hoạch '.repeat(1200);
      x.recipients![0]!.text = 'x'.repeat(501);
      (x.body[0] as { children: { text: string }[] }).children[0]!.text = 'Rút kinh nghiệm. '.repeat(600);
    });
    expect(rules(c)).toEqual(['error text.too-long trichYeu', 'error text.too-long recipients.0.text']);
    expect(findings(c, 'text.too-long')[0]!.message).toMatch(/^Trích yếu dài 10800 ký tự, quá 2000 ký tự/);
    expect(rules(plan((x) => void (x.trichYeu = 'a'.repeat(2000))))).toEqual([]);
  });

  it('more than three higher-body lines is an error', () => {
    const c = plan((x) => void (x.header.issuer.higherLines = ['A', 'B', 'C', 'D']));
    expect(rules(c)).toEqual(['error header.higher-lines header.issuer.higherLines']);
  });
});

describe('characters', () => {
  it('a pasted tab or line break inside a field is a warning with a fix that puts one space', () => {
    const c = plan((x) => void ((x.body[0] as { children: { text: string }[] }).children[0]!.text = 'Rút kinh nghiệm\tđại hội.\r\nChỉ đạo chặt chẽ.'));
    const [f] = findings(c, 'text.control-chars');
    expect(f).toMatchObject({ severity: 'warning', path: ['body', 0, 'children', 0, 'text'] });
    expect(f!.fix).toEqual({ kind: 'replaceChars', path: f!.path, from: 'Rút kinh nghiệm\tđại hội.\r\nChỉ đạo chặt chẽ.', value: 'Rút kinh nghiệm đại hội. Chỉ đạo chặt chẽ.' });
    expect(lintPlan(applyFix(c, f!))).toEqual([]);
  });

  it('line breaks in the trích yếu are wanted (they print as breaks); a tab there is not', () => {
    expect(lintPlan(plan((x) => void (x.trichYeu = 'tổ chức đại hội điểm\r\nchi bộ trực thuộc')))).toEqual([]);
    const [f] = findings(plan((x) => void (x.trichYeu = 'tổ chức\tđại hội\nđiểm')), 'text.control-chars');
    expect(f!.fix!.value).toBe('tổ chức đại hội\nđiểm');
  });

  it('emoji are errors, each with a fix that removes them and leaves a clean plan', () => {
    const c = plan((x) => {
      x.trichYeu = 'tổ chức đại hội điểm 🎉 chi bộ trực thuộc';
      x.recipients![0]!.text = 'Ban Thường vụ Tỉnh ủy ✅';
    });
    const found = findings(c, 'text.emoji');
    expect(found.map((f) => [f.severity, f.path.join('.'), f.fix?.kind, f.fix?.value])).toEqual([
      ['error', 'trichYeu', 'removeChars', 'tổ chức đại hội điểm chi bộ trực thuộc'],
      ['error', 'recipients.0.text', 'removeChars', 'Ban Thường vụ Tỉnh ủy'],
    ]);
    expect(found[0]!.message).toContain('🎉');
    const fixed = found.reduce(applyFix, c);
    expect(lintPlan(fixed)).toEqual([]);
  });

  it('Vietnamese text, typographic quotes and dashes are not emoji', () => {
    expect(lintPlan(plan((x) => void (x.canCu.lead = 'Ban Thường vụ “Đảng ủy” – ban hành Kế hoạch … như sau:')))).toEqual([]);
  });
});

describe('applyLintFix', () => {
  it('sets the text at the path without touching the content, and refuses a stale fix', () => {
    const c = plan((x) => void (x.recipients![0]!.text = 'Ban Thường vụ 🙂 Tỉnh ủy'));
    const [f] = findings(c, 'text.emoji');
    const fixed = applyLintFix(c, f!.fix!)!;
    expect(fixed.recipients[0]!.text).toBe('Ban Thường vụ Tỉnh ủy');
    expect(c.recipients[0]!.text).toBe('Ban Thường vụ 🙂 Tỉnh ủy');
    expect(fixed.recipients[1]).toBe(c.recipients[1]);
    expect(applyLintFix(fixed, f!.fix!)).toBeNull();
  });
});

describe('findings carry the contract shape', () => {
  it('fix included', () => {
    const c = plan((x) => void (x.trichYeu = 'đại hội 👍'));
    for (const f of lintPlan(c)) expect(LintFinding.parse(f)).toEqual(f);
    expect(U(1)).toMatch(/^0{8}-/);
  });
});
