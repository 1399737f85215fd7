/**
 * What the .docx writer puts in the package that the format checker does not look at (or looks at loosely):
 * exact A4, all four font slots + vi-VN in docDefaults and styles, fixed-width borderless header/closing tables,
 * page numbers from page 2 in either profile position, footnotes, repeated header rows and merged cells.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx, writeDocx } from '../../electron/backend/docx';
import { composeLayout } from '../../shared/layout';
import { FormatProfile, defaultFormatProfile } from '../../shared/model';
import { synthetic50PagesPlan } from '../fixtures/synthetic-50-pages';
import { dangUyXaPlan } from '../fixtures/synthetic-dang-uy-xa';
import { failed, runChecker, writeTemp } from './tools';

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (name: string) => strFromU8(files[name] ?? new Uint8Array());
};

describe('writeDocx', () => {
  const plan = synthetic50PagesPlan();
  let part: (name: string) => string;

  it('writes a zip package with the main parts', async () => {
    part = parts(await renderPlanDocx(plan));
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', '[Content_Types].xml']) expect(part(name).length, name).toBeGreaterThan(0);
  });

  it('uses A4 exactly and the profile margins', () => {
    const doc = part('word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/u);
  });

  it('sets Times New Roman in every font slot and vi-VN, in docDefaults and in the styles', () => {
    const styles = part('word/styles.xml');
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/su.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/u);
    expect(defaults).toMatch(/<w:lang w:val="vi-VN" w:eastAsia="vi-VN"\/>/u);
    const body = /<w:style w:type="paragraph" w:styleId="KH-body">.*?<\/w:style>/su.exec(styles)?.[0] ?? '';
    expect(body).toContain('w:eastAsia="Times New Roman"');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toMatch(/<w:spacing w:after="0" w:before="120" w:line="360" w:lineRule="exact"\/>/u);
    expect(body).toContain('w:firstLine="567"');
    expect(body).toContain('<w:sz w:val="28"/>');
    expect(part('word/document.xml')).not.toMatch(/w:asciiTheme|Calibri|Arial/u);
  });

  it('lays the header and closing out as fixed, borderless two-column tables', () => {
    const doc = part('word/document.xml');
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/gsu) ?? [];
    expect(tables.length).toBe(3); // header, closing, appendix
    for (const t of tables.slice(0, 2)) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t.match(/<w:gridCol /gu)?.length).toBe(2);
      expect(/<w:tblBorders>.*?<\/w:tblBorders>/su.exec(t)?.[0]).not.toMatch(/w:val="single"/u);
      expect(t).not.toMatch(/<w:tcBorders>(?:(?!<\/w:tcBorders>).)*w:val="single"/su);
    }
    // the rule under the tiêu đề is the one border of the header: a paragraph's bottom border
    expect(tables[0]!.match(/w:val="single"/gu)).toHaveLength(1);
    expect(tables[0]).toMatch(/<w:pBdr><w:bottom w:val="single"/u);
    expect(tables[1]).not.toMatch(/w:val="single"/u);
  });

  it('numbers pages from page 2 only', () => {
    expect(part('word/document.xml')).toContain('<w:titlePg/>');
    const rels = part('word/_rels/document.xml.rels');
    const target = (type: string) => {
      const rid = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"`, 'u').exec(part('word/document.xml'))?.[1];
      return new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`, 'u').exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`, 'u').exec(rels)?.[1];
    };
    expect(part(`word/${target('default')}`)).toMatch(/PAGE/u);
    // The first page has no header of its own (titlePg without one is a blank header), or one without the number.
    const first = target('first');
    if (first) expect(part(`word/${first}`)).not.toMatch(/PAGE/u);
    else expect(part('word/document.xml')).not.toMatch(/<w:headerReference w:type="first"/u);
  });

  it('writes the footnotes, the repeated header rows and the merged cells', () => {
    const doc = part('word/document.xml');
    expect(doc.match(/<w:footnoteReference w:id="\d+"\/>/gu)?.length).toBe(8);
    expect(part('word/footnotes.xml')).toContain('Theo Hướng dẫn số 08-HD/TU');
    const appendix = (doc.match(/<w:tbl>.*?<\/w:tbl>/gsu) ?? [])[2]!;
    expect(appendix.match(/<w:tblHeader\/>/gu)?.length).toBe(2);
    expect(appendix).toContain('<w:gridSpan w:val="2"/>');
    expect(appendix).toContain('<w:vMerge w:val="restart"/>');
    expect(appendix).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/u);
    expect(doc).toContain('<w:pageBreakBefore/>');
  });
});

describe('page numbers at the bottom right (profile)', () => {
  it('puts the PAGE field in the footer, none on page 1', async () => {
    const profile = FormatProfile.parse({ pageNumber: 'bottom-right' });
    const bytes = await writeDocx(composeLayout(dangUyXaPlan({ blankDay: false }), profile));
    const part = parts(bytes);
    const files = Object.keys(unzipSync(bytes));
    const footers = files.filter((f) => /^word\/footer\d*\.xml$/u.test(f)).map(part);
    const headers = files.filter((f) => /^word\/header\d*\.xml$/u.test(f)).map(part);
    expect(footers.filter((x) => /PAGE/u.test(x))).toHaveLength(1);
    expect(footers.find((x) => /PAGE/u.test(x))).toContain('<w:jc w:val="right"/>');
    expect(headers.filter((x) => /PAGE/u.test(x))).toHaveLength(0);
    const report = await runChecker(await writeTemp('bottom-right.docx', bytes));
    expect(failed(report, 'E')).toEqual([]);
  });

  it('top centre by default', async () => {
    const bytes = await writeDocx(composeLayout(dangUyXaPlan({ blankDay: false }), defaultFormatProfile()));
    const part = parts(bytes);
    const headers = Object.keys(unzipSync(bytes)).filter((f) => /^word\/header\d*\.xml$/u.test(f)).map(part);
    expect(headers.filter((x) => /PAGE/u.test(x) && x.includes('<w:jc w:val="center"/>'))).toHaveLength(1);
  });
});
