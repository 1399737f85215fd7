/**
 * Print a plan to PDF through headless Chromium: the same pages as the in-app print (route #/print/:id of the
 * built renderer, served by the web harness on loopback).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { PlanContent } from '../shared/model';
import { startHarness } from './web-harness';
import { launchChromium } from './chromium';

/** Load the print route and save the page as PDF once it says data-print-ready (A4 from the print stylesheet). */
async function printRoute(page: Page, url: string): Promise<Uint8Array> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset['printReady'], undefined, { timeout: 60_000 });
  return await page.pdf({ preferCSSPageSize: true, printBackground: true });
}

/** A plan already stored behind a running harness (`appUrl`), printed to PDF. */
export async function printStoredPlanPdf(appUrl: string, planId: string): Promise<Uint8Array> {
  const browser = await launchChromium();
  try {
    return await printRoute(await browser.newPage(), `${appUrl}#/print/${planId}`);
  } finally {
    await browser.close();
  }
}

/** A plan's content printed to PDF, through a harness with a throw-away data folder. */
export async function printPlanPdf(content: PlanContent): Promise<Uint8Array> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kh-pdf-'));
  const harness = await startHarness({ port: 0, dataDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const id = randomUUID();
    await page.goto(harness.url);
    const saved = await page.evaluate(
      async ([planId, plan]) => window.kehoach.invoke('plan.save', { ...plan, id: planId, baseRevision: null }),
      [id, content] as const,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    return await printRoute(page, `${harness.url}#/print/${id}`);
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
