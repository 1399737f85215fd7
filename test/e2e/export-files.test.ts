/**
 * Xuất .docx and Xuất PDF in a real browser through the web harness, which answers the file channels as main does
 * in the app, with a download: the .docx passes the format checker with LibreOffice rendering, the PDF is the A4
 * printout of the preview (the checker's layout checks pass). Opening a file is an upload behind a single-use token.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download } from 'playwright-core';
import { planFileName } from '../../shared/format/file-name';
import type { Plan } from '../../shared/model';
import { CHECKER, failed, pdfPageCount, runChecker, type CheckerReport } from '../docx/tools';
import { appForFile } from './browser';

const run = promisify(execFile);
const session = appForFile();
let plan: Plan;
const out = mkdtempSync(join(tmpdir(), 'kh-e2e-export-'));

beforeAll(async () => {
  const seed = JSON.parse(readFileSync('resources/templates/seed-01-huyen-uy-dai-hoi-diem.json', 'utf8')) as { id: string };
  const made = await session.page.evaluate((templateId) => window.kehoach.invoke('template.instantiate', { templateId }), seed.id);
  if (!made.ok) throw new Error(made.error.message);
  plan = made.data;
  await session.page.goto(`${session.app.harness.url}#/plans/${plan.id}`);
  await session.page.locator('.kh-page').first().waitFor({ timeout: 30_000 });
}, 120_000);

async function exportBy(button: string): Promise<{ download: Download; path: string }> {
  const [download] = await Promise.all([session.page.waitForEvent('download', { timeout: 90_000 }), session.page.getByRole('button', { name: button, exact: true }).click()]);
  const path = join(out, download.suggestedFilename());
  await download.saveAs(path);
  await session.page.getByText(`Đã lưu tệp ${download.suggestedFilename()}`).waitFor();
  return { download, path };
}

describe('exporting from the editor', () => {
  it('Xuất .docx downloads the plan as a .docx that passes the checker rendered by LibreOffice', async () => {
    const { download, path } = await exportBy('Xuất .docx');
    expect(download.suggestedFilename()).toBe(planFileName(plan, 'docx'));
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
    // exactly the command the office would run: thethuc_check.py FILE --render (exit 0: no error-severity failure)
    const { stdout } = await run('python3', [CHECKER, path, '--render', '--json'], { maxBuffer: 32 << 20, timeout: 180_000 });
    const report = JSON.parse(stdout) as CheckerReport;
    expect(failed(report, 'E')).toEqual([]);
    expect(report.rules.some((r) => r.rule === 'V0' && r.ok)).toBe(true); // LibreOffice rendered it
  }, 240_000);

  it('Xuất PDF downloads the A4 printout of the preview with no print dialog', async () => {
    let printDialogs = 0;
    await session.page.exposeFunction('__countPrint', () => printDialogs++);
    await session.page.evaluate(() => (window.print = () => void (window as unknown as { __countPrint: () => void }).__countPrint()));
    const { download, path } = await exportBy('Xuất PDF');
    expect(download.suggestedFilename()).toBe(planFileName(plan, 'pdf'));
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { stdout: info } = await run('pdfinfo', [path]);
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    // as many pages as the preview shows
    expect(await pdfPageCount(path)).toBe(await session.page.locator('.kh-editor-preview .kh-page').count());
    const report = await runChecker(path);
    expect(failed(report, 'E')).toEqual([]);
    expect(printDialogs).toBe(0);
  }, 180_000);

  it('refuses to export a plan that does not exist, with a Vietnamese message and no download', async () => {
    let downloads = 0;
    session.page.on('download', () => downloads++);
    const result = await session.page.evaluate(() =>
      window.kehoach.invoke('file.chooseSave', { source: { kind: 'plan.pdf', id: '5d0f0f33-3a3b-4c1e-8f7a-1a2b3c4d5e6f' } }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^Không tìm thấy/) } });
    const invalid = await session.page.evaluate(() => window.kehoach.invoke('file.chooseSave', { source: { kind: 'plan.exe', id: 'x' } } as never));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(downloads).toBe(0);
  });
});

describe('opening a file', () => {
  it('is an upload behind a single-use token', async () => {
    const chosen = session.page.waitForEvent('filechooser');
    const opened = session.page.evaluate(() => window.kehoach.invoke('file.chooseOpen', { kinds: ['json'] }));
    const chooser = await chosen;
    expect(await chooser.element().getAttribute('accept')).toBe('.json,application/json');
    await chooser.setFiles({ name: 'nhận-từ-usb.json', mimeType: 'application/json', buffer: Buffer.from('{"kế hoạch":1}') });
    const result = await opened;
    expect(result).toMatchObject({ ok: true, data: { opened: true, fileName: 'nhận-từ-usb.json', size: Buffer.byteLength('{"kế hoạch":1}') } });
    const token = result.ok && result.data.opened ? result.data.token : '';
    const read = await session.page.evaluate((t) => window.kehoach.invoke('file.read', { token: t }), token);
    expect(read.ok && Buffer.from(read.data.base64, 'base64').toString('utf8')).toBe('{"kế hoạch":1}');
    const again = await session.page.evaluate((t) => window.kehoach.invoke('file.read', { token: t }), token);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Tệp đã chọn không còn dùng được nữa. Hãy chọn lại tệp.' } });
  });
});
