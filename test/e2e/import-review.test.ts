/**
 * End to end: "Nhập từ tệp Word / Dán văn bản" on the Kế hoạch page, seed 03's .docx (made by our writer) uploaded
 * through the harness's open dialog; the review colours the source paragraphs by role with a legend, shows the A4
 * preview, flags the low-confidence nhiệm kỳ, which is corrected in place; "Tạo kế hoạch" creates the plan (revision
 * reason import) and opens it; "Xuất .docx" exports it again and the format checker, rendering with LibreOffice,
 * reports no error and no warning. A pasted text in a TCVN3 font asks to confirm the conversion.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderPlanDocx } from '../../electron/backend/docx';
import { defaultFormatProfile, TemplateFile, type Plan } from '../../shared/model';
import { CHECKER, failed, type CheckerReport } from '../docx/tools';
import { invokeIn, appForFile, SCREENSHOT_DIR } from './browser';

const run = promisify(execFile);
const session = appForFile();
const out = mkdtempSync(join(tmpdir(), 'kh-e2e-import-'));
const seed03 = TemplateFile.parse(JSON.parse(readFileSync('resources/templates/seed-03-btctw-doan-du-dai-hoi.json', 'utf8'))).content;
const docxPath = join(out, 'ke-hoach-doan-du-dai-hoi.docx');

beforeAll(async () => {
  writeFileSync(docxPath, await renderPlanDocx(seed03, seed03.profile ?? defaultFormatProfile()));
}, 120_000);

const openImport = async () => {
  await session.page.goto(`${session.app.harness.url}#/plans`);
  await session.page.getByRole('link', { name: 'Nhập từ tệp Word / Dán văn bản' }).click();
  await session.page.getByRole('heading', { name: 'Nhập kế hoạch có sẵn' }).waitFor();
};

describe('importing an existing plan through the review', () => {
  let planId = '';

  it('reviews seed 03’s .docx: coloured source with a legend, the A4 preview, the low-confidence term corrected', async () => {
    await openImport();
    const chooser = session.page.waitForEvent('filechooser');
    await session.page.getByRole('button', { name: 'Chọn tệp…' }).click();
    await (await chooser).setFiles(docxPath);

    const source = session.page.getByRole('list', { name: 'Các đoạn của văn bản gốc' });
    await source.locator('[data-role="title"]').waitFor({ timeout: 30_000 });
    expect(await source.locator('[data-role="title"]').innerText()).toContain('KẾ HOẠCH');
    expect(await source.locator('[data-role="can-cu"]').count()).toBe(4);
    expect(await source.locator('[data-role="signature-name"]').count()).toBe(1);
    const legend = session.page.getByRole('list', { name: 'Chú giải màu' });
    expect(await legend.getByRole('listitem').allInnerTexts()).toContain('Căn cứ');
    await expect.poll(() => session.page.locator('.kh-pages').first().innerText(), { timeout: 30_000 }).toContain(seed03.trichYeu);

    const flagged = session.page.getByRole('region', { name: 'Cần xem lại (độ tin cậy thấp)' });
    const term = flagged.getByLabel('Nhiệm kỳ');
    expect(await term.inputValue()).toBe('');
    await term.fill('2025-2030');
    expect(await session.page.getByLabel('Tạo kế hoạch ở trạng thái').locator('input:checked').getAttribute('value')).toBe('draft');

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'import-review.png') });
  }, 120_000);

  it('"Tạo kế hoạch" creates the plan with reason import and opens it', async () => {
    await session.page.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click();
    await session.page.getByText('Đã tạo kế hoạch từ văn bản nhập.').waitFor();
    await expect.poll(() => /#\/plans\/([0-9a-f-]{36})/.exec(session.page.url())?.[1] ?? '').not.toBe('');
    planId = /#\/plans\/([0-9a-f-]{36})/.exec(session.page.url())![1]!;
    const plan = await invokeIn<Plan>(session.page, 'plan.get', { id: planId });
    expect(plan).toMatchObject({ status: 'draft', term: '2025-2030', trichYeu: seed03.trichYeu, header: { issuer: seed03.header.issuer } });
    expect(plan.signature).toEqual(seed03.signature);
    const history = await invokeIn<{ items: Array<{ reason: string }> }>(session.page, 'plan.revisions', { id: planId });
    expect(history.items.map((r) => r.reason)).toEqual(['import']);
  }, 60_000);

  it('exports it again as .docx; the checker rendering with LibreOffice reports 0 errors and 0 warnings', async () => {
    await session.page.locator('.kh-page').first().waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([session.page.waitForEvent('download', { timeout: 90_000 }), session.page.getByRole('button', { name: 'Xuất .docx', exact: true }).click()]);
    const path = join(out, download.suggestedFilename());
    await download.saveAs(path);
    const { stdout } = await run('python3', [CHECKER, path, '--render', '--json'], { maxBuffer: 32 << 20, timeout: 180_000 });
    const report = JSON.parse(stdout) as CheckerReport;
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
    expect(report.rules.some((r) => r.rule === 'V0' && r.ok)).toBe(true);
  }, 240_000);

  it('a pasted text in a TCVN3 font asks to confirm the conversion; declining keeps the words as pasted', async () => {
    await openImport();
    const text = ['HUYỆN ỦY TAM ĐƯỜNG', '*', 'Số 12-KH/HU', 'Tam Đường, ngày 10 tháng 3 năm 2025', 'KẾ HOẠCH', 'tuyªn truyÒn kû niÖm ngµy thµnh lËp §¶ng', 'I. MỤC ĐÍCH, YÊU CẦU', 'Tuyên truyền sâu rộng.', 'Nơi nhận:', '- Lưu.', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Tần Thị Quế', 'Lượt xem: 1.234'].join('\n');
    await session.page.getByLabel('Văn bản kế hoạch').fill(text);
    await session.page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await session.page.getByText('Văn bản gõ bằng phông TCVN3 (ABC, .VnTime)', { exact: true }).waitFor({ timeout: 30_000 });
    const source = session.page.getByRole('list', { name: 'Các đoạn của văn bản gốc' });
    await expect.poll(() => source.locator('[data-role="trich-yeu"] [data-part="text"]').innerText()).toBe('tuyên truyền kỷ niệm ngày thành lập Đảng');
    expect(await session.page.getByRole('region', { name: 'Phần bị bỏ qua' }).innerText()).toContain('Lượt xem: 1.234');
    await session.page.getByLabel('Chuyển sang Unicode').uncheck();
    await expect.poll(() => source.locator('[data-role="trich-yeu"] [data-part="text"]').innerText()).toBe('tuyªn truyÒn kû niÖm ngµy thµnh lËp §¶ng');
    // A role changed by hand: the paragraph left out goes to the dropped list.
    await source.getByLabel('Vai trò của đoạn "Tuyên truyền sâu rộng."').selectOption('boilerplate');
    await expect.poll(() => session.page.getByRole('region', { name: 'Phần bị bỏ qua' }).innerText()).toContain('Tuyên truyền sâu rộng.');
  }, 90_000);
});
