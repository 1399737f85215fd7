/**
 * End to end at 1366×768, the commonest office laptop screen: the editor fits in Vietnamese and in English. The forms
 * column never scrolls sideways, the signing-authority choices are whole, the remove buttons of nested headings are
 * inside the column, and the preview can be collapsed (the choice is remembered). Saves one screenshot per language.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appForFile, saveIssuerProfile, SCREENSHOT_DIR, templateFile } from './browser';

const IMAGES = SCREENSHOT_DIR;
const seed01 = templateFile('seed-01-huyen-uy-dai-hoi-diem');
const WIDTH = 1366;
const HEIGHT = 768;

const session = appForFile();
beforeAll(async () => {
  mkdirSync(IMAGES, { recursive: true });
  await session.page.setViewportSize({ width: WIDTH, height: HEIGHT });
}, 120_000);

const texts = {
  vi: { hide: 'Ẩn bản xem trước', show: 'Hiện bản xem trước', remove: 'Xóa:' },
  en: { hide: 'Hide preview', show: 'Show preview', remove: 'Remove:' },
} as const;

/** The forms column's scrolling box: its content width against its visible width. */
const formsOverflow = () =>
  session.page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.kh-editor-panel .mantine-ScrollArea-viewport')!;
    const column = document.querySelector<HTMLElement>('.kh-editor-forms')!;
    return { scrollWidth: viewport.scrollWidth, clientWidth: viewport.clientWidth, column: column.getBoundingClientRect().width };
  });

/** The options of the signing-authority control: whole (not clipped by the control, not ellipsised). */
const authorityOptions = () =>
  session.page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-path="signature.authority"]')!;
    const box = root.getBoundingClientRect();
    return [...root.querySelectorAll<HTMLElement>('.mantine-SegmentedControl-label')].map((label) => {
      const r = label.getBoundingClientRect();
      return {
        text: label.textContent,
        inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5,
        whole: label.scrollWidth <= label.clientWidth + 0.5,
        visible: r.width > 0 && r.height > 0,
      };
    });
  });

async function everyTabFits(): Promise<void> {
  const tabs = session.page.getByRole('tablist').first().getByRole('tab');
  const count = await tabs.count();
  expect(count).toBe(8);
  for (let i = 0; i < count; i += 1) {
    await tabs.nth(i).click();
    await session.page.waitForTimeout(150);
    const m = await formsOverflow();
    expect(m.scrollWidth, `tab ${await tabs.nth(i).textContent()}`).toBeLessThanOrEqual(m.clientWidth);
  }
}

describe('seed 01 in the editor', () => {
  it('opens from the template picker', async () => {
    await saveIssuerProfile(session.page);
    await session.page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    await session.page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    await session.page.getByRole('article', { name: seed01.name }).getByRole('button', { name: 'Dùng mẫu này' }).click();
    await session.page.getByRole('tab', { name: 'Thông tin chung' }).waitFor();
    await expect.poll(() => session.page.getByLabel('Trích yếu').inputValue(), { timeout: 10_000 }).toBe(seed01.content.trichYeu);
  });
});

describe.each(['vi', 'en'] as const)('the editor at 1366×768 (%s)', (language) => {
  const tab = (n: number) => session.page.getByRole('tablist').first().getByRole('tab').nth(n);

  it('switches the language', async () => {
    await session.page.getByText(language.toUpperCase(), { exact: true }).click();
    await session.page.getByRole('button', { name: texts[language].hide }).waitFor();
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe(language);
  });

  it('no tab of the forms column scrolls sideways, preview shown or collapsed', async () => {
    await everyTabFits();
    await session.page.getByRole('button', { name: texts[language].hide }).click();
    await session.page.getByRole('button', { name: texts[language].show }).waitFor();
    expect((await formsOverflow()).column).toBeGreaterThan(1000);
    await everyTabFits();
    await session.page.getByRole('button', { name: texts[language].show }).click();
    await session.page.getByRole('button', { name: texts[language].hide }).waitFor();
    expect((await formsOverflow()).column).toBeLessThan(700);
  });

  it('shows the four signing-authority choices whole', async () => {
    await tab(6).click();
    const options = await authorityOptions();
    expect(options).toHaveLength(4);
    for (const option of options) expect(option, option.text ?? '').toMatchObject({ inside: true, whole: true, visible: true });
    // And the page itself does not scroll sideways.
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  });

  it('keeps the remove buttons of nested blocks inside the forms column', async () => {
    await tab(2).click();
    const column = (await session.page.locator('.kh-editor-forms').boundingBox())!;
    const removes = session.page.locator('.kh-block').getByRole('button', { name: texts[language].remove });
    expect(await removes.count()).toBeGreaterThan(3);
    for (const i of [0, 1, 2]) {
      const box = (await removes.nth(i).boundingBox())!;
      expect(box.x + box.width, `remove button ${i}`).toBeLessThanOrEqual(column.x + column.width);
    }
    await session.page.screenshot({ path: join(IMAGES, `editor-1366-${language}.png`) });
  });
});

describe('the collapsed preview', () => {
  it('stays collapsed after a reload', async () => {
    await session.page.getByRole('button', { name: texts.en.hide }).click();
    await session.page.reload();
    await session.page.getByRole('button', { name: texts.en.show }).waitFor();
    expect((await formsOverflow()).column).toBeGreaterThan(1000);
    await session.page.getByRole('button', { name: texts.en.show }).click();
    await session.page.getByText('VI', { exact: true }).click();
  });
});
