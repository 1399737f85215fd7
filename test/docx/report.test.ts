/**
 * A BÁO CÁO kết quả thực hiện kế hoạch goes through the same layout and .docx writer as a plan: the format checker
 * recognises it from its tên loại and must find 0 errors, 0 warnings, with the rendered-page checks.
 */
import { describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { PlanContent } from '../../shared/model';
import { draft40TaskReport } from '../fixtures/report-40-tasks';
import { checkRendered, convertToPdf, failed, pdfText, writeTemp } from './tools';

describe('a BÁO CÁO in the .docx', () => {
  it('the report on a 40-task plan, numbered 07-BC/HU, passes 0/0 and prints BÁO CÁO, its number and its task table', { timeout: 300_000 }, async () => {
    const drafted = draft40TaskReport();
    const report = PlanContent.parse({ ...drafted, header: { ...drafted.header, number: '7' } });
    const docx = await writeTemp('bao-cao.docx', await renderPlanDocx(report));
    const pdf = await convertToPdf(docx);
    const checked = await checkRendered(docx, pdf);
    expect(failed(checked, 'E')).toEqual([]);
    expect(failed(checked, 'W')).toEqual([]);
    expect(checked.rules.find((r) => r.rule === 'R12a')?.detail).toContain("'BÁO CÁO'");
    expect(checked.rules.find((r) => r.rule === 'R10')?.detail).toBe("number line 'Số 07-BC/HU'");
    const lines = (await pdfText(pdf)).split('\n').map((l) => l.trim());
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain('PHỤ LỤC');
    expect(lines.join(' ')).toContain('(Kèm theo Báo cáo số 07-BC/HU, ngày 15/6/2025 của Ban Thường vụ Huyện ủy)');
  });
});
