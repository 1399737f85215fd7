/**
 * End to end: from the blank Huyện ủy template, fill every tab of the editor through the UI,
 * export the .docx (the checker with LibreOffice rendering: 0 errors), print the preview to PDF (the checker:
 * 0 errors; the same words in the same order as the rendered .docx), reload and find everything persisted.
 * Saves the screenshots editor-preview.png and pilot-units.png on the way (see SCREENSHOT_DIR).
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { checkRendered, convertToPdf, failed, pdfText, runChecker } from '../docx/tools';
import { shingleCoverage, words } from '../docx/similarity';
import { appForFile, SCREENSHOT_DIR, saveIssuerProfile } from './browser';

const IMAGES = SCREENSHOT_DIR;

const TEXT = {
  trichYeu: 'tổ chức đại hội điểm chi bộ, đảng bộ cơ sở nhiệm kỳ 2025 - 2030',
  canCu1: 'Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
  canCu2: 'Kế hoạch số 294-KH/HU, ngày 19/7/2024 của Huyện ủy về thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị',
  lead: 'Ban Thường vụ Huyện ủy ban hành Kế hoạch tổ chức đại hội điểm như sau:',
  purpose: 'Rút kinh nghiệm về công tác chuẩn bị và tổ chức đại hội để các chi bộ, đảng bộ khác thực hiện tốt hơn.',
  requirement: 'Đại hội điểm phải được chuẩn bị chu đáo, đúng Điều lệ Đảng và hướng dẫn của cấp trên',
  runin: 'Mỗi loại hình tổ chức đảng chọn một đơn vị làm điểm, có tính đại diện về tổ chức và đội ngũ cán bộ.',
  heading: 'Đơn vị và thời gian làm điểm',
  paragraph: 'Ban Thường vụ Huyện ủy chọn các đơn vị sau đây để chỉ đạo đại hội điểm:',
  item: 'Thời gian tổ chức đại hội điểm hoàn thành trong quý I năm 2025',
  unit1: 'Chi bộ bản Nà Phát',
  unit2: 'Đảng bộ xã Bình Lư',
  attendees: 'Các đồng chí Ủy viên Ban Thường vụ Huyện ủy phụ trách cơ sở',
  task1: 'Lãnh đạo, chỉ đạo chung việc tổ chức đại hội điểm; phân công các đồng chí Ủy viên Ban Thường vụ dự và chỉ đạo đại hội',
  task2: 'Tổng hợp kết quả đại hội điểm, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 10/01/2025',
  otherTask: 'Hướng dẫn, kiểm tra các đơn vị chuẩn bị văn kiện, nhân sự đại hội theo chức năng, nhiệm vụ',
  recipient: 'Đảng ủy xã Bình Lư',
  signer: 'Tần Thị Quế',
  appendixTitle: 'DANH SÁCH ĐƠN VỊ LÀM ĐIỂM',
  /** Copied from Word: paragraphs on lines of their own, a tab after each number. */
  pasted: '1.\tChuẩn bị văn kiện đại hội điểm.\r\n2.\tChuẩn bị nhân sự cấp ủy khóa mới.\r\n\r\n3.\tTổ chức đại hội và báo cáo kết quả.\r\n',
  pastedLines: ['1. Chuẩn bị văn kiện đại hội điểm.', '2. Chuẩn bị nhân sự cấp ủy khóa mới.', '3. Tổ chức đại hội và báo cáo kết quả.'],
};

const session = appForFile();
let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'kh-e2e-fill-'));
  mkdirSync(IMAGES, { recursive: true });
}, 120_000);

const openTab = (name: string) => session.page.getByRole('tab', { name, exact: true }).click();
const group = (name: string, scope: Page | Locator = session.page) => scope.getByRole('group', { name, exact: true });
/** The text box labelled `label` (a field with suggestions also labels its list of suggestions). */
const input = (label: string, scope: Page | Locator = session.page) => scope.getByLabel(exactLabel(label)).and(scope.locator('input, textarea'));
/** A label matched whole, with or without the asterisk of a required field. */
const exactLabel = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
/** Text drawn on the preview's pages (not its hidden measuring layer). */
const inPreview = (text: string) => session.page.getByRole('region', { name: 'Bản xem trước kế hoạch' }).getByText(text, { exact: false }).filter({ visible: true }).first();
/** Open an "add block" menu and pick a kind. */
async function addBlock(menuButton: Locator, kind: string): Promise<void> {
  await menuButton.click();
  await session.page.getByRole('menuitem', { name: kind, exact: true }).click();
}
/** Pick an option of a Mantine Select by its label. */
async function choose(select: Locator, option: string): Promise<void> {
  await select.click();
  await session.page.getByRole('option', { name: option, exact: true }).click();
}
/** Wait until every edit is stored: the status reads "Đã lưu lúc …" and the backend holds `check`. */
async function waitSaved(check: (plan: StoredPlan) => boolean): Promise<void> {
  const status = session.page.getByTestId('save-status');
  await expect.poll(async () => (await status.getAttribute('data-status')) === 'saved' && check(await storedPlan()), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => status.textContent()).toMatch(/^Đã lưu lúc \d\d:\d\d$/);
}
interface StoredPlan {
  trichYeu: string;
  header: { number: string };
  signature: { signer: string };
  appendices: { tables: { rows: { cells: { paragraphs: string[] }[] }[] }[] }[];
}
const planId = () => /#\/plans\/([0-9a-f-]{36})/.exec(session.page.url())?.[1] ?? '';
async function storedPlan(): Promise<StoredPlan> {
  const res = await session.page.evaluate(async (id) => window.kehoach.invoke('plan.get', { id }), planId());
  if (!res.ok) throw new Error(res.error.message);
  return res.data as unknown as StoredPlan;
}

describe('filling a plan from the blank Huyện ủy template', () => {
  it('saves the issuer profile in Cài đặt', async () => {
    await saveIssuerProfile(session.page, TEXT.signer);
  });

  it('creates a plan from the blank Huyện ủy template', async () => {
    await session.page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    await session.page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    const card = session.page.getByRole('article', { name: 'Kế hoạch trống — Huyện ủy (Ban Thường vụ)' });
    await card.getByRole('button', { name: 'Dùng mẫu này' }).click();
    await session.page.getByRole('tab', { name: 'Thông tin chung' }).waitFor();
    expect(planId()).not.toBe('');
    // The issuer comes from the profile.
    await expect.poll(() => input('Tên cơ quan ban hành').inputValue()).toBe('HUYỆN ỦY TAM ĐƯỜNG');
  });

  it('Thông tin chung: number from the register, date, trích yếu', async () => {
    await openTab('Thông tin chung');
    await input('Địa danh').fill('Tam Đường');
    await input('Nhiệm kỳ (sổ văn bản đi)').fill('2025-2030');
    await input('Nhiệm kỳ (sổ văn bản đi)').press('Escape');
    await input('Ngày').fill('15');
    await input('Tháng').fill('12');
    await input('Năm').fill('2024');
    await input('Trích yếu').fill(TEXT.trichYeu);
    await session.page.getByRole('button', { name: 'Cấp số' }).click();
    await session.page.getByText('Đã cấp số 01-KH/HU').waitFor();
    await expect.poll(() => input('Số văn bản').inputValue()).toBe('01');
    await choose(input('Độ khẩn'), 'KHẨN');
    // The preview draws what was typed.
    await inPreview('Số 01-KH/HU').waitFor();
    await inPreview('Tam Đường, ngày 15 tháng 12 năm 2024').waitFor();
  });

  it('Căn cứ: two references and the lead sentence', async () => {
    await openTab('Căn cứ');
    await input('Căn cứ 1').fill(TEXT.canCu1);
    await session.page.getByRole('button', { name: 'Thêm căn cứ' }).click();
    await input('Căn cứ 2').fill(TEXT.canCu2);
    await input('Câu dẫn').fill(TEXT.lead);
  });

  it('Nội dung: a heading, a paragraph, an item and the pilot units block', async () => {
    await openTab('Nội dung');
    // The template's empty blocks first.
    await group('Đoạn văn').getByLabel('Nội dung', { exact: true }).fill(TEXT.purpose);
    await group('Gạch đầu dòng (-)').getByLabel('Nội dung', { exact: true }).fill(TEXT.requirement);
    await group('Đoạn đánh số cấp 2').getByLabel('Nội dung đoạn').fill(TEXT.runin);
    // A new heading inside NỘI DUNG, then a paragraph, an item and the pilot units block inside it.
    await addBlock(session.page.getByRole('button', { name: 'Thêm vào trong mục này — Đề mục cấp 1: NỘI DUNG', exact: true }), 'Đề mục (in đậm, đánh số)');
    await group('Đề mục cấp 2').getByLabel('Tên đề mục').fill(TEXT.heading);
    const inside = session.page.getByRole('button', { name: `Thêm vào trong mục này — Đề mục cấp 2: ${TEXT.heading}`, exact: true });
    await addBlock(inside, 'Đoạn văn');
    await group('Đoạn văn').getByLabel('Nội dung', { exact: true }).fill(TEXT.paragraph);
    await addBlock(inside, 'Gạch đầu dòng (-)');
    await group('Gạch đầu dòng (-)').getByLabel('Nội dung', { exact: true }).fill(TEXT.item);
    await addBlock(inside, 'Khối: danh sách đơn vị làm điểm');
    await group('Danh sách đơn vị làm điểm').getByText('Chưa có đơn vị làm điểm nào.').waitFor();
    await inPreview(TEXT.heading).waitFor();
  });

  it('Nội dung: text pasted from Word (line breaks, tabs) becomes separate paragraphs when she accepts the offer', async () => {
    await addBlock(session.page.getByRole('button', { name: `Thêm vào trong mục này — Đề mục cấp 2: ${TEXT.heading}`, exact: true }), 'Đoạn văn');
    // The block's name follows its text: hold it by its id.
    const blockId = await group('Đoạn văn').getAttribute('data-block-id');
    const box = session.page.locator(`[data-block-id="${blockId}"]`).getByLabel('Nội dung', { exact: true });
    await box.focus();
    await box.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, TEXT.pasted);
    // Kept as pasted until she chooses, the tabs already spaces.
    await expect.poll(() => box.inputValue()).toBe(TEXT.pasted.replace(/\r\n/g, '\n').replace(/\t/g, ' '));
    const offer = session.page.getByRole('group', { name: 'Tách văn bản vừa dán' });
    await offer.getByRole('button', { name: 'Tách thành 3 đoạn văn' }).click();
    await offer.waitFor({ state: 'detached' });
    for (const line of TEXT.pastedLines) await group(`Đoạn văn: ${line.slice(0, 40)}`).waitFor();
    // The preview draws three paragraphs of their own.
    const region = session.page.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    for (const line of TEXT.pastedLines) {
      await expect.poll(() => region.locator('.kh-page .kh-p').filter({ hasText: line }).count()).toBe(1);
    }
    await waitSaved(() => true);
  });

  it('Đơn vị làm điểm: two units, members + invited → the total is computed and shown', async () => {
    await group('Danh sách đơn vị làm điểm').getByRole('button', { name: 'Sửa đơn vị làm điểm' }).click();
    await session.page.getByText('Chưa có đơn vị làm điểm.', { exact: false }).waitFor();

    await session.page.getByRole('button', { name: 'Thêm đơn vị làm điểm' }).click();
    await group('Đơn vị 1 (chưa có tên)').getByLabel('Tên đơn vị').fill(TEXT.unit1);
    const u1 = group(TEXT.unit1);
    await choose(input('Loại', u1), 'Chi bộ trực thuộc đảng ủy cơ sở');
    await input('Nhiệm kỳ', u1).fill('2025 - 2027');
    await input('Nhiệm kỳ', u1).press('Escape');
    await input('Đại biểu dự đại hội gồm', u1).fill(TEXT.attendees);
    await input('Đảng viên (đồng chí)', u1).fill('35');
    await input('Đại biểu mời (đồng chí)', u1).fill('12');
    await u1.getByText('khoảng 47 đại biểu').waitFor();
    await input('Thời gian (ngày)', u1).fill('1');
    // The deadline through the date picker: month view → year → decade → 2025 → January → the 20th.
    await u1.getByRole('button', { name: 'Hoàn thành trước ngày' }).click();
    const calendar = session.page.getByRole('dialog');
    await calendar.getByRole('button', { name: /^tháng \d+ \d{4}$/ }).click();
    await calendar.getByRole('button', { name: /^\d{4}$/ }).click();
    await calendar.getByRole('button', { name: '2025', exact: true }).click();
    await calendar.getByRole('button', { name: 'Th01', exact: true }).click();
    await calendar.getByRole('button', { name: '20 tháng 1 2025', exact: true }).click();
    await expect.poll(() => u1.getByRole('button', { name: 'Hoàn thành trước ngày' }).textContent()).toBe('20/01/2025');

    await session.page.getByRole('button', { name: 'Thêm đơn vị làm điểm' }).click();
    await group('Đơn vị 2 (chưa có tên)').getByLabel('Tên đơn vị').fill(TEXT.unit2);
    const u2 = group(TEXT.unit2);
    await choose(input('Loại', u2), 'Đảng bộ cơ sở');
    await input('Nhiệm kỳ', u2).fill('2025 - 2030');
    await input('Nhiệm kỳ', u2).press('Escape');
    await input('Đại biểu dự đại hội gồm', u2).fill(TEXT.attendees);
    await input('Đảng viên (đồng chí)', u2).fill('120');
    await input('Đại biểu mời (đồng chí)', u2).fill('30');
    await u2.getByText('khoảng 150 đại biểu').waitFor();
    await input('Thời gian (ngày)', u2).fill('2');
    // Changing a count recomputes the total.
    await input('Đại biểu mời (đồng chí)', u2).fill('25');
    await u2.getByText('khoảng 145 đại biểu').waitFor();

    await inPreview(TEXT.unit2).waitFor();
    await input('Đảng viên (đồng chí)', u2).scrollIntoViewIfNeeded();
    await input('Đảng viên (đồng chí)', u2).blur();
    await session.page.getByRole('region', { name: 'Kiểm tra thể thức' }).getByLabel('Đang kiểm tra…').waitFor({ state: 'hidden' });
    await session.page.screenshot({ path: join(IMAGES, 'pilot-units.png') });
  });

  it('Phân công thực hiện: a body with two tasks; the due date is proposed from the text', async () => {
    await openTab('Phân công thực hiện');
    const btv = group('Ban Thường vụ Huyện ủy');
    await input('Nhiệm vụ 1', btv).fill(TEXT.task1);
    await btv.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await input('Nhiệm vụ 2', btv).fill(TEXT.task2);
    await btv.getByText('10/01/2025', { exact: true }).waitFor();
    await btv.getByText('(đề xuất từ nội dung)').waitFor();
    // The template's other bodies get a task each, so no empty dash line is printed.
    for (const body of ['Các ban xây dựng Đảng Huyện ủy', 'Văn phòng Huyện ủy', 'Các chi bộ, đảng bộ cơ sở']) {
      await group(body).getByLabel('Nhiệm vụ 1', { exact: true }).fill(TEXT.otherTask);
    }
  });

  it('Nơi nhận: a new recipient goes before the closing "Lưu" line', async () => {
    await openTab('Nơi nhận');
    await session.page.getByRole('button', { name: 'Thêm nơi nhận' }).click();
    await input('Nơi nhận 6').fill(TEXT.recipient);
    await input('Nơi nhận 6').press('Escape');
    await input('Ghi chú mục đích').nth(5).fill('(để thực hiện)');
    await input('Ghi chú mục đích').nth(5).press('Escape');
    await expect.poll(() => input('Nơi nhận 7').inputValue()).toBe('Lưu Văn phòng Huyện ủy');
    await expect.poll(() => input('Ghi chú mục đích').count()).toBe(7);
  });

  it('Người ký: the signer', async () => {
    await openTab('Người ký');
    await input('Họ và tên người ký').fill(TEXT.signer);
    await expect.poll(() => input('Tập thể / người đứng đầu').inputValue()).toBe('BAN THƯỜNG VỤ');
  });

  it('Phụ lục: an appendix with a small table', async () => {
    await openTab('Phụ lục');
    await session.page.getByRole('button', { name: 'Thêm phụ lục' }).click();
    await input('Tên phụ lục').fill(TEXT.appendixTitle);
    const cells: [string, string][] = [
      ['Ô hàng tiêu đề 1, ô 1', 'Đơn vị'],
      ['Ô hàng tiêu đề 1, ô 2', 'Số đại biểu'],
      ['Ô hàng nội dung 1, ô 1', TEXT.unit1],
      ['Ô hàng nội dung 1, ô 2', '47'],
    ];
    for (const [label, text] of cells) await session.page.getByLabel(label, { exact: true }).fill(text);
    await session.page.getByRole('button', { name: 'Thêm hàng', exact: true }).click();
    await input('Ô hàng nội dung 2, ô 1').fill(TEXT.unit2);
    await input('Ô hàng nội dung 2, ô 2').fill('145');
    await waitSaved((p) => p.signature.signer === TEXT.signer && p.appendices[0]?.tables[0]?.rows[1]?.cells[1]?.paragraphs[0] === '145');
    await openTab('Thông tin chung');
    await inPreview(TEXT.appendixTitle).waitFor();
    // plan.lint agrees with the checker that nothing is wrong.
    await session.page.getByRole('region', { name: 'Kiểm tra thể thức' }).getByText('Không phát hiện sai sót về thể thức.').waitFor();
    await session.page.screenshot({ path: join(IMAGES, 'editor-preview.png') });
  });

  let docxPath = '';
  let previewPdf = '';
  let docxPdf = '';
  it('exports the .docx through a download; the checker (rendered by LibreOffice) finds 0 errors', async () => {
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.getByRole('button', { name: 'Xuất .docx' }).click()]);
    docxPath = join(outDir, 'out.docx');
    await download.saveAs(docxPath);
    // The notice first: it closes by itself while LibreOffice converts.
    await session.page.getByText(/^Đã lưu tệp .*\.docx$/).waitFor();
    docxPdf = await convertToPdf(docxPath);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const report = await checkRendered(docxPath, docxPdf);
    expect(report.rules.length).toBeGreaterThan(20); // the OOXML rules and the rendered-layout rules ran
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
    expect(report.errors).toBe(0);
    // The pasted lines are paragraphs of their own, and no raw control character reached the file.
    const xml = strFromU8(unzipSync(await readFile(docxPath))['word/document.xml']!);
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    for (const line of TEXT.pastedLines) expect(paragraphs.filter((p) => p.endsWith(line.slice(3)))).toHaveLength(1);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\t(?![^<]*>)/);
  }, 120_000);

  it('prints the preview to PDF; the checker finds 0 errors and the words match the .docx', async () => {
    await session.page.evaluate(() => document.fonts.ready.then(() => undefined));
    previewPdf = join(outDir, 'preview.pdf');
    await writeFile(previewPdf, await session.page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const report = await runChecker(previewPdf);
    expect(report.rules.length).toBeGreaterThan(5); // the rendered-layout rules ran
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
    expect(report.errors).toBe(0);
    // Only the pages are printed, not the forms.
    const printed = await pdfText(previewPdf);
    expect(printed).not.toContain('Thông tin chung');
    const [wa, wb] = [words(printed), words(await pdfText(docxPdf))];
    expect(shingleCoverage(wa, wb)).toBeGreaterThanOrEqual(0.99);
  }, 120_000);

  it('after a reload, every tab still holds what was typed', async () => {
    await session.page.reload();
    await openTab('Thông tin chung');
    await expect.poll(() => input('Trích yếu').inputValue()).toBe(TEXT.trichYeu);
    expect(await input('Số văn bản').inputValue()).toBe('01');
    expect(await input('Ngày').inputValue()).toBe('15');
    expect(await input('Độ khẩn').inputValue()).toBe('KHẨN');
    await openTab('Căn cứ');
    await expect.poll(() => input('Căn cứ 2').inputValue()).toBe(TEXT.canCu2);
    await openTab('Nội dung');
    await expect.poll(() => group(`Đề mục cấp 2: ${TEXT.heading}`).getByLabel('Tên đề mục').inputValue()).toBe(TEXT.heading);
    await openTab('Đơn vị làm điểm');
    await group(TEXT.unit2).getByText('khoảng 145 đại biểu').waitFor();
    expect(await group(TEXT.unit1).getByRole('button', { name: 'Hoàn thành trước ngày' }).textContent()).toBe('20/01/2025');
    await openTab('Phân công thực hiện');
    await expect.poll(() => group('Ban Thường vụ Huyện ủy').getByLabel('Nhiệm vụ 2', { exact: true }).inputValue()).toBe(TEXT.task2);
    await openTab('Nơi nhận');
    await expect.poll(() => input('Nơi nhận 6').inputValue()).toBe(TEXT.recipient);
    await openTab('Người ký');
    await expect.poll(() => input('Họ và tên người ký').inputValue()).toBe(TEXT.signer);
    await openTab('Phụ lục');
    await expect.poll(() => input('Ô hàng nội dung 2, ô 1').inputValue()).toBe(TEXT.unit2);
  });
});
