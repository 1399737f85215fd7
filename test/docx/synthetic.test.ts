/**
 * Synthetic plans through the real writer, the real LibreOffice (one conversion per document) and the format
 * checker (OOXML checks + rendered-page checks = `thethuc_check.py --render`):
 *  - a 50-page plan (many units, tasks, recipients, a long appendix table with merged header cells);
 *  - a commune-level plan with a three-level header, MẬT + KHẨN, a draft label, no number and a blank day;
 *  - the Đảng ủy xã variant (ĐẢNG BỘ TỈNH … / ĐẢNG ỦY XÃ …) with a full date;
 *  - every blank template filled in with sample text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import type { PlanContent } from '../../shared/model';
import { blankTemplateFiles, filledBlankPlan } from '../fixtures/filled-blanks';
import { dangUyXaPlan } from '../fixtures/synthetic-dang-uy-xa';
import { synthetic50PagesPlan } from '../fixtures/synthetic-50-pages';
import { checkRendered, convertToPdf, failed, pdfPageCount, pdfText, runChecker, writeTemp, type CheckerReport } from './tools';

interface Rendered {
  report: CheckerReport;
  pages: number;
  text: string;
}

async function renderAndCheck(name: string, content: PlanContent): Promise<Rendered> {
  const docx = await writeTemp(`${name}.docx`, await renderPlanDocx(content));
  const pdf = await convertToPdf(docx);
  const [report, pages, text] = await Promise.all([checkRendered(docx, pdf), pdfPageCount(pdf), pdfText(pdf)]);
  return { report, pages, text };
}

describe('a synthetic 50-page plan', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await renderAndCheck('synthetic-50', synthetic50PagesPlan());
  });

  it('prints about 50 pages', () => {
    expect(r.pages).toBeGreaterThanOrEqual(45);
    expect(r.pages).toBeLessThanOrEqual(60);
  });

  it('passes the format checker with no error and no warning', () => {
    expect(failed(r.report, 'E')).toEqual([]);
    expect(failed(r.report, 'W')).toEqual([]);
  });

  it('repeats the appendix header row on every page of the table', () => {
    const headerRepeats = r.text.split('\n').filter((l) => l.trim() === 'Thời gian').length;
    expect(headerRepeats).toBeGreaterThanOrEqual(10);
  });
});

describe('a commune-level draft: three-level header, MẬT + KHẨN, draft label, no number, blank day', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await renderAndCheck('three-level', dangUyXaPlan({ variant: 'three-level', blankDay: true }));
  });

  it('passes the format checker with its blank day (R11 accepts it in an unnumbered draft)', () => {
    expect(failed(r.report, 'E')).toEqual([]);
    expect(failed(r.report, 'W')).toEqual([]);
  });

  it('passes every OOXML check with the day filled in too', async () => {
    const docx = await writeTemp('three-level-dated.docx', await renderPlanDocx(dangUyXaPlan({ variant: 'three-level', blankDay: false })));
    const report = await runChecker(docx);
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
  });

  it('prints all three levels, the marks, the blank number and the draft label', () => {
    const lines = r.text.split('\n').map((l) => l.trim());
    for (const l of ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN', 'ĐẢNG BỘ XÃ MƯỜNG PHĂNG', 'CHI BỘ BẢN NA SANG 1', 'MẬT', 'KHẨN', 'Dự thảo lần 2']) expect(lines).toContain(l);
    expect(r.text).toMatch(/Số\s+-KH\/CB/u);
    expect(r.text).toMatch(/Mường Phăng, ngày\s+tháng 8 năm 2025/u);
    const rule = r.report.rules.find((x) => x.rule === 'R8');
    expect(rule?.detail).toContain("upper level 'ĐẢNG BỘ XÃ MƯỜNG PHĂNG'");
  });
});

describe('a Đảng ủy xã plan (ĐẢNG BỘ TỈNH … / ĐẢNG ỦY XÃ …), dated', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await renderAndCheck('dang-uy-xa', dangUyXaPlan({ variant: 'dang-uy-xa', blankDay: false }));
  });

  it('passes the format checker with no error and no warning', () => {
    expect(failed(r.report, 'E')).toEqual([]);
    expect(failed(r.report, 'W')).toEqual([]);
    expect(r.text).toMatch(/Số\s+-KH\/ĐU/u);
    expect(r.text).toContain('Mường Phăng, ngày 12 tháng 8 năm 2025');
  });
});

describe.each(blankTemplateFiles)('%s filled in with sample text', (file) => {
  it('passes the format checker with no error and no warning', async () => {
    const r = await renderAndCheck(file.replace(/\.json$/u, ''), filledBlankPlan(file));
    expect(failed(r.report, 'E')).toEqual([]);
    expect(failed(r.report, 'W')).toEqual([]);
  }, 180_000);
});
