/**
 * End to end: "Lập báo cáo" on a plan drafts its BÁO CÁO and opens it in the editor; the A4 preview prints
 * "BÁO CÁO" with "Số -BC/HU" and the trích yếu naming the plan; the tabs a report does not use are gone; the plans
 * list marks it "Báo cáo" and filters by type; the preview printed to PDF passes the format checker 0/0.
 */
import { contentOf } from '../../shared/model/plan-record';
import type { Plan } from '../../shared/model';
import { printPlanPdf } from '../../scripts/print-pdf';
import { failed, pdfText, runChecker, writeTemp } from '../docx/tools';
import { plan40Tasks } from '../fixtures/report-40-tasks';
import { appForFile, invokeIn } from './browser';

const session = appForFile();

const toolbar = () => session.page.getByRole('toolbar', { name: 'Thao tác với kế hoạch' });
const idInUrl = () => /#\/plans\/([0-9a-f-]{36})/.exec(session.page.url())?.[1] ?? '';
const previewText = () => session.page.locator('.kh-pages').first().innerText();

describe('Lập báo cáo', () => {
  let planId = '';
  let reportId = '';

  it('drafts the report from the plan’s editor and opens it, with BÁO CÁO in the A4 preview', async () => {
    planId = (await invokeIn<Plan>(session.page, 'plan.save', { ...plan40Tasks(), id: crypto.randomUUID(), baseRevision: null })).id;
    await session.page.goto(`${session.app.harness.url}#/plans/${planId}`);
    await expect.poll(previewText).toContain('KẾ HOẠCH');
    await toolbar().getByRole('button', { name: 'Lập báo cáo' }).click();
    await session.page.getByText('Đã lập báo cáo kết quả thực hiện (dự thảo).').waitFor();
    await expect.poll(idInUrl).not.toBe(planId);
    reportId = idInUrl();

    await expect.poll(() => session.page.getByLabel('Trích yếu').inputValue()).toMatch(/^kết quả thực hiện Kế hoạch số 12-KH\/HU, ngày 05\/11\/2024 của Ban Thường vụ Huyện ủy về /u);
    await expect.poll(previewText).toContain('BÁO CÁO');
    const preview = await previewText();
    expect(preview).not.toContain('KẾ HOẠCH\n');
    expect(preview).toContain('-BC/HU');
    expect(preview).toContain('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN');
    // The report's own badge; no pilot units or duty tabs, and no "Lập báo cáo" on a report.
    await session.page.getByRole('main').getByText('Báo cáo', { exact: true }).first().waitFor();
    expect(await session.page.getByRole('tab', { name: 'Đơn vị làm điểm' }).count()).toBe(0);
    expect(await session.page.getByRole('tab', { name: 'Phân công thực hiện' }).count()).toBe(0);
    expect(await toolbar().getByRole('button', { name: 'Lập báo cáo' }).count()).toBe(0);
    const stored = await invokeIn<Plan>(session.page, 'plan.get', { id: reportId });
    expect(stored.header.docType).toBe('BC');
    expect(stored.report?.planIds).toEqual([planId]);
  });

  it('shows the report in the plans list with a "Báo cáo" badge, and filters by document type', async () => {
    await session.page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    const table = session.page.getByRole('table', { name: /kế hoạch/iu });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const reportRow = table.getByRole('row').filter({ hasText: 'kết quả thực hiện Kế hoạch số 12-KH/HU' });
    await reportRow.getByText('Báo cáo', { exact: true }).waitFor();
    await session.page.getByLabel('Loại văn bản').selectOption('BC');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await session.page.getByLabel('Loại văn bản').selectOption('KH');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    // From the list too: a second report on the plan, opened in the editor.
    await table.getByRole('button', { name: /^Lập báo cáo kết quả thực hiện/u }).click();
    await expect.poll(idInUrl).not.toBe('');
    expect([planId, reportId]).not.toContain(idInUrl());
    await expect.poll(previewText).toContain('BÁO CÁO');
  });

  it('prints from the preview to a PDF the format checker passes 0/0', async () => {
    const report = await invokeIn<Plan>(session.page, 'plan.get', { id: reportId });
    const pdf = await writeTemp('bao-cao-preview.pdf', await printPlanPdf(contentOf(report)));
    const checked = await runChecker(pdf);
    expect(failed(checked, 'E')).toEqual([]);
    expect(failed(checked, 'W')).toEqual([]);
    expect(checked.rules.find((r) => r.rule === 'V2')?.detail).toContain("'BÁO CÁO'");
    expect(await pdfText(pdf)).toContain('(Kèm theo Báo cáo số');
  });
});
