/**
 * The .docx carries only what its document uses (the USB exchange holds one per plan): no theme, no empty numbering,
 * font table or properties, no separator-only footnotes or endnotes, no empty header or footer, no relationship file
 * without a relationship, no content type of media it does not hold, no style nobody names, no namespace nobody uses. It prints exactly as the library's full package does: the same pages, the same text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { packDocx } from '../../electron/backend/docx/write-docx';
import { composeLayout } from '../../shared/layout';
import { TemplateFile, defaultFormatProfile, type PlanContent } from '../../shared/model';
import { convertToPdf, pdfPageCount, writeTemp } from './tools';
import { execFileSync } from 'node:child_process';

const TEMPLATES = resolve(__dirname, '../../resources/templates');
const seeds = readdirSync(TEMPLATES)
  .filter((f) => /^seed-.*\.json$/u.test(f))
  .sort()
  .map((f) => [f, TemplateFile.parse(JSON.parse(readFileSync(resolve(TEMPLATES, f), 'utf8'))).content] as const);

/** Bytes per seed (7.5-11.5 KB), with room for a few more lines: the library's package was 17-21 KB. */
const BUDGET = 12_000;

const styleIds = (styles: string) => [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/gu)].map((m) => m[1]!);

describe.each(seeds)('%s', (_, content: PlanContent) => {
  it(`is under ${BUDGET} bytes and holds only the parts its document uses`, async () => {
    const bytes = await renderPlanDocx(content);
    expect(bytes.length).toBeLessThan(BUDGET);
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names[0]).toBe('[Content_Types].xml');
    for (const unused of ['word/theme/theme1.xml', 'word/numbering.xml', 'word/endnotes.xml', 'word/fontTable.xml', 'docProps/custom.xml', 'docProps/app.xml']) expect(names).not.toContain(unused);
    // The one header holds the page number (from page 2, "titlePg"); no empty header or footer is left.
    expect(names.filter((n) => /^word\/(?:header|footer)\d*\.xml$/u.test(n))).toHaveLength(1);
    const part = (name: string) => strFromU8(files[name]!);
    const hasFootnotes = part('word/document.xml').includes('<w:footnoteReference');
    expect(names.includes('word/footnotes.xml')).toBe(hasFootnotes);
    for (const name of names.filter((n) => n.endsWith('.rels'))) expect(part(name), name).toContain('<Relationship ');
    // Every part the relationships and content types name is in the package.
    for (const target of [...part('word/_rels/document.xml.rels').matchAll(/Target="([^"]+)"/gu)].map((m) => `word/${m[1]}`)) expect(names).toContain(target);
    for (const partName of [...part('[Content_Types].xml').matchAll(/PartName="\/([^"]+)"/gu)].map((m) => m[1]!)) expect(names).toContain(partName);
    // Styles: each one is named by a part, by another kept style, or is a default.
    const styles = part('word/styles.xml');
    const named = new Set(names.filter((n) => n.endsWith('.xml')).flatMap((n) => [...part(n).matchAll(/<w:(?:pStyle|rStyle|tblStyle|basedOn|next|link) w:val="([^"]+)"/gu)].map((m) => m[1]!)));
    for (const id of styleIds(styles)) {
      const isDefault = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*w:default=`, 'u').test(styles) || new RegExp(`<w:style [^>]*w:default="[^"]*"[^>]*w:styleId="${id}"`, 'u').test(styles);
      expect(named.has(id) || isDefault, `style ${id}`).toBe(true);
    }
    expect(styleIds(styles)).not.toContain('Heading1');
    // No part declares a namespace it does not use.
    for (const name of names.filter((n) => n.endsWith('.xml'))) {
      const xml = part(name);
      for (const prefix of [...xml.matchAll(/xmlns:(\w+)=/gu)].map((m) => m[1]!)) expect(xml, `${name}: xmlns:${prefix}`).toMatch(new RegExp(`[<\\s/"]${prefix}:(?!\\w+=")|\\s${prefix}:\\w+="`, 'u'));
    }
  });

  it('prints the same pages and text as the full package of the docx library', { timeout: 300_000 }, async () => {
    const layout = composeLayout(content, content.profile ?? defaultFormatProfile());
    const full = await writeTemp('full.docx', await packDocx(layout));
    const compact = await writeTemp('compact.docx', await renderPlanDocx(content));
    const [fullPdf, compactPdf] = [await convertToPdf(full), await convertToPdf(compact)];
    expect(await pdfPageCount(compactPdf)).toBe(await pdfPageCount(fullPdf));
    const layoutText = (pdf: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(layoutText(compactPdf)).toBe(layoutText(fullPdf));
  });
});
