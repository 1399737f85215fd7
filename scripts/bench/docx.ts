/**
 * Document-core figures (their budgets), warm medians in ms:
 * - seed01Docx: the seed 01 template → .docx bytes (composeLayout + writeDocx + zip)         ≤ 25 ms
 * - synthetic50Docx: the synthetic 50-page plan → .docx bytes                                ≤ 250 ms
 * - composeSeed02: composeLayout for the seed 02 template                                    ≤ 5 ms
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderPlanDocx } from '../../electron/backend/docx';
import { composeLayout } from '../../shared/layout';
import { TemplateFile, defaultFormatProfile, type PlanContent } from '../../shared/model';
import { synthetic50PagesPlan } from '../../test/fixtures/synthetic-50-pages';
import { log, median, sample } from './_stats';

export const budgets = {
  seed01Docx: 25,
  synthetic50Docx: 250,
  composeSeed02: 5,
};

const template = (file: string): PlanContent =>
  TemplateFile.parse(JSON.parse(readFileSync(fileURLToPath(new URL(`../../resources/templates/${file}`, import.meta.url)), 'utf8'))).content;

export async function run(): Promise<Record<string, number>> {
  const seed01 = template('seed-01-huyen-uy-dai-hoi-diem.json');
  const seed02 = template('seed-02-tinh-uy-thuc-hien-chi-thi-35.json');
  const big = synthetic50PagesPlan();
  const profile = defaultFormatProfile();
  log('docx: seed 01');
  const seed01Docx = median(await sample(31, () => renderPlanDocx(seed01), 10));
  log('docx: synthetic 50 pages');
  const synthetic50Docx = median(await sample(11, () => renderPlanDocx(big), 3));
  log('docx: composeLayout seed 02');
  const composeSeed02 = median(await sample(201, () => composeLayout(seed02, profile), 50));
  return { seed01Docx, synthetic50Docx, composeSeed02 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await run());
