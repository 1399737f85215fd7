/**
 * The printed preview (headless Chromium, the in-app print path, via `kehoach pdf`) against the .docx rendered
 * by LibreOffice: the checker passes the printout, and both carry the same words in the same order (≥ 0.99).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateFile, type PlanContent } from '../../shared/model';
import { renderPlanDocx } from '../../electron/backend/docx/index';
import { printPlanPdf } from '../../scripts/print-pdf';
import { convertToPdf, failed, pdfText, runChecker, writeTemp } from '../docx/tools';
import { shingleCoverage, words } from '../docx/similarity';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { blankTemplateFiles, filledBlankPlan } from '../fixtures/filled-blanks';
import { synthetic50PagesPlan } from '../fixtures/synthetic-50-pages';

const seeds = ['seed-01-huyen-uy-dai-hoi-diem', 'seed-02-tinh-uy-thuc-hien-chi-thi-35', 'seed-03-btctw-doan-du-dai-hoi'];
const seedContent = (id: string) => TemplateFile.parse(JSON.parse(readFileSync(`resources/templates/${id}.json`, 'utf8'))).content;

/** Every seed, every blank template filled with sample text, and the 50-page synthetic plan. */
const plans: Array<[string, () => PlanContent, { comparePages: boolean }]> = [
  ...seeds.map((id): [string, () => PlanContent, { comparePages: boolean }] => [id, () => seedContent(id), { comparePages: true }]),
  ...blankTemplateFiles.map((f): [string, () => PlanContent, { comparePages: boolean }] => [
    `${f.replace(/\.json$/u, '')} filled in`,
    () => filledBlankPlan(f),
    { comparePages: true },
  ]),
  // Its body does not yet break into the same pages as LibreOffice's from page 10 on.
  ['the synthetic 50-page plan', synthetic50PagesPlan, { comparePages: false }],
];

/** Words of `a` not matched in `b`, counting repeats. */
function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    return n === 0;
  });
}

describe.each(plans)('%s printed from the preview', (name, make, { comparePages }) => {
  const id = name.replace(/\W+/gu, '-');
  const content = make();
  let previewPdf = '';
  let docxPdf = '';
  beforeAll(async () => {
    const [pdfBytes, docxBytes] = await Promise.all([printPlanPdf(content), renderPlanDocx(content)]);
    previewPdf = await writeTemp(`${id}-preview.pdf`, pdfBytes);
    docxPdf = await convertToPdf(await writeTemp(`${id}.docx`, docxBytes));
  }, 180_000);

  it('passes the format checker as printed (V9 included: the closing block never alone on its page)', async () => {
    const report = await runChecker(previewPdf);
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
  });

  it.runIf(comparePages)('breaks the body into the same pages as the .docx does in LibreOffice', async () => {
    // The first words of each page, up to the appendix (its table pages start with the repeated header rows).
    const starts = async (pdf: string) => {
      // Each page's first words after its page number.
      const pages = (await pdfText(pdf)).split('\f').map((page) => words(page).filter((w, i) => i > 0 || !/^\d+$/.test(w)).slice(0, 4).join(' '));
      const appendix = pages.findIndex((p) => p.startsWith('PHỤ LỤC'));
      return appendix < 0 ? pages.filter(Boolean) : pages.slice(0, appendix + 1);
    };
    expect(await starts(previewPdf)).toEqual(await starts(docxPdf));
  });

  it.runIf(comparePages)('breaks the appendix tables into the same pages as the .docx does in LibreOffice', async () => {
    // Rows crossing a page are cut with each cell at its own line in both. pdftotext emits table cells in
    // renderer-dependent order, so each page is compared as the multiset of its words (page numbers left out).
    const pageWords = async (pdf: string) =>
      (await pdfText(pdf))
        .split('\f')
        .map((page) => words(page).filter((w) => !/^\d+$/u.test(w)))
        .filter((ws) => ws.length > 0);
    const [preview, docx] = await Promise.all([pageWords(previewPdf), pageWords(docxPdf)]);
    expect(preview.length, 'page count').toBe(docx.length);
    const appendix = docx.findIndex((ws) => ws.slice(0, 2).join(' ') === 'PHỤ LỤC');
    for (let n = Math.max(appendix, 0); n < docx.length; n++) {
      const missing = multisetMinus(docx[n]!, preview[n]!);
      const extra = multisetMinus(preview[n]!, docx[n]!);
      expect({ page: n + 1, missing, extra }).toEqual({ page: n + 1, missing: [], extra: [] });
    }
  });

  it('carries the same words in the same order as the .docx rendered by LibreOffice', async () => {
    const [a, b] = await Promise.all([pdfText(previewPdf), pdfText(docxPdf)]);
    const [wa, wb] = [words(a), words(b)];
    // Same words: the counts differ only by page furniture (page numbers, table headers repeated per page).
    expect(Math.abs(wa.length - wb.length)).toBeLessThanOrEqual(0.01 * wa.length);
    // Same order: pdftotext emits two-column blocks and table rows split across pages in renderer-dependent
    // order, so a whole-document LCS would measure the text extractor; 4-word runs measure the pages.
    expect(shingleCoverage(wa, wb)).toBeGreaterThanOrEqual(0.99);
  });
});

describe('kehoach pdf command', () => {
  it('writes a PDF, and refuses bad input without writing anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-cli-pdf-'));
    const out = join(dir, 'seed01.pdf');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kehoach-cli.ts', 'pdf', `resources/templates/${seeds[0]}.json`, '-o', out], { encoding: 'utf8', timeout: 120_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');

    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ content: { trichYeu: 5 } }));
    const badOut = join(dir, 'bad.pdf');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kehoach-cli.ts', 'pdf', badFile, '-o', badOut], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/trường/);
    expect(existsSync(badOut)).toBe(false);
  }, 180_000);
});
