/**
 * Importer figures:
 * - fieldsRightPercent: share of the variant corpus's expected fields recognised right (test/fixtures/import-variants.ts,
 *   pasted texts written from the format rules), in %; the aim is ≥ 95 %.
 * - synthetic50Import: importing the synthetic 50-page plan's .docx (unzip, XML, recognition), warm median, ≤ 500 ms.
 * - seed01Import: importing seed 01's .docx, warm median.
 */
import { fileURLToPath } from 'node:url';
import { renderPlanDocx } from '../../electron/backend/docx';
import { importFile } from '../../electron/backend/import';
import { IMPORT_VARIANTS, readVariant, scoreVariant } from '../../test/fixtures/import-variants';
import { synthetic50PagesPlan } from '../../test/fixtures/synthetic-50-pages';
import { readFileSync } from 'node:fs';
import { TemplateFile } from '../../shared/model';
import { log, median, sample } from './_stats';

export const budgets = { synthetic50Import: 500, seed01Import: 100 };

export async function run(): Promise<Record<string, number>> {
  let right = 0;
  let total = 0;
  for (const v of IMPORT_VARIANTS) {
    const score = scoreVariant(v, readVariant(v));
    right += score.right;
    total += score.total;
    for (const w of score.wrong) log(`import: ${v.name}: ${w}`);
  }
  const big = await renderPlanDocx(synthetic50PagesPlan());
  log(`import: synthetic 50 pages (${big.byteLength} bytes)`);
  const synthetic50Import = median(await sample(11, () => importFile(big, 'synthetic.docx'), 3));
  const seed01 = TemplateFile.parse(JSON.parse(readFileSync(fileURLToPath(new URL('../../resources/templates/seed-01-huyen-uy-dai-hoi-diem.json', import.meta.url)), 'utf8'))).content;
  const seedDocx = await renderPlanDocx(seed01);
  const seed01Import = median(await sample(31, () => importFile(seedDocx, 'seed-01.docx'), 5));
  return { fieldsRightPercent: (right / total) * 100, fieldsTotal: total, synthetic50Import, seed01Import };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await run());
