/**
 * End to end in Chromium: the editor opens with the caret in the first field of its tab, a tab opens at its top,
 * the focus colour is not the error colour, and an issued plan's fields look read-only (not like empty inputs).
 */
import { appForFile, templateFile, invokeIn } from './browser';

const seed01 = templateFile('seed-01-huyen-uy-dai-hoi-diem') as ReturnType<typeof templateFile> & { id: string };

const session = appForFile();

const invoke = <T>(channel: string, input: unknown): Promise<T> => invokeIn<T>(session.page, channel, input);

async function openPlan(id: string): Promise<void> {
  await session.page.goto(`${session.app.harness.url}#/plans/${id}`);
  await session.page.getByRole('tab', { name: 'Thông tin chung' }).waitFor();
  await expect.poll(() => session.page.getByLabel('Trích yếu').inputValue()).toBe(seed01.content.trichYeu);
}

/** The computed colour of a CSS colour expression (e.g. a Mantine variable), as Chromium writes it. */
const colourOf = (expression: string) =>
  session.page.evaluate((e) => {
    const probe = document.createElement('div');
    probe.style.color = e;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  }, expression);

const focused = () =>
  session.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const s = getComputedStyle(el);
    return {
      tag: el.tagName,
      inPanel: !!el.closest('[role="tabpanel"]'),
      label: el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '',
      outlineColor: s.outlineColor,
      outlineStyle: s.outlineStyle,
      borderColor: s.borderTopColor,
    };
  });

describe('the editor and the keyboard', () => {
  let draftId = '';

  it('opens with the caret in the first field of Thông tin chung', async () => {
    draftId = (await invoke<{ id: string }>('template.instantiate', { templateId: seed01.id })).id;
    await openPlan(draftId);
    await expect.poll(async () => (await focused())?.inPanel).toBe(true);
    const f = await focused();
    expect(['INPUT', 'TEXTAREA']).toContain(f?.tag);
    expect(await session.page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('header.issuer.higherLines.0');
    // From there the form is walked in order: Trích yếu follows the header's fields, not the page's chrome.
    let presses = 0;
    while (presses < 20 && (await session.page.evaluate(() => document.activeElement?.getAttribute('data-path'))) !== 'trichYeu') {
      await session.page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await session.page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('trichYeu');
  });

  it('a tab opens at its top', async () => {
    const viewport = session.page.locator('.kh-editor-panel .mantine-ScrollArea-viewport');
    await session.page.getByRole('tab', { name: 'Nội dung' }).click();
    await session.page.locator('[data-block-id]').first().waitFor();
    await viewport.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => viewport.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
    await session.page.getByRole('tab', { name: 'Phân công' }).click();
    await session.page.locator('[data-path^="body."]').first().waitFor();
    // The new tab is long enough to have kept the old position.
    expect(await viewport.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(300);
    expect(await viewport.evaluate((el) => el.scrollTop)).toBe(0);
  });

  it('the focus colour is not the error colour', async () => {
    const error = await colourOf('var(--mantine-color-error)');
    await session.page.getByRole('tab', { name: 'Thông tin chung' }).click();
    await session.page.getByLabel('Trích yếu').click();
    await session.page.waitForTimeout(300); // the border colour's transition
    const input = await focused();
    expect(input?.borderColor).not.toBe(error);
    // A button reached by the keyboard shows its ring.
    let button = await focused();
    for (let i = 0; i < 30 && button?.tag !== 'BUTTON'; i++) {
      await session.page.keyboard.press('Tab');
      button = await focused();
    }
    expect(button?.tag).toBe('BUTTON');
    expect(button?.outlineStyle).not.toBe('none');
    expect(button?.outlineColor).not.toBe(error);
    expect(button?.outlineColor).toBe(input?.borderColor);
  });

  it("an issued plan's fields look read-only, not like empty inputs", async () => {
    const draftLook = await session.page.getByLabel('Trích yếu').evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, border: s.borderTopStyle };
    });
    const { id } = await invoke<{ id: string }>('template.instantiate', { templateId: seed01.id });
    await invoke('plan.allocateNumber', { id });
    await invoke('plan.issue', { id });
    await openPlan(id);
    await session.page.getByText('Kế hoạch đã ban hành', { exact: true }).waitFor();
    const issuedLook = await session.page.getByLabel('Trích yếu').evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, border: s.borderTopStyle, readOnly: (el as HTMLTextAreaElement).readOnly };
    });
    expect(issuedLook.readOnly).toBe(true);
    expect(issuedLook.background).not.toBe(draftLook.background);
    expect(issuedLook.border).not.toBe(draftLook.border);
  });
});
