/** Shared end-to-end plumbing: a web harness on a free loopback port + Debian Chromium through playwright-core. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../scripts/web-harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/print-pdf';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

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
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness.url);
  return {
    harness,
    browser,
    context,
    page,
    dataDir,
    async close() {
      await browser.close();
      await harness.close();
    },
  };
}
