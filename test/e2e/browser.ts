/** Shared end-to-end plumbing: a web harness on a free loopback port + Debian Chromium through playwright-core. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHarness, type Harness } from '../../scripts/web-harness';
import { launchChromium } from '../../scripts/chromium';

/**
 * Where the end-to-end tests save their screenshots: the ignored .tmp/screenshots, or SCREENSHOT_DIR when set
 * (`npm run screenshots` points it at docs/images to refresh the README's pictures). Tests never write tracked files.
 */
export const SCREENSHOT_DIR = resolve(process.env['SCREENSHOT_DIR'] ?? join(__dirname, '../../.tmp/screenshots'));

export interface AppSession {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

export async function openApp(dataDir = mkdtempSync(join(tmpdir(), 'kh-e2e-'))): Promise<AppSession> {
  const harness = await startHarness({ port: 0, dataDir });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness.url);
  const session: AppSession = {
    harness,
    browser,
    context,
    page,
    dataDir,
    async close() {
      await browser.close();
      // The harness a test restarted on the same data folder, if it did.
      await session.harness.close();
    },
  };
  return session;
}

/**
 * One app for the tests of a file: opened before them (a fresh data folder unless `dataDir` gives one), closed after.
 * `session.app` and `session.page` are there once the file's tests run.
 */
export function appForFile(dataDir?: () => string): { readonly app: AppSession; readonly page: Page } {
  let app: AppSession | undefined;
  beforeAll(async () => {
    app = await openApp(dataDir?.());
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('the app opens before the tests run');
      return app;
    },
    get page() {
      return this.app.page;
    },
  };
}

/** A template file from resources/templates, as the picker shows it. */
export function templateFile(id: string): { name: string; content: { trichYeu: string } } {
  return JSON.parse(readFileSync(join(__dirname, `../../resources/templates/${id}.json`), 'utf8')) as { name: string; content: { trichYeu: string } };
}

/** Fill and save the office's issuer profile on the Cài đặt page (a Huyện ủy in Lai Châu). */
export async function saveIssuerProfile(page: Page, signer = 'Tần Thị Quế'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Tên cơ quan ban hành').fill('HUYỆN ỦY TAM ĐƯỜNG');
  await page.getByLabel('Ký hiệu cơ quan').fill('HU');
  await page.getByLabel('Địa danh').fill('Tam Đường');
  await page.getByLabel('Nhiệm kỳ').fill('2025-2030');
  await page.getByLabel('Tập thể hoặc người đứng đầu').fill('BAN THƯỜNG VỤ');
  await page.getByLabel('Chức vụ người ký').fill('BÍ THƯ');
  await page.getByLabel('Họ và tên người ký').fill(signer);
  await page.getByLabel('Dòng lưu ở nơi nhận').fill('Lưu Văn phòng Huyện ủy');
  await page.getByRole('button', { name: 'Lưu hồ sơ cơ quan' }).click();
  await page.getByText('Đã lưu hồ sơ cơ quan ban hành.').waitFor();
}

/** Call the backend through the page's window.kehoach (as the renderer does); throws on an error result. */
export async function invokeIn<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(([c, i]) => window.kehoach.invoke(c as never, i as never), [channel, input] as const);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data as T;
}
