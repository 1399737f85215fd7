/**
 * End to end in Chromium: issue seed 01 in the editor, see its tasks on Tổng quan and on Nhiệm vụ, report progress
 * with an evidence file (and open it again), complete an overdue task today and see "Hoàn thành quá hạn"; then reopen
 * the plan, remove a task that has a report, issue it again and see that task "Hủy (bỏ khỏi kế hoạch)" with its
 * report kept. Seed 01's tasks fall due with its pilot schedule (2025), long past on the machine's day, so all but the
 * three "Thường xuyên …" ones are overdue.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskListOutput } from '../../shared/api';
import { invokeIn, appForFile, SCREENSHOT_DIR, templateFile } from './browser';

const seed01 = templateFile('seed-01-huyen-uy-dai-hoi-diem');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

const session = appForFile();
beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 120_000);

const nav = (name: string) => session.page.getByRole('navigation').getByRole('link', { name, exact: true });
const grid = () => session.page.getByRole('grid', { name: 'Danh sách nhiệm vụ' });
const dataRows = () => grid().locator('[role="row"]:not([aria-rowindex="1"])');

describe('tasks of an issued plan, from the dashboard to a late completion', () => {
  it('issues seed 01; Tổng quan counts its tasks and draws them on the timeline', async () => {
    await session.page.getByRole('heading', { name: 'Tổng quan', level: 2 }).waitFor();
    await session.page.getByText('Chưa có nhiệm vụ nào được theo dõi').waitFor();
    await nav('Kế hoạch').click();
    await session.page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    await session.page.getByRole('article', { name: seed01.name }).getByRole('button', { name: 'Dùng mẫu này' }).click();
    await expect.poll(() => session.page.getByLabel('Trích yếu').inputValue()).toBe(seed01.content.trichYeu);
    if ((await session.page.getByLabel('Số văn bản').inputValue()) === '') {
      await session.page.getByRole('button', { name: 'Cấp số' }).click();
      await expect.poll(() => session.page.getByLabel('Số văn bản').inputValue()).not.toBe('');
    }
    await session.page.getByRole('toolbar', { name: 'Thao tác với kế hoạch' }).getByRole('button', { name: 'Ban hành' }).click();
    // The question says which tasks issuing creates, before anything is stored.
    const question = session.page.getByRole('dialog', { name: 'Ban hành kế hoạch?' });
    await question.getByText('Theo dõi nhiệm vụ khi ban hành: tạo mới 22, cập nhật 0, đóng 0 (bỏ khỏi kế hoạch).').waitFor();
    expect(await question.getByRole('list', { name: 'Nhiệm vụ sẽ được theo dõi' }).getByRole('listitem').count()).toBe(22);
    await question.getByRole('button', { name: 'Ban hành' }).click();
    await session.page.getByText('Đã ban hành kế hoạch.').waitFor();

    await nav('Tổng quan').click();
    const byStatus = session.page.getByRole('list', { name: 'Theo trạng thái' });
    await byStatus.getByRole('listitem', { name: 'Quá hạn: 19' }).waitFor();
    await byStatus.getByRole('listitem', { name: 'Thường xuyên: 3' }).waitFor();
    await byStatus.getByRole('listitem', { name: 'Chưa thực hiện: 0' }).waitFor();
    await session.page.getByRole('list', { name: 'Quá hạn theo đơn vị' }).getByRole('listitem').first().waitFor();
    const timeline = session.page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('[data-status="overdue"]').count()).toBe(19);
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'overview.png'), fullPage: true });
  });

  it('the app says at open what is overdue; Nhiệm vụ lists the 22 tasks, the overdue ones first and standing out', async () => {
    await session.page.reload();
    const notice = session.page.getByTestId('start-notice');
    await notice.getByText('19 nhiệm vụ quá hạn').waitFor();
    await notice.getByText('19 nhiệm vụ quá hạn').click();
    await expect.poll(() => session.page.url()).toContain('#/tasks?status=overdue');
    await expect.poll(() => session.page.getByText(/^Tổng số: 19 nhiệm vụ/).count()).toBe(1);
    await session.page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await expect.poll(() => dataRows().count()).toBe(22);
    await session.page.getByText(/^Tổng số: 22 nhiệm vụ/).waitFor();
    const first = dataRows().first();
    expect(await first.getAttribute('data-overdue')).toBe('true');
    expect(await first.textContent()).toContain('Quá hạn');
    // Overdue rows are tinted: not the background of an ordinary row (the ongoing ones, without a due day, come last).
    const tint = (n: number) => dataRows().nth(n).evaluate((el) => getComputedStyle(el).backgroundColor);
    await dataRows().last().scrollIntoViewIfNeeded();
    expect(await dataRows().last().textContent()).toContain('Thường xuyên');
    expect(await dataRows().last().getAttribute('data-overdue')).toBeNull();
    const ordinary = await dataRows().last().evaluate((el) => getComputedStyle(el).backgroundColor);
    await dataRows().first().scrollIntoViewIfNeeded();
    expect(await tint(0)).not.toBe(ordinary);
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'tasks.png') });
  });

  it('reports progress with an evidence file, opens it again, and completes the task late', async () => {
    await grid().focus();
    await session.page.keyboard.press('Enter');
    const drawer = session.page.getByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    await drawer.getByTestId('task-drawer').waitFor();
    await drawer.getByRole('link', { name: /^Số \d+-KH\/HU — / }).waitFor();

    const report = drawer.getByRole('form', { name: 'Báo cáo tiến độ' });
    await report.getByLabel(/Kết quả thực hiện/).fill('Đã tổ chức đại hội điểm; gửi biên bản kèm theo.');
    await report.getByLabel('Tỷ lệ hoàn thành').fill('100');
    const chooser = session.page.waitForEvent('filechooser');
    await report.getByRole('button', { name: 'Đính kèm minh chứng…' }).click();
    await (await chooser).setFiles({ name: 'bien-ban-dai-hoi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await report.getByText('bien-ban-dai-hoi.pdf').waitFor();
    await report.getByRole('button', { name: 'Lưu báo cáo' }).click();
    const history = drawer.getByRole('list', { name: 'Các lần báo cáo' });
    await history.getByText('Đã tổ chức đại hội điểm; gửi biên bản kèm theo.').waitFor();
    expect(await history.textContent()).toContain('100%');

    // The evidence opens again (in the browser: a download of the same bytes).
    const download = session.page.waitForEvent('download');
    await history.getByRole('button', { name: 'Mở tệp bien-ban-dai-hoi.pdf' }).click();
    const saved = await (await download).path();
    expect((await import('node:fs')).readFileSync(saved).equals(PDF)).toBe(true);

    // Completed today, long after its deadline.
    const state = drawer.getByRole('form', { name: 'Cập nhật trạng thái' });
    await state.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    await drawer.getByText('Hoàn thành quá hạn').first().waitFor();
    await session.page.keyboard.press('Escape');
    await expect.poll(async () => (await dataRows().first().textContent()) ?? '').toContain('Hoàn thành quá hạn');
    expect(await dataRows().first().getAttribute('data-overdue')).toBeNull();
  });

  it('reopened and issued again without a task that has a report, the plan closes it as "Hủy (bỏ khỏi kế hoạch)", report kept', async () => {
    const found = await invokeIn<TaskListOutput>(session.page, 'task.list', { search: 'Chỉ đạo xây dựng dự toán kinh phí', limit: 10 });
    const target = found.items.find((t) => t.body === 'Đảng bộ xã Bình Lư')!;
    expect(target.removedFromPlan).toBe(false);
    await session.page.goto(`${session.app.harness.url}#/tasks?task=${target.id}`);
    const drawer = session.page.getByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    const report = drawer.getByRole('form', { name: 'Báo cáo tiến độ' });
    await report.getByLabel(/Kết quả thực hiện/).fill('Đã lập dự toán kinh phí đại hội, trình Đảng ủy xã.');
    await report.getByRole('button', { name: 'Lưu báo cáo' }).click();
    const history = drawer.getByRole('list', { name: 'Các lần báo cáo' });
    await history.getByText('Đã lập dự toán kinh phí đại hội, trình Đảng ủy xã.').waitFor();

    // To the plan from the task's context; reopen it, remove the task, issue it again.
    await drawer.getByRole('link', { name: /^Số \d+-KH\/HU — / }).click();
    await session.page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    await session.page.getByRole('dialog', { name: 'Sửa kế hoạch đã ban hành?' }).getByRole('button', { name: 'Sửa kế hoạch' }).click();
    await session.page.getByRole('main').getByText('Dự thảo', { exact: true }).first().waitFor();
    await session.page.getByRole('tab', { name: 'Phân công thực hiện' }).click();
    const taskEditor = session.page.locator(`[data-task-id="${target.sourceId}"]`);
    await taskEditor.getByRole('button', { name: /^Xóa: / }).click();
    await taskEditor.waitFor({ state: 'detached' });
    await expect.poll(() => session.page.getByTestId('save-status').textContent()).toMatch(/^Đã lưu lúc /);
    await session.page.getByRole('toolbar', { name: 'Thao tác với kế hoạch' }).getByRole('button', { name: 'Ban hành' }).click();
    const question = session.page.getByRole('dialog', { name: 'Ban hành kế hoạch?' });
    await question.getByText('Theo dõi nhiệm vụ khi ban hành: tạo mới 0, cập nhật 0, đóng 1 (bỏ khỏi kế hoạch).').waitFor();
    const closing = question.getByRole('list', { name: 'Nhiệm vụ sẽ được theo dõi' }).getByRole('listitem');
    expect(await closing.count()).toBe(1);
    expect(await closing.first().textContent()).toContain('Đóng');
    await question.getByRole('button', { name: 'Ban hành' }).click();
    await session.page.getByText('Đã ban hành kế hoạch.').waitFor();

    // On Nhiệm vụ the task is still listed, closed, with its report.
    await nav('Nhiệm vụ').click();
    await session.page.getByLabel('Tìm nhiệm vụ').fill('truc tiep chi dao du toan');
    await expect.poll(() => dataRows().count()).toBe(1);
    await expect.poll(async () => (await dataRows().first().textContent()) ?? '').toContain('Hủy (bỏ khỏi kế hoạch)');
    await grid().focus();
    await session.page.keyboard.press('Enter');
    await drawer.getByTestId('task-drawer').waitFor();
    await drawer.getByText('Hủy (bỏ khỏi kế hoạch)').first().waitFor();
    await history.getByText('Đã lập dự toán kinh phí đại hội, trình Đảng ủy xã.').waitFor();
    // Nothing else changed: still 22 tasks, none of the others closed.
    const all = await invokeIn<TaskListOutput>(session.page, 'task.list', { limit: 100 });
    expect(all.total).toBe(22);
    expect(all.items.filter((t) => t.removedFromPlan).map((t) => t.id)).toEqual([target.id]);
  });
});
