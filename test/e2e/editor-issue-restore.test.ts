/**
 * End to end: issue a plan (read-only afterwards), reopen it for editing after a confirmation,
 * change the trích yếu (autosaved), then in Lịch sử see that edit as one session line with what it changed, open
 * the revision marked "Bản ban hành" in the preview and restore it: the issued text is back and the plan is issued
 * again.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appForFile, SCREENSHOT_DIR, templateFile } from './browser';

const seed01 = templateFile('seed-01-huyen-uy-dai-hoi-diem');
const EDITED = 'tổ chức đại hội điểm (bản sửa sau khi ban hành)';

const session = appForFile();

const trichYeu = () => session.page.getByLabel('Trích yếu');
const toolbar = () => session.page.getByRole('toolbar', { name: 'Thao tác với kế hoạch' });
const statusBadge = (name: string) => session.page.getByRole('main').getByText(name, { exact: true }).first();
const planId = () => /#\/plans\/([0-9a-f-]{36})/.exec(session.page.url())?.[1] ?? '';
async function stored(): Promise<{ status: string; trichYeu: string }> {
  const res = await session.page.evaluate(async (id) => window.kehoach.invoke('plan.get', { id }), planId());
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

describe('issue a plan, edit it, restore the issued revision', () => {
  it('issues seed 01 after a confirmation; the forms become read-only', async () => {
    await session.page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    await session.page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    await session.page.getByRole('article', { name: seed01.name }).getByRole('button', { name: 'Dùng mẫu này' }).click();
    await expect.poll(() => trichYeu().inputValue()).toBe(seed01.content.trichYeu);

    // A number is needed before issuing: take one from the register when the plan has none.
    if ((await session.page.getByLabel('Số văn bản').inputValue()) === '') {
      await session.page.getByRole('button', { name: 'Cấp số' }).click();
      await expect.poll(() => session.page.getByLabel('Số văn bản').inputValue()).not.toBe('');
    }
    await toolbar().getByRole('button', { name: 'Ban hành' }).click();
    const confirm = session.page.getByRole('dialog', { name: 'Ban hành kế hoạch?' });
    await confirm.getByRole('button', { name: 'Ban hành' }).click();
    await session.page.getByText('Đã ban hành kế hoạch.').waitFor();

    await statusBadge('Đã ban hành').waitFor();
    await session.page.getByText('Kế hoạch đã ban hành', { exact: true }).waitFor();
    expect(await trichYeu().isEditable()).toBe(false);
    expect(await toolbar().getByRole('button', { name: 'Ban hành' }).count()).toBe(0);
    await session.page.getByRole('tab', { name: 'Căn cứ' }).click();
    expect(await session.page.getByRole('button', { name: 'Thêm căn cứ' }).count()).toBe(0);
    await session.page.getByRole('tab', { name: 'Thông tin chung' }).click();
    expect((await stored()).status).toBe('issued');
  });

  it('"Sửa kế hoạch" asks first, reopens the plan, and the edit is autosaved', async () => {
    await session.page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    const confirm = session.page.getByRole('dialog', { name: 'Sửa kế hoạch đã ban hành?' });
    // Cancelling keeps it read-only.
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await trichYeu().isEditable()).toBe(false);

    await session.page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    await confirm.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    await statusBadge('Dự thảo').waitFor();
    await expect.poll(() => trichYeu().isEditable()).toBe(true);

    await trichYeu().fill(EDITED);
    await expect.poll(async () => (await stored()).trichYeu).toBe(EDITED);
    await expect.poll(() => session.page.getByTestId('save-status').textContent()).toMatch(/^Đã lưu lúc /);
    expect((await stored()).status).toBe('draft');
  });

  it('restoring the revision marked "Bản ban hành" brings the issued text back, issued again', async () => {
    await toolbar().getByRole('button', { name: 'Lịch sử' }).click();
    const drawer = session.page.getByRole('dialog', { name: 'Lịch sử phiên bản' });
    const issued = drawer.getByRole('button', { name: /^Xem phiên bản \d+$/ }).filter({ hasText: 'Bản ban hành' });
    await expect.poll(() => issued.count()).toBe(1);
    const revision = /\d+$/.exec((await issued.getAttribute('aria-label')) ?? '')?.[0];
    expect(revision).toBeDefined();

    // The edit after reopening is one editing session line, with the version it made and what it changed.
    const editing = drawer.getByTestId('history-session').first();
    await expect.poll(() => editing.locator('p').first().textContent()).toMatch(/^Sửa lúc \d\d:\d\d(–\d\d:\d\d)?, \d+ lần lưu$/);
    await editing.click();
    const latest = drawer.getByRole('region', { name: /^Phiên bản \d+: xem trước và thay đổi$/ });
    await latest.getByRole('tab', { name: 'Thay đổi' }).click();
    await expect.poll(() => latest.getByRole('list', { name: 'Đã sửa:' }).getByRole('listitem').allTextContents()).toEqual(['Thông tin chung: Trích yếu']);
    expect((await latest.getByRole('group', { name: 'Sau' }).locator('ins').allTextContents()).join('')).toContain('(bản sửa sau khi ban hành)');

    // The issued version opens in the A4 preview, read-only, before anything is restored; the panel is full height.
    await issued.click();
    const shown = drawer.getByRole('region', { name: `Phiên bản ${revision}: xem trước và thay đổi` });
    const preview = shown.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await expect.poll(() => preview.locator('.kh-page').count()).toBeGreaterThan(0);
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain(seed01.content.trichYeu.slice(0, 40));
    expect(await preview.locator('input, textarea').count()).toBe(0);
    const viewport = session.page.viewportSize()!;
    const box = (await shown.boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(viewport.height * 0.9);
    expect(box.height).toBeGreaterThan(viewport.height * 0.7);
    expect(await trichYeu().inputValue()).toBe(EDITED);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'history.png') });

    await shown.getByRole('button', { name: 'Khôi phục bản này' }).click();
    await session.page.getByRole('dialog', { name: 'Khôi phục phiên bản cũ?' }).getByRole('button', { name: 'Khôi phục' }).click();
    await session.page.getByText(/^Đã khôi phục; bản hiện tại là phiên bản \d+\.$/).waitFor();

    await expect.poll(() => trichYeu().inputValue()).toBe(seed01.content.trichYeu);
    await statusBadge('Đã ban hành').waitFor();
    expect(await trichYeu().isEditable()).toBe(false);
    const plan = await stored();
    expect(plan.status).toBe('issued');
    expect(plan.trichYeu).toBe(seed01.content.trichYeu);

    // After a reload it is still the issued text, read-only.
    await session.page.reload();
    await expect.poll(() => trichYeu().inputValue()).toBe(seed01.content.trichYeu);
    await statusBadge('Đã ban hành').waitFor();
    expect(await trichYeu().isEditable()).toBe(false);
  });
});
