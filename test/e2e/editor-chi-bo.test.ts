/**
 * End to end, as a chi bộ's clerk: the office profile of a chi bộ (two issuer lines, symbol CBTH, T/M CHI BỘ), the
 * blank "đại hội chi bộ" template picked from the chi bộ group of the picker, its blanks filled through the UI, the
 * number pasted the state way ("Số: 10-KH/CBTH") and split; the exported .docx passes the checker with LibreOffice
 * rendering with 0 errors and 0 warnings. In Nội dung she numbers level 3 "a.", adds a working team as a list of
 * people (Enter for the next person) and a timetable as a table in the body: the preview draws a real table, and the
 * .docx and the printed preview both pass the checker 0/0 with "a." and the people on them.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { printStoredPlanPdf } from '../../scripts/print-pdf';
import { checkRendered, convertToPdf, failed, pdfText, runChecker, writeTemp } from '../docx/tools';
import { appForFile } from './browser';

/** What the .docx and the printed preview both show. */
const PRINTED = ['ĐẢNG BỘ XÃ TÂN LẬP', 'CHI BỘ TRƯỜNG TIỂU HỌC', 'Số 10-KH/CBTH', 'T/M CHI BỘ', 'a. Tổ giúp việc đại hội', 'Đ/c Nguyễn Văn An', '– Bí thư Chi bộ', 'Nội dung công việc'];

const SAMPLE = {
  trichYeu: 'tổ chức Đại hội Chi bộ Trường Tiểu học nhiệm kỳ 2025 - 2030',
  canCu: 'Kế hoạch số 05-KH/ĐU, ngày 10/01/2025 của Đảng ủy xã Tân Lập về tổ chức đại hội các chi bộ trực thuộc',
  paragraph: 'Đánh giá đúng kết quả thực hiện Nghị quyết Đại hội Chi bộ nhiệm kỳ trước; xác định phương hướng, nhiệm vụ, giải pháp cho nhiệm kỳ mới.',
  task: 'Chuẩn bị báo cáo chính trị, báo cáo kiểm điểm của chi ủy và phương án nhân sự, hoàn thành trước ngày 15/3/2025.',
};

const session = appForFile();


const openTab = (name: string) => session.page.getByRole('tab', { name, exact: true }).click();
const exactLabel = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
const input = (label: string) => session.page.getByLabel(exactLabel(label)).and(session.page.locator('input, textarea'));

/** Fill every empty text area of the open tab (the template's blanks) with `text`. */
async function fillBlanks(text: string): Promise<number> {
  const areas = session.page.getByRole('tabpanel').locator('textarea:not([aria-hidden="true"])');
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
    await session.page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
    await session.page.getByRole('textbox', { name: 'Dòng cấp trên 1' }).fill('ĐẢNG BỘ XÃ TÂN LẬP');
    await session.page.getByLabel('Tên cơ quan ban hành').fill('CHI BỘ TRƯỜNG TIỂU HỌC');
    await session.page.getByLabel('Ký hiệu cơ quan').fill('CBTH');
    await session.page.getByLabel('Cấp', { exact: true }).selectOption({ label: 'Chi bộ (trực thuộc đảng ủy cơ sở, hoặc chi bộ cơ sở)' });
    await session.page.getByLabel('Địa danh').fill('Tân Lập');
    await session.page.getByLabel('Nhiệm kỳ').fill('2025-2030');
    await session.page.getByLabel('Tập thể hoặc người đứng đầu').fill('CHI BỘ');
    await session.page.getByLabel('Chức vụ người ký').fill('BÍ THƯ');
    await session.page.getByLabel('Họ và tên người ký').fill('Nguyễn Thị Hoa');
    await session.page.getByLabel('Dòng lưu ở nơi nhận').fill('Lưu Chi bộ');
    await session.page.getByRole('button', { name: 'Lưu hồ sơ cơ quan' }).click();
    await session.page.getByText('Đã lưu hồ sơ cơ quan ban hành.').waitFor();
  });

  it('picks "đại hội chi bộ" from the chi bộ group of the picker', async () => {
    await session.page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    await session.page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    const group = session.page.getByRole('group', { name: 'Chi bộ (trực thuộc đảng ủy cơ sở, hoặc chi bộ cơ sở)' });
    const name = 'Kế hoạch trống — Chi bộ: đại hội chi bộ';
    await group.getByRole('article', { name }).getByRole('button', { name: `Dùng mẫu này: ${name}` }).click();
    await session.page.getByRole('tab', { name: 'Thông tin chung' }).waitFor();
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
    await session.page.getByTestId('number-split').getByText(/Văn bản của Đảng ghi: Số 10-KH\/CBTH/).waitFor();
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
    const status = session.page.getByTestId('save-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
  });

  it('Nội dung: level 3 numbered "a.", a working team as a list of people, a timetable as a table; the preview draws the table', async () => {
    await openTab('Nội dung');
    await session.page.getByRole('combobox', { name: 'Cấp 3' }).selectOption('a.');
    await session.page.getByRole('button', { name: 'Thêm vào trong mục này — Đề mục cấp 2: Công tác tổ chức, phục vụ đại hội' }).click();
    await session.page.getByRole('menuitem', { name: 'Đề mục (in đậm, đánh số)' }).click();
    const team = session.page.getByRole('group', { name: 'Đề mục cấp 3', exact: true });
    await team.getByRole('textbox', { name: 'Tên đề mục' }).fill('Tổ giúp việc đại hội');
    await session.page.getByRole('button', { name: 'Thêm vào trong mục này — Đề mục cấp 3: Tổ giúp việc đại hội' }).click();
    await session.page.getByRole('menuitem', { name: 'Danh sách người' }).click();
    const person = (n: number, label: string) => session.page.getByRole('group', { name: `Người ${n}`, exact: true }).getByRole('textbox', { name: label, exact: true });
    const focused = (n: number, label: string) => person(n, label).evaluate((el) => el === document.activeElement);
    await expect.poll(() => focused(1, 'Họ và tên')).toBe(true);
    await session.page.keyboard.type('Nguyễn Văn An');
    await person(1, 'Chức vụ').fill('Bí thư Chi bộ');
    await person(1, 'Nhiệm vụ trong tổ').fill('Tổ trưởng');
    await person(1, 'Nhiệm vụ trong tổ').press('Enter');
    await expect.poll(() => focused(2, 'Họ và tên')).toBe(true);
    await session.page.keyboard.type('Lê Thị Bình');
    await person(2, 'Chức vụ').fill('Chi ủy viên');
    await person(2, 'Nhiệm vụ trong tổ').fill('Thành viên');

    await session.page.getByRole('button', { name: 'Thêm vào trong mục này — Đề mục cấp 1: TIẾN ĐỘ THỰC HIỆN' }).click();
    await session.page.getByRole('menuitem', { name: 'Bảng', exact: true }).click();
    const table = session.page.getByRole('group', { name: 'Các ô của bảng' });
    const cell = (part: string, row: number, n: number) => table.getByRole('textbox', { name: `Ô hàng ${part} ${row}, ô ${n}` });
    for (const [n, text] of ['TT', 'Nội dung công việc', 'Thời gian'].entries()) await cell('tiêu đề', 1, n + 1).fill(text);
    await table.getByRole('button', { name: 'Thêm hàng', exact: true }).click();
    const rows = [
      ['1', 'Dự thảo báo cáo chính trị', 'Trước 15/3/2025'],
      ['2', 'Chuẩn bị nhân sự chi ủy', 'Trước 20/3/2025'],
    ];
    for (const [r, row] of rows.entries()) for (const [n, text] of row.entries()) await cell('nội dung', r + 1, n + 1).fill(text);
    const status = session.page.getByTestId('save-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
    await expect.poll(() => session.page.getByRole('region', { name: 'Kiểm tra thể thức' }).locator('.kh-finding').count()).toBe(0);

    const preview = session.page.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    const drawn = preview.locator('.kh-page table.kh-grid').filter({ hasText: 'Nội dung công việc' });
    await expect.poll(() => drawn.locator('tr').count()).toBe(3);
    await expect.poll(() => drawn.locator('td').filter({ hasText: 'Chuẩn bị nhân sự chi ủy' }).count()).toBe(1);
    await expect.poll(async () => (await preview.locator('.kh-page').allTextContents()).join(' ')).toContain('a. Tổ giúp việc đại hội');
  });

  it('exports the .docx: "CHI BỘ TRƯỜNG TIỂU HỌC", "Số 10-KH/CBTH", "T/M CHI BỘ"; the checker finds 0 errors and 0 warnings', async () => {
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.getByRole('button', { name: 'Xuất .docx' }).click()]);
    const docx = join(await mkdtemp(join(tmpdir(), 'kh-e2e-chi-bo-')), 'chi-bo.docx');
    await download.saveAs(docx);
    const xml = strFromU8(unzipSync(await readFile(docx))['word/document.xml']!);
    // Each paragraph's text (a heading's number and title are runs of their own).
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gsu)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''));
    for (const text of [...PRINTED, 'Nguyễn Thị Hoa', 'Chi ủy xây dựng Kế hoạch']) expect(paragraphs.join('\n')).toContain(text);
    expect(xml.match(/<w:tbl>/gu)?.length).toBeGreaterThanOrEqual(3);
    const report = await checkRendered(docx, await convertToPdf(docx));
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
  }, 240_000);

  it('prints the preview to a PDF the checker passes 0/0, with "a." and the people on it', async () => {
    const id = /#\/plans\/([^/?]+)/u.exec(session.page.url())?.[1];
    expect(id).toBeTruthy();
    const pdf = await writeTemp('chi-bo-preview.pdf', await printStoredPlanPdf(session.app.harness.url, id!));
    const report = await runChecker(pdf);
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
    const text = await pdfText(pdf);
    for (const line of PRINTED) expect(text).toContain(line);
  }, 240_000);
});
