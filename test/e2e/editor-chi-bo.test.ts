/**
 * End to end, as a chi bộ's clerk: the office profile of a chi bộ (two issuer lines, symbol CBTH, T/M CHI BỘ), the
 * blank "đại hội chi bộ" template picked from the chi bộ group of the picker, its blanks filled through the UI, the
 * number pasted the state way ("Số: 10-KH/CBTH") and split; the exported .docx passes the checker with LibreOffice
 * rendering with 0 errors and 0 warnings.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { checkRendered, convertToPdf, failed } from '../docx/tools';
import { openApp, type AppSession } from './browser';

const SAMPLE = {
  trichYeu: 'tổ chức Đại hội Chi bộ Trường Tiểu học nhiệm kỳ 2025 - 2030',
  canCu: 'Kế hoạch số 05-KH/ĐU, ngày 10/01/2025 của Đảng ủy xã Tân Lập về tổ chức đại hội các chi bộ trực thuộc',
  paragraph: 'Đánh giá đúng kết quả thực hiện Nghị quyết Đại hội Chi bộ nhiệm kỳ trước; xác định phương hướng, nhiệm vụ, giải pháp cho nhiệm kỳ mới.',
  task: 'Chuẩn bị báo cáo chính trị, báo cáo kiểm điểm của chi ủy và phương án nhân sự, hoàn thành trước ngày 15/3/2025.',
};

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const openTab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
const exactLabel = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
const input = (label: string) => page.getByLabel(exactLabel(label)).and(page.locator('input, textarea'));

/** Fill every empty text area of the open tab (the template's blanks) with `text`. */
async function fillBlanks(text: string): Promise<number> {
  const areas = page.getByRole('tabpanel').locator('textarea:not([aria-hidden="true"])');
  let filled = 0;
  for (let i = 0; i < (await areas.count()); i++) {
    const area = areas.nth(i);
    if (!(await area.isVisible()) || (await area.inputValue()) !== '') continue;
    await area.fill(text);
    filled++;
  }
  return filled;
}

describe('a chi bộ plan from its blank template', () => {
  it('saves the chi bộ as the office profile', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByRole('textbox', { name: 'Dòng cấp trên 1' }).fill('ĐẢNG BỘ XÃ TÂN LẬP');
    await page.getByLabel('Tên cơ quan ban hành').fill('CHI BỘ TRƯỜNG TIỂU HỌC');
    await page.getByLabel('Ký hiệu cơ quan').fill('CBTH');
    await page.getByLabel('Cấp', { exact: true }).selectOption({ label: 'Chi bộ (trực thuộc đảng ủy cơ sở, hoặc chi bộ cơ sở)' });
    await page.getByLabel('Địa danh').fill('Tân Lập');
    await page.getByLabel('Nhiệm kỳ').fill('2025-2030');
    await page.getByLabel('Tập thể hoặc người đứng đầu').fill('CHI BỘ');
    await page.getByLabel('Chức vụ người ký').fill('BÍ THƯ');
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Dòng lưu ở nơi nhận').fill('Lưu Chi bộ');
    await page.getByRole('button', { name: 'Lưu hồ sơ cơ quan' }).click();
    await page.getByText('Đã lưu hồ sơ cơ quan ban hành.').waitFor();
  });

  it('picks "đại hội chi bộ" from the chi bộ group of the picker', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    const group = page.getByRole('group', { name: 'Chi bộ (trực thuộc đảng ủy cơ sở, hoặc chi bộ cơ sở)' });
    const name = 'Kế hoạch trống — Chi bộ: đại hội chi bộ';
    await group.getByRole('article', { name }).getByRole('button', { name: `Dùng mẫu này: ${name}` }).click();
    await page.getByRole('tab', { name: 'Thông tin chung' }).waitFor();
    await expect.poll(() => input('Tên cơ quan ban hành').inputValue()).toBe('CHI BỘ TRƯỜNG TIỂU HỌC');
  });

  it('Thông tin chung: the number pasted as "Số: 10-KH/CBTH" splits; date and trích yếu', async () => {
    await openTab('Thông tin chung');
    const number = input('Số văn bản');
    await number.focus();
    await number.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Số: 10-KH/CBTH');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => number.inputValue()).toBe('10');
    await page.getByTestId('number-split').getByText(/Văn bản của Đảng ghi: Số 10-KH\/CBTH/).waitFor();
    await input('Ngày').fill('20');
    await input('Tháng').fill('01');
    await input('Năm').fill('2025');
    await input('Trích yếu').fill(SAMPLE.trichYeu);
  });

  it('Căn cứ, Nội dung and Phân công thực hiện: every blank of the template filled', async () => {
    await openTab('Căn cứ');
    expect(await fillBlanks(SAMPLE.canCu)).toBe(1);
    await openTab('Nội dung');
    expect(await fillBlanks(SAMPLE.paragraph)).toBe(9);
    await openTab('Phân công thực hiện');
    expect(await fillBlanks(SAMPLE.task)).toBe(2);
    const status = page.getByTestId('save-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
  });

  it('exports the .docx: "CHI BỘ TRƯỜNG TIỂU HỌC", "Số 10-KH/CBTH", "T/M CHI BỘ"; the checker finds 0 errors and 0 warnings', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).click()]);
    const docx = join(await mkdtemp(join(tmpdir(), 'kh-e2e-chi-bo-')), 'chi-bo.docx');
    await download.saveAs(docx);
    const xml = strFromU8(unzipSync(await readFile(docx))['word/document.xml']!);
    for (const text of ['ĐẢNG BỘ XÃ TÂN LẬP', 'CHI BỘ TRƯỜNG TIỂU HỌC', 'Số 10-KH/CBTH', 'T/M CHI BỘ', 'Nguyễn Thị Hoa', 'Chi ủy xây dựng Kế hoạch']) expect(xml).toContain(text);
    const report = await checkRendered(docx, await convertToPdf(docx));
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
  }, 240_000);
});
