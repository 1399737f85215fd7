/**
 * A BÁO CÁO kết quả thực hiện kế hoạch goes through the same layout and .docx writer as a plan: the format checker
 * recognises it from its tên loại and must find 0 errors, 0 warnings, with the rendered-page checks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { renderPlanDocx } from '../../electron/backend/docx';
import { PlanContent } from '../../shared/model';
import { draft40TaskReport } from '../fixtures/report-40-tasks';
import { checkRendered, convertToPdf, failed, pdfText, writeTemp } from './tools';
import { issuedSeed } from '../backend/fixtures/tasks';
import { call, cleanup, tempDir } from '../backend/helpers';
import { plan40Tasks } from '../fixtures/report-40-tasks';

afterAll(cleanup);

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

  it('a report over two issued plans for 6 tháng đầu năm 2025 (Báo cáo theo kỳ), drafted and printed by the backend, passes 0/0', { timeout: 300_000 }, async () => {
    const backend = createBackend({ dataDir: tempDir(), clock: () => new Date(2025, 6, 15, 9).getTime() });
    try {
      const forty = await call(backend, 'plan.save', { ...plan40Tasks(), id: crypto.randomUUID(), baseRevision: null });
      await call(backend, 'plan.issue', { id: forty.id });
      const seed = await issuedSeed(backend);
      const { items } = await call(backend, 'task.list', { planId: seed.id, limit: 5 });
      await call(backend, 'task.addReport', { taskId: items[0]!.id, date: '2025-01-08', text: 'Đã tổ chức đại hội, gửi biên bản về Ban Tổ chức Huyện ủy.', percent: 100 });
      await call(backend, 'task.setState', { taskId: items[0]!.id, action: 'complete', date: '2025-01-09' });
      const drafted = await call(backend, 'report.draft', { planIds: [forty.id, seed.id], period: '2025-H1' });
      expect(drafted.report).toEqual({ planIds: [forty.id, seed.id], period: '2025-H1', asOf: '2025-06-30' });
      const numbered = await call(backend, 'plan.allocateNumber', { id: drafted.id });
      expect(numbered.header.number).not.toBe('');
      const file = await call(backend, 'plan.renderDocx', { id: drafted.id });
      const docx = await writeTemp('bao-cao-theo-ky.docx', Buffer.from(file.base64, 'base64'));
      const pdf = await convertToPdf(docx);
      const checked = await checkRendered(docx, pdf);
      expect(failed(checked, 'E')).toEqual([]);
      expect(failed(checked, 'W')).toEqual([]);
      const text = (await pdfText(pdf)).replace(/\s+/gu, ' ');
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('6 tháng đầu năm 2025');
      expect(text).toContain('Kế hoạch số 12-KH/HU');
      expect(text).toContain('Kế hoạch số 315-KH/HU');
      expect(text).toContain('Hoàn thành đúng hạn');
    } finally {
      backend.close();
    }
  });
});
