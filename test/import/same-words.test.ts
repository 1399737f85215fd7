/**
 * Same words: each seed printed by LibreOffice to PDF, its text extracted (pdftotext) and pasted into the importer,
 * the imported plan rendered back to .docx and printed again: the words from "KẾ HOẠCH" to the signer match the
 * seed's text (../shared/seeds/*.txt, similarity ≥ 0.99, punctuation and spacing ignored) and the format checker
 * (with the rendered-page checks) reports no error.
 *
 * Allowed differences: a PDF's text has no footnotes, so a footnote's text comes back as body text where the page
 * printed it: as in test/docx/seeds.test.ts, footnote texts are taken out of both word lists (each must be found in
 * both) and the rest compared. Page numbers are dropped by the importer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { importText } from '../../electron/backend/import';
import { composeLayout } from '../../shared/layout';
import { TemplateFile, defaultFormatProfile } from '../../shared/model';
import type { ImportResult } from '../../shared/import';
import { removeSequence, wordRatio, words, wordsFromTitleToSigner } from '../docx/similarity';
import { checkRendered, convertToPdf, failed, pdfText, writeTemp, type CheckerReport } from '../docx/tools';

const TEMPLATES = resolve(__dirname, '../../resources/templates');
const SEEDS = resolve(__dirname, '../../../shared/seeds');
const seeds = readdirSync(TEMPLATES).filter((f) => /^seed-.*\.json$/u.test(f)).sort();

const withoutPageNumbers = (text: string) => text.split('\n').filter((l) => !/^\s*\d+\s*$/u.test(l)).join('\n');

describe.each(seeds)('%s printed, its text pasted, printed again', (file) => {
  const template = TemplateFile.parse(JSON.parse(readFileSync(resolve(TEMPLATES, file), 'utf8')));
  const seedTxt = readdirSync(SEEDS).find((f) => f.startsWith(file.replace(/^seed-(\d+).*$/u, '$1-')))!;
  let imported: ImportResult;
  let report: CheckerReport;
  let printedAgain: string;

  beforeAll(async () => {
    const pdf = await convertToPdf(await writeTemp(`${template.id}.docx`, await renderPlanDocx(template.content)));
    imported = importText(await pdfText(pdf));
    const again = await writeTemp(`${template.id}-again.docx`, await renderPlanDocx(imported.plan));
    const againPdf = await convertToPdf(again);
    report = await checkRendered(again, againPdf);
    printedAgain = withoutPageNumbers(await pdfText(againPdf));
  }, 300_000);

  it('keeps the words of the seed (similarity ≥ 0.99)', () => {
    const signer = template.content.signature.signer;
    expect(imported.plan.signature.signer).toBe(signer);
    const expected = wordsFromTitleToSigner(readFileSync(resolve(SEEDS, seedTxt), 'utf8'), signer);
    const actual = wordsFromTitleToSigner(printedAgain, signer);
    for (const note of composeLayout(template.content, template.content.profile ?? defaultFormatProfile()).footnotes) {
      const noteWords = words(note.paragraph.runs.map((r) => r.text).join(''));
      expect(removeSequence(expected, noteWords, String(note.id)), `footnote ${note.id} in the seed text`).toBe(true);
      expect(removeSequence(actual, noteWords), `footnote ${note.id} printed again`).toBe(true);
    }
    const ratio = wordRatio(expected, actual);
    expect(ratio, `similarity ${ratio.toFixed(4)}`).toBeGreaterThanOrEqual(0.99);
  });

  it('prints again with no format checker error', () => {
    expect(failed(report, 'E')).toEqual([]);
  });

  it('recognises the header and the closing block', () => {
    const { header, signature } = imported.plan;
    expect(header.issuer.name).toBe(template.content.header.issuer.name);
    expect(header.issuer.symbol).toBe(template.content.header.issuer.symbol);
    expect(header.place).toBe(template.content.header.place);
    expect(signature.title).toBe(template.content.signature.title);
    expect(imported.plan.recipients.map((r) => r.text)).toEqual(template.content.recipients.map((r) => r.text));
  });
});
