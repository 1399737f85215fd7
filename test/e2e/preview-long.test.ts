/**
 * End to end in Chromium: the preview of a long plan (the synthetic 50-page plan) draws only the pages near the
 * view, keeps every page box (page count and scroll length), draws the pages scrolled to, and prints them all.
 */
import { synthetic50PagesPlan } from '../fixtures/synthetic-50-pages';
import { pdfPageCount, pdfText, writeTemp } from '../docx/tools';
import { appForFile, invokeIn } from './browser';

const SEED01 = '5eed0001-0000-4000-8000-000000000000';

const session = appForFile();

const invoke = <T>(channel: string, input: unknown): Promise<T> => invokeIn<T>(session.page, channel, input);

const pagesState = () =>
  session.page.evaluate(() => {
    const pages = [...document.querySelectorAll<HTMLElement>('.kh-editor-preview .kh-pages > .kh-page')];
    return { count: pages.length, drawn: pages.filter((p) => !p.hasAttribute('data-placeholder')).map((p) => Number(p.dataset.page)) };
  });

describe('the preview of a long plan', () => {
  it('draws the pages near the view and keeps every page box', async () => {
    const { id, revision } = await invoke<{ id: string; revision: number }>('template.instantiate', { templateId: SEED01 });
    await invoke('plan.save', { ...synthetic50PagesPlan(), id, baseRevision: revision });
    await session.page.goto(`${session.app.harness.url}#/plans/${id}`);
    await session.page.locator('.kh-pages [data-role="trich-yeu"]').first().waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await pagesState()).count, { timeout: 60_000 }).toBeGreaterThan(40);
    const { count, drawn } = await pagesState();
    expect(drawn).toContain(1);
    expect(drawn.length).toBeLessThan(12);
    // Every box has the size of an A4 page, drawn or not.
    const heights = await session.page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLElement>('.kh-editor-preview .kh-page')].map((p) => Math.round(p.getBoundingClientRect().height)))]);
    expect(heights).toHaveLength(1);
    expect(await session.page.getByTestId('preview-pages').textContent()).toContain(String(count));
  });

  it('draws the last pages when scrolled to the end', async () => {
    const { count } = await pagesState();
    await session.page.locator('.kh-preview-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(async () => (await pagesState()).drawn).toContain(count);
    const { drawn } = await pagesState();
    expect(drawn).not.toContain(1);
    expect(await session.page.locator(`.kh-editor-preview .kh-page[data-page="${count}"] .kh-frag`).count()).toBeGreaterThan(0);
  });

  it('prints every page drawn', async () => {
    const { count } = await pagesState();
    await session.page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await writeTemp('long-preview.pdf', await session.page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(await pdfPageCount(pdf)).toBe(count);
    const texts = (await pdfText(pdf)).split('\f').slice(0, count);
    expect(texts.flatMap((t, i) => (t.trim().length < 20 ? [i + 1] : []))).toEqual([]); // no blank page
    // While printing, the printed copy had every page drawn; the editor's pages are back afterwards.
    await expect.poll(async () => (await pagesState()).count).toBe(count);
  });
});
