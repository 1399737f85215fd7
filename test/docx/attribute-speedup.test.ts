/**
 * The writer's faster NextAttributeComponent.prepForXml (electron/backend/docx/attribute-speedup.ts) writes every part
 * byte for byte as the library's own method does: whole documents (the 40-task BÁO CÁO, every seed) compared part by
 * part.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fastAttributes } from '../../electron/backend/docx/attribute-speedup';
import { packDocx } from '../../electron/backend/docx/write-docx';
import { composeLayout } from '../../shared/layout';
import { defaultFormatProfile, TemplateFile, type PlanContent } from '../../shared/model';
import { draft40TaskReport } from '../fixtures/report-40-tasks';

const templates = resolve(__dirname, '../../resources/templates');
const documents: [string, PlanContent][] = [
  ['BÁO CÁO of 40 tasks', draft40TaskReport()],
  ...readdirSync(templates)
    .filter((f) => f.startsWith('seed-') && f.endsWith('.json'))
    .map((f): [string, PlanContent] => [f, TemplateFile.parse(JSON.parse(readFileSync(resolve(templates, f), 'utf8'))).content]),
];

/** Every part of the package but the one holding the time it was written. */
async function parts(content: PlanContent): Promise<Record<string, string>> {
  const files = unzipSync(await packDocx(composeLayout(content, content.profile ?? defaultFormatProfile())));
  return Object.fromEntries(Object.entries(files).filter(([p]) => p !== 'docProps/core.xml').map(([p, d]) => [p, strFromU8(d)]));
}

afterAll(() => fastAttributes(true));

describe('the faster attribute method of the .docx writer', () => {
  it.each(documents)('writes %s exactly as the library does', async (_name, content) => {
    fastAttributes(false);
    const library = await parts(content);
    fastAttributes(true);
    const fast = await parts(content);
    expect(Object.keys(fast)).toEqual(Object.keys(library));
    for (const path of Object.keys(library)) expect(fast[path], path).toBe(library[path]);
    expect(library['word/document.xml']).toMatch(/w:val=/u);
  });
});
