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

it('a body table (header rows, merged cells) and person lists, as lines and as a table, come back as those blocks', async () => {
  const seed = TemplateFile.parse(JSON.parse(readFileSync(resolve(TEMPLATES, 'seed-01-huyen-uy-dai-hoi-diem.json'), 'utf8'))).content;
  const id = () => crypto.randomUUID();
  const c = (text: string, colSpan = 1, rowSpan = 1) => ({ paragraphs: [text], colSpan, rowSpan, align: 'center' as const, bold: false });
  const people = [
    { id: id(), name: 'Lò Văn Pâng', position: 'Phó Bí thư Thường trực', role: 'Tổ trưởng' },
    { id: id(), name: 'Tần Thị Quế', position: 'Trưởng Ban Tổ chức', role: 'Tổ phó' },
  ];
  // A section of its own after the first: after a run-in paragraph a block would print alike inside it or beside it.
  const team = {
    kind: 'section' as const,
    id: id(),
    title: 'LỊCH VÀ TỔ CÔNG TÁC',
    style: 'heading' as const,
    children: [
      { kind: 'paragraph' as const, id: id(), text: 'Lịch cụ thể và tổ công tác như sau:', emphasis: 'none' as const },
      {
        kind: 'table' as const,
        id: id(),
        table: {
          columnWidths: [10, 50, 20, 20],
          headerRows: [{ cells: [c('TT', 1, 2), c('Nội dung', 1, 2), c('Thời gian', 2)] }, { cells: [c('Bắt đầu'), c('Kết thúc')] }],
          rows: [{ cells: [c('1'), c('Hội nghị quán triệt'), c('01/7/2025'), c('05/7/2025')] }, { cells: [c('2'), c('Sơ kết'), c('Tháng 12/2025', 2)] }],
        },
      },
      { kind: 'people' as const, id: id(), prefix: 'Đ/c', print: 'lines' as const, people },
      { kind: 'people' as const, id: id(), prefix: 'Đ/c', print: 'table' as const, people },
    ],
  };
  const withBlocks = { ...seed, body: [seed.body[0]!, team, ...seed.body.slice(1)] };
  const result = importFile(await renderPlanDocx(withBlocks), 'bang.docx');
  expect(comparable(result.plan).body).toEqual(comparable(withBlocks).body);
  expect(result.plan.appendices).toEqual(seed.appendices.length ? expect.any(Array) : []);
  expect(result.notes.join(' ')).not.toMatch(/phụ lục/u);
});
