/**
 * Back up to a file and bring everything back, in a real browser through the web harness: make plans, "Sao lưu ngay",
 * "Sao lưu ra USB" with a passphrase (a download), delete the whole data folder, "Khôi phục từ tệp…" (an upload),
 * see what the file holds, confirm: the window reloads and every plan and register number is back.
 * Saves backup-page.png and backup-restore.png (see SCREENSHOT_DIR).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { invokeIn, openApp, SCREENSHOT_DIR, type AppSession } from './browser';

const out = mkdtempSync(join(tmpdir(), 'kh-e2e-backup-'));
let app: AppSession | undefined;
afterAll(async () => {
  await app?.close();
  rmSync(out, { recursive: true, force: true });
});

const invoke = invokeIn;

const TEMPLATES = ['seed-01-huyen-uy-dai-hoi-diem', 'seed-02-tinh-uy-thuc-hien-chi-thi-35'].map(
  (file) => (JSON.parse(readFileSync(`resources/templates/${file}.json`, 'utf8')) as { id: string }).id,
);

describe('backup to a file and restore', () => {
  it('brings every plan and register number back after the data folder is deleted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-e2e-backup-data-'));
    app = await openApp(dataDir);
    let page = app.page;
    const titles: string[] = [];
    for (const id of TEMPLATES) {
      const plan = await invoke<{ id: string; trichYeu: string }>(page, 'template.instantiate', { templateId: id });
      titles.push(plan.trichYeu);
      await invoke(page, 'plan.allocateNumber', { id: plan.id });
    }

    await page.goto(`${app.harness.url}#/settings?tab=backup`);
    const panel = page.getByTestId('backup-panel');
    await panel.getByText('Chưa có bản sao lưu nào trên máy này.').waitFor();
    await panel.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await panel.getByTestId('last-backup').filter({ hasText: /^Sao lưu gần nhất: hôm nay \d{2}:\d{2}$/ }).waitFor();
    await panel.getByTestId('backup-list').getByRole('cell', { name: 'Sao lưu ngay' }).waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backup-page.png') });

    await panel.getByRole('button', { name: 'Sao lưu ra USB' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sao lưu ra USB' });
    await dialog.getByLabel('Đặt mật khẩu cho tệp').check();
    await dialog.getByText(/không phải mã hóa cơ yếu/).waitFor();
    await dialog.getByLabel('Mật khẩu', { exact: true }).fill('mật khẩu của văn phòng');
    await dialog.getByLabel('Nhập lại mật khẩu').fill('mật khẩu của văn phòng');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Chọn nơi lưu…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kehoach-sao-luu-\d{4}-\d{2}-\d{2}-\d{4}\.khbak$/);
    const file = join(out, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(`Đã lưu tệp sao lưu ${download.suggestedFilename()}.`).waitFor();

    // The disk dies: the whole data folder is gone.
    await app.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
    app = await openApp(dataDir);
    page = app.page;
    expect((await invoke<{ total: number }>(page, 'plan.list', { query: '' })).total).toBe(0);

    await page.goto(`${app.harness.url}#/settings?tab=backup`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click();
    await (await chooser).setFiles(file);
    const ask = page.getByRole('dialog', { name: 'Tệp sao lưu có mật khẩu' });
    await ask.getByLabel('Mật khẩu').fill('mật khẩu sai lầm');
    await ask.getByRole('button', { name: 'Mở tệp' }).click();
    await page.getByText(/mật khẩu không đúng/).first().waitFor();
    await ask.getByLabel('Mật khẩu').fill('mật khẩu của văn phòng');
    await ask.getByRole('button', { name: 'Mở tệp' }).click();
    const preview = page.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu' });
    await preview.getByText(/^2 kế hoạch, \d+ phiên bản, 2 số văn bản đi, \d+ nhiệm vụ, \d+ đơn vị$/).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backup-restore.png') });
    await preview.getByRole('button', { name: 'Khôi phục' }).click();

    // The window reloads on the plans list, with everything back.
    await page.waitForURL(/#\/plans$/, { timeout: 30_000 });
    for (const title of titles) await page.getByText(title).first().waitFor({ timeout: 30_000 });
    expect((await invoke<{ total: number }>(page, 'plan.list', { query: '' })).total).toBe(2);
    expect((await invoke<{ entries: unknown[] }>(page, 'register.list', {})).entries).toHaveLength(2);
    const backups = await invoke<{ items: { kind: string }[] }>(page, 'backup.list', {});
    expect(backups.items.map((b) => b.kind)).toContain('before-restore');
  }, 240_000);
  it('a damaged database at start: the window explains it and offers the newest good backup, which brings the plan back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-e2e-damaged-data-'));
    app = await openApp(dataDir);
    const plan = await invoke<{ trichYeu: string }>(app.page, 'template.instantiate', { templateId: TEMPLATES[0] });
    await invoke(app.page, 'backup.create', {});
    await app.close();
    app = undefined;
    // A failing disk: everything after the first pages of the file is garbage.
    const dbPath = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(dbPath);
    bytes.fill(0x5a, 4096 * 2, bytes.length);
    writeFileSync(dbPath, bytes);

    app = await openApp(dataDir);
    const page = app.page;
    const notice = page.getByRole('dialog', { name: 'Tệp dữ liệu bị hỏng' });
    await notice.getByText(/bị hỏng/).first().waitFor();
    await notice.getByRole('button', { name: 'Khôi phục' }).click();
    await page.waitForURL(/#\/plans$/, { timeout: 30_000 });
    await page.getByText(plan.trichYeu).first().waitFor({ timeout: 30_000 });
    expect((await invoke<{ total: number }>(page, 'plan.list', { query: '' })).total).toBe(1);
    await page.getByRole('dialog', { name: 'Tệp dữ liệu bị hỏng' }).waitFor({ state: 'detached' });
  }, 240_000);
});
