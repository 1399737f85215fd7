/**
 * Round trip: every template (the seeds and the blanks) → .docx (the app's writer) → import → the same plan, field by
 * field. The allowed differences are listed in comparable.ts (ids, terms, spacing, padding of numbers and dates, …).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { importFile } from '../../electron/backend/import';
import { TemplateFile } from '../../shared/model';
import { comparable } from './comparable';

const TEMPLATES = resolve(__dirname, '../../resources/templates');
const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')).sort();

describe.each(files)('%s → .docx → import', (file) => {
  it('gives back the same plan, field by field', async () => {
    const template = TemplateFile.parse(JSON.parse(readFileSync(resolve(TEMPLATES, file), 'utf8')));
    const result = importFile(await renderPlanDocx(template.content), file.replace(/\.json$/u, '.docx'));
    const want = comparable(template.content);
    const got = comparable(result.plan);
    for (const key of Object.keys(want) as Array<keyof typeof want>) expect(got[key], key).toEqual(want[key]);
    expect(result.dropped).toEqual([]);
    // The app's own file is read with its styles: every field of a filled plan is sure (a blank template's empty
    // issuer and signer are rightly flagged).
    if (file.startsWith('seed-')) expect(Object.entries(result.confidence).filter(([path, v]) => v < 0.8 && path !== 'term')).toEqual([]);
  });
});

it('covers the seeds and the blank templates', () => {
  expect(files.filter((f) => f.startsWith('seed-')).length).toBeGreaterThanOrEqual(3);
  expect(files.filter((f) => f.startsWith('blank-')).length).toBeGreaterThanOrEqual(5);
});

it('a BÁO CÁO (tên loại and "Số 07-BC/HU") comes back as a report with the same fields', async () => {
  const seed = TemplateFile.parse(JSON.parse(readFileSync(resolve(TEMPLATES, 'seed-01-huyen-uy-dai-hoi-diem.json'), 'utf8'))).content;
  const report = { ...seed, header: { ...seed.header, docType: 'BC' as const, number: '07' } };
  const { plan } = importFile(await renderPlanDocx(report), 'bao-cao.docx');
  expect(plan.header.docType).toBe('BC');
  expect(comparable(plan)).toEqual(comparable(report));
});
