/**
 * Renderer figures, with their budgets, with the BUILT renderer (out/renderer) served by the web harness and
 * Debian Chromium (headless) through playwright-core:
 * - initialBundleGzipKB: gzip (level 9) size of the JS + CSS the first load of #/plans requests           ≤ 600 KB
 * - plansListInteractiveMs: navigation start → search box enabled, "Tạo kế hoạch" visible and the rows of the
 *   list drawn (51 plans stored, so the page shows 50 + pagination), next frame; median of 5 fresh contexts ≤ 1000 ms
 * - previewRecomputeMs: composeMs + paginateMs the preview reports (data-compose-ms / data-paginate-ms of
 *   [data-testid=preview-pages]) for seed 02, median over 20 one-character edits of the trích yếu        ≤ 50 ms
 * - keystrokeToPreviewMs: keydown in the trích yếu → the new text in the preview pages, next frame;
 *   median (and p95) over 20 keystrokes                                                                   ≤ 150 ms
 * - openSynthetic50Ms / openSynthetic300Ms: navigation to the editor of the synthetic 50-page plan (and of the same
 *   plan with its appendix rows repeated twelve times, about 300 pages) → every preview page drawn, next frame;
 *   median of 3 fresh loads                                                                                ≤ 1500 / 5000 ms
 * - keystroke50ToPreviewP95Ms: keystroke → preview (as above) in the synthetic 50-page plan, p95              ≤ 150 ms
 * Times are taken inside the page (performance.now, event.timeStamp) so the CDP round trips don't count.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { createBackend } from '../../electron/backend';
import { startHarness, type Harness } from '../web-harness';
import { launchChromium } from '../chromium';
import { synthetic50PagesPlan } from '../../test/fixtures/synthetic-50-pages';
import { log, median, percentile } from './_stats';

export const budgets = {
  initialBundleGzipKB: 600,
  plansListInteractiveMs: 1000,
  previewRecomputeMs: 50,
  keystrokeToPreviewMs: 150,
  openSynthetic50Ms: 1500,
  openSynthetic300Ms: 5000,
  keystroke50ToPreviewP95Ms: 150,
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_DIR = join(ROOT, 'out/renderer');
const LIST_PLANS = 50;
const LIST_LOADS = 5;
const KEYSTROKES = 20;
const WARMUP_KEYSTROKES = 3;
const CREATE_LABEL = 'Tạo kế hoạch';
const VIEWPORT = { width: 1440, height: 900 };

/** Newest modification time (ms) of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Build when out/renderer is missing; say so when it is older than the sources (the figures are then the old build's). */
function ensureBuilt(): void {
  const index = join(RENDERER_DIR, 'index.html');
  let builtAt = 0;
  try {
    builtAt = statSync(index).mtimeMs;
  } catch {
    log('  out/renderer missing: npx electron-vite build');
    const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('electron-vite build failed');
    return;
  }
  const sources = Math.max(newestMtime(join(ROOT, 'renderer')), newestMtime(join(ROOT, 'shared')));
  if (sources > builtAt) log('  warning: out/renderer is older than renderer/ or shared/; run `npm run build` for current figures');
}

const templateId = (file: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'resources/templates', file), 'utf8')) as { id: string }).id;

/** The synthetic 50-page plan, its appendix rows repeated `times` times (12: about 300 pages). */
function syntheticPlan(times: number) {
  const content = synthetic50PagesPlan();
  for (const appendix of content.appendices)
    for (const table of appendix.tables) table.rows = Array.from({ length: times }, () => table.rows).flat();
  return content;
}

interface Seeded {
  seed02: string;
  synthetic50: string;
  synthetic300: string;
}

/** 50 plans from seed 01, one from seed 02 (the one edited) and the two synthetic plans, stored through invoke. */
async function seedStore(dataDir: string): Promise<Seeded> {
  const backend = createBackend({ dataDir });
  try {
    const instantiate = async (file: string) => {
      const r = await backend.invoke('template.instantiate', { templateId: templateId(file) });
      if (!r.ok) throw new Error(r.error.message);
      return r.data as { id: string; revision: number };
    };
    for (let i = 0; i < LIST_PLANS; i++) await instantiate('seed-01-huyen-uy-dai-hoi-diem.json');
    const seed02 = (await instantiate('seed-02-tinh-uy-thuc-hien-chi-thi-35.json')).id;
    const synthetic = async (times: number) => {
      const { id, revision } = await instantiate('seed-01-huyen-uy-dai-hoi-diem.json');
      const r = await backend.invoke('plan.save', { ...syntheticPlan(times), id, baseRevision: revision });
      if (!r.ok) throw new Error(r.error.message);
      return id;
    };
    return { seed02, synthetic50: await synthetic(1), synthetic300: await synthetic(12) };
  } finally {
    backend.close();
  }
}

/**
 * Runs in every document before the app: records window.__khBench.interactiveAt (performance.now at the frame after
 * the plans list became usable).
 */
const WATCH_PLANS_LIST = `(() => {
  const state = { interactiveAt: null };
  window.__khBench = state;
  const ready = () => {
    const search = document.querySelector('input[type="search"]');
    if (!search || search.disabled) return false;
    if (!document.querySelector('tbody tr')) return false;
    return Array.from(document.querySelectorAll('button')).some((b) => b.textContent.trim() === ${JSON.stringify(CREATE_LABEL)} && b.getClientRects().length > 0);
  };
  const observer = new MutationObserver(() => {
    if (state.interactiveAt !== null || !ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => { state.interactiveAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'style', 'class'] });
})();`;

interface ListLoad {
  ms: number;
  assets: { url: string; raw: number; gzip: number }[];
}

/** One load of #/plans in a fresh browser context (empty cache, no code cache). */
async function loadPlansList(browser: Browser, url: string): Promise<ListLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  try {
    await context.addInitScript(WATCH_PLANS_LIST);
    const page = await context.newPage();
    const bodies: Promise<{ url: string; raw: number; gzip: number } | null>[] = [];
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      if (!/\.(js|css)$/u.test(path) || path === '/harness-bridge.js') return;
      bodies.push(
        res.body().then(
          (b) => ({ url: path, raw: b.length, gzip: gzipSync(b, { level: 9 }).length }),
          () => null,
        ),
      );
    });
    await page.goto(`${url}#/plans`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { __khBench?: { interactiveAt: number | null } }).__khBench?.interactiveAt ?? null, null, {
      timeout: 30_000,
      polling: 50,
    });
    const ms = (await handle.jsonValue()) as number;
    await page.waitForLoadState('networkidle');
    const assets = (await Promise.all(bodies)).filter((a): a is NonNullable<typeof a> => a !== null);
    return { ms, assets };
  } finally {
    await context.close();
  }
}

/**
 * In the editor page: arms a watcher for one keystroke. On the keydown its timeStamp is noted; when the preview
 * pages' trích yếu paragraph shows `expected`, the frame after is noted with the preview's own compose/paginate times.
 */
const INSTALL_KEYSTROKE_WATCH = `(() => {
  if (window.__khKey) return;
  const norm = (s) => (s || '').replace(/\\s+/gu, ' ').trim();
  let expected = null;
  let pressedAt = null;
  const state = {
    result: null,
    arm(text) {
      expected = norm(text);
      pressedAt = null;
      state.result = null;
    },
  };
  window.__khKey = state;
  document.addEventListener('keydown', (e) => {
    if (expected !== null && pressedAt === null) pressedAt = Math.min(e.timeStamp, performance.now());
  }, true);
  const region = document.querySelector('.kh-preview-scroll') || document.body;
  new MutationObserver(() => {
    if (expected === null || pressedAt === null) return;
    const shown = norm(document.querySelector('.kh-pages [data-role="trich-yeu"]')?.textContent);
    if (shown !== expected) return;
    const from = pressedAt;
    expected = null;
    requestAnimationFrame(() => {
      const stats = document.querySelector('[data-testid="preview-pages"]');
      state.result = {
        latency: performance.now() - from,
        composeMs: Number(stats ? stats.dataset.composeMs : NaN),
        paginateMs: Number(stats ? stats.dataset.paginateMs : NaN),
      };
    });
  }).observe(region, { childList: true, subtree: true, characterData: true });
})()`;

interface KeystrokeSample {
  latency: number;
  composeMs: number;
  paginateMs: number;
}

/**
 * The plans list loaded, then the hash set to the editor of `planId` → the preview shows more than one page with the
 * trích yếu drawn (pagination runs once, in a layout effect, so its pages are then final), next frame.
 */
async function openEditor(browser: Browser, url: string, planId: string): Promise<{ ms: number; pages: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}#/plans`);
    await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // A string, not a function: the bench's transpiler would wrap named inner functions in a helper the page lacks.
    return (await page.evaluate(`new Promise((resolve, reject) => {
      const started = performance.now();
      location.hash = ${JSON.stringify(`#/plans/${planId}`)};
      const poll = () => {
        if (performance.now() - started > 120000) return reject(new Error('the preview never drew'));
        const pages = document.querySelectorAll('.kh-pages > .kh-page').length;
        if (pages > 1 && document.querySelector('.kh-pages [data-role="trich-yeu"]'))
          return requestAnimationFrame(() => resolve({ ms: performance.now() - started, pages }));
        requestAnimationFrame(poll);
      };
      poll();
    })`)) as { ms: number; pages: number };
  } finally {
    await context.close();
  }
}

async function typeIntoTrichYeu(page: Page, url: string, planId: string): Promise<KeystrokeSample[]> {
  await page.goto(`${url}#/plans/${planId}`);
  const field = page.locator('textarea[data-path="trichYeu"]');
  await field.waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.kh-pages [data-role="trich-yeu"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(500);
  await page.evaluate(INSTALL_KEYSTROKE_WATCH);

  await field.click();
  await page.keyboard.press('ControlOrMeta+End');
  let text = await field.inputValue();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out: KeystrokeSample[] = [];
  for (let i = 0; i < WARMUP_KEYSTROKES + KEYSTROKES; i++) {
    const key = letters[i % letters.length]!;
    text += key;
    await page.evaluate((expected) => (window as unknown as { __khKey: { arm: (e: string) => void } }).__khKey.arm(expected), text);
    await page.keyboard.press(key);
    const handle = await page.waitForFunction(() => (window as unknown as { __khKey: { result: KeystrokeSample | null } }).__khKey.result, null, {
      timeout: 10_000,
      polling: 'raf',
    });
    const sample = (await handle.jsonValue()) as KeystrokeSample;
    if (i >= WARMUP_KEYSTROKES) out.push(sample);
    // A quick typist: about six characters a second.
    await page.waitForTimeout(150);
  }
  return out;
}

export async function run(): Promise<Record<string, number>> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-bench-renderer-'));
  let harness: Harness | null = null;
  let browser: Browser | null = null;
  try {
    const seeded = await seedStore(dataDir);
    harness = await startHarness({ port: 0, dataDir, rendererDir: RENDERER_DIR });
    browser = await launchChromium();

    log('renderer: first load of #/plans (bundle)');
    const first = await loadPlansList(browser, harness.url);
    const gzipBytes = first.assets.reduce((s, a) => s + a.gzip, 0);
    const rawBytes = first.assets.reduce((s, a) => s + a.raw, 0);
    for (const a of first.assets) log(`  ${a.url}: ${(a.raw / 1024).toFixed(1)} KB, ${(a.gzip / 1024).toFixed(1)} KB gzip`);

    log(`renderer: plans list interactive, ${LIST_LOADS} fresh loads`);
    const loads: number[] = [];
    for (let i = 0; i < LIST_LOADS; i++) loads.push((await loadPlansList(browser, harness.url)).ms);
    log(`  ${loads.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    log(`renderer: ${KEYSTROKES} keystrokes in the trích yếu of seed 02`);
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
    const page = await context.newPage();
    const keys = await typeIntoTrichYeu(page, harness.url, seeded.seed02);
    await context.close();
    const opens = async (id: string, label: string) => {
      const runs: number[] = [];
      let pages = 0;
      for (let i = 0; i < 3; i++) {
        const r = await openEditor(browser as Browser, (harness as Harness).url, id);
        runs.push(r.ms);
        pages = r.pages;
      }
      log(`  ${label}: ${pages} pages, opened in ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      return { ms: median(runs), pages };
    };
    log('renderer: opening the editor of the synthetic plans');
    const open50 = await opens(seeded.synthetic50, 'synthetic 50');
    const open300 = await opens(seeded.synthetic300, 'synthetic 300');
    log(`renderer: ${KEYSTROKES} keystrokes in the trích yếu of the synthetic 50-page plan`);
    const context50 = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
    const keys50 = await typeIntoTrichYeu(await context50.newPage(), harness.url, seeded.synthetic50);
    await context50.close();
    log(`  keystroke → preview: ${keys50.map((k) => k.latency.toFixed(0)).join(', ')} ms`);
    const latency = keys.map((k) => k.latency);
    const recompute = keys.map((k) => k.composeMs + k.paginateMs);
    log(`  keystroke → preview: ${latency.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    return {
      initialBundleGzipKB: gzipBytes / 1024,
      initialBundleRawKB: rawBytes / 1024,
      initialBundleFiles: first.assets.length,
      plansListInteractiveMs: median(loads),
      plansListInteractiveMaxMs: Math.max(...loads),
      previewRecomputeMs: median(recompute),
      previewRecomputeP95Ms: percentile(recompute, 95),
      previewComposeMs: median(keys.map((k) => k.composeMs)),
      previewPaginateMs: median(keys.map((k) => k.paginateMs)),
      keystrokeToPreviewMs: median(latency),
      keystrokeToPreviewP95Ms: percentile(latency, 95),
      openSynthetic50Ms: open50.ms,
      openSynthetic50Pages: open50.pages,
      openSynthetic300Ms: open300.ms,
      openSynthetic300Pages: open300.pages,
      keystroke50ToPreviewMs: median(keys50.map((k) => k.latency)),
      keystroke50ToPreviewP95Ms: percentile(keys50.map((k) => k.latency), 95),
      keystroke50RecomputeMs: median(keys50.map((k) => k.composeMs + k.paginateMs)),
    };
  } finally {
    await browser?.close();
    await harness?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await run());
