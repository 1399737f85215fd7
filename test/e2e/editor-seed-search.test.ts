/**
 * End to end: open seed 01 from the template picker, go back to the list and find it by typing
 * "dai hoi diem" (no accents) in the search box; open it from the list. Saves the screenshot plans-list.png (see SCREENSHOT_DIR).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appForFile, SCREENSHOT_DIR, templateFile } from './browser';

const IMAGES = SCREENSHOT_DIR;
const seed01 = templateFile('seed-01-huyen-uy-dai-hoi-diem');
const OTHER_TRICH_YEU = 'kiểm tra, giám sát việc thực hiện nghị quyết năm 2025';

const session = appForFile();
beforeAll(async () => {
  mkdirSync(IMAGES, { recursive: true });
}, 120_000);

const table = () => session.page.getByRole('table', { name: 'Danh sách kế hoạch' });
const rows = () => table().getByRole('row');

/** Plans that only fill the list (made through the API; the picker itself is exercised for seed 01). */
async function createInBackground(): Promise<void> {
  await session.page.evaluate(async (trichYeu) => {
    const invoke = window.kehoach.invoke;
    const templates = await invoke('template.list', {});
    if (!templates.ok) throw new Error(templates.error.message);
    for (const t of templates.data.filter((x) => x.id.startsWith('5eed0002') || x.name.includes('Đảng ủy xã'))) {
      const plan = await invoke('template.instantiate', { templateId: t.id });
      if (!plan.ok) throw new Error(plan.error.message);
      if (t.kind === 'blank') {
        const { status: _s, revision, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content } = plan.data;
        const saved = await invoke('plan.save', { ...content, trichYeu, baseRevision: revision });
        if (!saved.ok) throw new Error(saved.error.message);
      }
    }
  }, OTHER_TRICH_YEU);
}

describe('seed 01 from the template picker, found again by an accent-free search', () => {
  it('creates seed 01 through "Tạo kế hoạch" and opens it in the editor', async () => {
    await createInBackground();
    await session.page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    await session.page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    await session.page.getByRole('article', { name: seed01.name }).getByRole('button', { name: 'Dùng mẫu này' }).click();
    await session.page.getByRole('tab', { name: 'Thông tin chung' }).waitFor();
    await expect.poll(() => session.page.getByLabel('Trích yếu').inputValue()).toBe(seed01.content.trichYeu);
  });

  it('lists it under "dai hoi diem" and not the plan that does not match', async () => {
    await session.page.getByRole('link', { name: 'Về danh sách kế hoạch' }).click();
    await table().waitFor();
    // Three plans: seed 01, seed 02 and the blank Đảng ủy xã plan.
    await expect.poll(() => rows().count()).toBe(1 + 3);
    await table().getByRole('link', { name: OTHER_TRICH_YEU }).waitFor();
    await session.page.screenshot({ path: join(IMAGES, 'plans-list.png') });

    await session.page.getByRole('searchbox', { name: 'Tìm kế hoạch' }).fill('dai hoi diem');
    await table().getByRole('link', { name: OTHER_TRICH_YEU }).waitFor({ state: 'detached' });
    const row = rows().filter({ has: session.page.getByRole('link', { name: /^Tổ chức đại hội điểm/ }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('link').textContent()).toBe(seed01.content.trichYeu);
    await session.page.getByText('Tổng số: 2').waitFor();
  });

  it('opens it from the list', async () => {
    await table().getByRole('link', { name: /^Tổ chức đại hội điểm/ }).click();
    await session.page.getByRole('tab', { name: 'Thông tin chung' }).waitFor();
    await expect.poll(() => session.page.getByLabel('Trích yếu').inputValue()).toBe(seed01.content.trichYeu);
    expect(session.page.url()).toMatch(/#\/plans\/[0-9a-f-]{36}$/);
  });
});
