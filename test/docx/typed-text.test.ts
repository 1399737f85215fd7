/**
 * What a person may paste or type reaches the .docx only in a printable form, and the format checker sees what lint
 * reports: a date not in the calendar (R11), raw control characters (R3b), emoji (R3c), text typed in a TCVN3 or VNI
 * font pasted as Unicode (R3d).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { parseTypedDocNumber } from '../../shared/format/symbol';
import { applyLintFix, lintPlan } from '../../shared/lint';
import { PlanContent } from '../../shared/model';
import { dangUyXaPlan } from '../fixtures/synthetic-dang-uy-xa';
import { checkRendered, convertToPdf, failed, runChecker, writeTemp, type CheckerReport } from './tools';

/** The commune plan dated 12/8/2025 (every OOXML check passes), changed by `patch`. */
function planWith(patch: (c: PlanContent) => void): PlanContent {
  const c = structuredClone(dangUyXaPlan({ variant: 'three-level', blankDay: false }));
  patch(c);
  return PlanContent.parse(c);
}

const rule = (report: CheckerReport, id: string) => report.rules.find((r) => r.rule === id);

async function check(name: string, content: PlanContent): Promise<{ report: CheckerReport; xml: string; docx: string }> {
  const bytes = await renderPlanDocx(content);
  const docx = await writeTemp(`${name}.docx`, bytes);
  return { report: await runChecker(docx), xml: strFromU8(unzipSync(bytes)['word/document.xml']!), docx };
}

const runin = (c: PlanContent) => (c.body[0] as { children: { title: string }[] }).children[0]!;
const task = (c: PlanContent) => (c.body[1] as { children: { tasks: { text: string }[] }[] }).children[0]!.tasks[0]!;

describe('the .docx of what was typed', () => {
  it('a date not in the calendar (31 tháng 02) fails R11, as lint reports it', async () => {
    const impossible = planWith((c) => void (c.header.date = { day: '31', month: '2', year: '2025' }));
    const { report, xml } = await check('date-31-02', impossible);
    expect(xml).toContain('ngày 31 tháng 02 năm 2025');
    expect(rule(report, 'R11')).toMatchObject({ ok: false, detail: expect.stringContaining('no such day') });
    expect(lintPlan(impossible).map((f) => f.rule)).toContain('date.impossible');
    const real = await check('date-28-02', planWith((c) => void (c.header.date = { day: '28', month: '2', year: '2025' })));
    expect(rule(real.report, 'R11')?.ok).toBe(true);
  });

  it('never holds a raw tab or line break (R3b): pasted ones print as spaces', async () => {
    const pasted = planWith((c) => {
      runin(c).title = 'Quán triệt đầy đủ,\tkịp thời các văn bản\r\ncủa cấp trên.';
      task(c).text = 'Tổ chức hội nghị\nquán triệt.';
      c.header.place = 'Mường\tPhăng';
    });
    const { report, xml } = await check('control-chars', pasted);
    expect(rule(report, 'R3b')?.ok).toBe(true);
    expect(failed(report, 'E')).toEqual([]);
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]!);
    expect(texts.filter((t) => /[\t\n\r]/u.test(t))).toEqual([]);
    expect(texts.join('')).toContain('Quán triệt đầy đủ, kịp thời các văn bản của cấp trên.');
    expect(lintPlan(pasted).filter((f) => f.rule === 'text.control-chars').map((f) => f.path.join('.'))).toEqual([
      'header.place',
      'body.0.children.0.title',
      'body.1.children.0.tasks.0.text',
    ]);
  });

  it('prints emoji as typed, which fails R3c; the lint fixes give a clean .docx', { timeout: 600_000 }, async () => {
    const withEmoji = planWith((c) => {
      c.trichYeu = `${c.trichYeu} 🎉`;
      task(c).text = '✅ Tổ chức hội nghị quán triệt 👍';
    });
    const before = await check('emoji', withEmoji);
    expect(rule(before.report, 'R3c')?.ok).toBe(false);

    const findings = lintPlan(withEmoji).filter((f) => f.rule === 'text.emoji');
    expect(findings.map((f) => [f.severity, f.path.join('.')])).toEqual([
      ['error', 'trichYeu'],
      ['error', 'body.1.children.0.tasks.0.text'],
    ]);
    const fixed = findings.reduce((c, f) => applyLintFix(c, f.fix!)!, withEmoji);
    expect(lintPlan(fixed)).toEqual(lintPlan(planWith(() => {})));
    const after = await check('emoji-fixed', fixed);
    expect(rule(after.report, 'R3c')?.ok).toBe(true);
    const rendered = await checkRendered(after.docx, await convertToPdf(after.docx));
    expect(failed(rendered, 'E')).toEqual([]);
  });

  it('prints TCVN3 and VNI text pasted as Unicode, which R3d names; the lint conversion gives a clean .docx', { timeout: 600_000 }, async () => {
    const pasted = planWith((c) => {
      c.trichYeu = 'tæ chøc ®¹i héi chi bé nhiÖm kú 2025 - 2027';
      task(c).text = 'Toå chöùc hoäi nghò quaùn trieät nghò quyeát cuûa Ñaûng uûy xaõ.';
    });
    const before = await check('legacy-font', pasted);
    expect(rule(before.report, 'R3d')?.ok).toBe(false);

    const findings = lintPlan(pasted).filter((f) => f.rule === 'text.legacy-font');
    expect(findings.map((f) => [f.severity, f.path.join('.'), f.message.includes('TCVN3') ? 'TCVN3' : f.message.includes('VNI') ? 'VNI' : '?'])).toEqual([
      ['error', 'trichYeu', 'TCVN3'],
      ['error', 'body.1.children.0.tasks.0.text', 'VNI'],
    ]);
    const fixed = findings.reduce((c, f) => applyLintFix(c, f.fix!)!, pasted);
    expect(fixed.trichYeu).toBe('tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027');
    expect(task(fixed).text).toBe('Tổ chức hội nghị quán triệt nghị quyết của Đảng ủy xã.');
    expect(lintPlan(fixed).filter((f) => f.rule === 'text.legacy-font')).toEqual([]);
    const after = await check('legacy-font-fixed', fixed);
    expect(rule(after.report, 'R3d')?.ok).toBe(true);
    const rendered = await checkRendered(after.docx, await convertToPdf(after.docx));
    expect(failed(rendered, 'E')).toEqual([]);
  });

  it('a number typed the state way ("24/KH-CB") is named by lint and R10; split, it prints "Số 24-KH/CB" and passes', { timeout: 600_000 }, async () => {
    const typed = planWith((c) => void (c.header.number = '24/KH-CB'));
    const finding = lintPlan(typed).find((f) => f.rule === 'header.number-invalid');
    expect(finding?.message).toContain('văn bản của Đảng ghi "Số 24-KH/CB"');
    const before = await check('number-state-form', typed);
    expect(rule(before.report, 'R10')?.ok).toBe(false);

    const parsed = parseTypedDocNumber(typed.header.number)!;
    const split = planWith((c) => {
      c.header.number = parsed.number;
      c.header.issuer.symbol = parsed.issuerSymbol;
    });
    expect(lintPlan(split).filter((f) => f.path[0] === 'header' && f.path[1] !== 'date')).toEqual([]);
    const after = await check('number-split', split);
    expect(after.xml).toContain('Số 24-KH/CB');
    const rendered = await checkRendered(after.docx, await convertToPdf(after.docx));
    expect(failed(rendered, 'E')).toEqual([]);
  });
});
