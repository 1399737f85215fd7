/**
 * Plans of the lowest levels from data to .docx: a chi bộ plan prints its two issuer lines, its cell's symbol and
 * "T/M CHI BỘ" and passes the format checker; a chi bộ plan whose text speaks of another level still prints
 * correctly (the checker cannot see the level) while lint names the mismatch.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { lintPlan } from '../../shared/lint';
import { composeLayout } from '../../shared/layout';
import { defaultFormatProfile, type PlanContent } from '../../shared/model';
import { PROFILES, filledBlankPlan } from '../fixtures/filled-blanks';
import { checkRendered, convertToPdf, failed, pdfText, writeTemp } from './tools';

async function rendered(name: string, content: PlanContent) {
  const bytes = await renderPlanDocx(content);
  const docx = await writeTemp(`${name}.docx`, bytes);
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const texts = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gsu)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''));
  const pdf = await convertToPdf(docx);
  return { report: await checkRendered(docx, pdf), texts, xml, pdfLines: (await pdfText(pdf)).split('\n').map((l) => l.trim()) };
}

describe('chi bộ plans in the .docx', () => {
  it('a chi bộ đại hội plan prints "ĐẢNG BỘ XÃ TÂN LẬP / CHI BỘ TRƯỜNG TIỂU HỌC", "Số 10-KH/CBTH", "T/M CHI BỘ" and passes 0/0', { timeout: 300_000 }, async () => {
    const c = filledBlankPlan('blank-chi-bo-dai-hoi.json');
    c.header.number = '10';
    expect(lintPlan(c)).toEqual([]);
    const { report, texts } = await rendered('chi-bo-dai-hoi', c);
    for (const line of ['ĐẢNG BỘ XÃ TÂN LẬP', 'CHI BỘ TRƯỜNG TIỂU HỌC', 'Số 10-KH/CBTH', 'T/M CHI BỘ', 'BÍ THƯ', 'Chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:', '- Lưu Chi bộ.']) {
      expect(texts, line).toContain(line);
    }
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
  });

  it('a chi bộ plan started from the Đảng ủy xã template prints without format error; lint warns of the other level', { timeout: 300_000 }, async () => {
    const c = filledBlankPlan('blank-dang-uy-xa.json', PROFILES['blank-chi-bo-dai-hoi.json']);
    expect(lintPlan(c).filter((f) => f.severity === 'error')).toEqual([]);
    expect(lintPlan(c).map((f) => f.rule)).toContain('level.lead');
    const { report, texts } = await rendered('chi-bo-from-xa', c);
    expect(texts).toContain('Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:');
    expect(failed(report, 'E')).toEqual([]);
  });
});

describe('long issuer names in the .docx', () => {
  it('"ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP" prints on two even lines; a break she typed is kept; 0/0', { timeout: 300_000 }, async () => {
    const plan = (name: string) => {
      const c = filledBlankPlan('blank-dang-uy-co-so-nam-hoc.json');
      c.header.issuer.name = name;
      return c;
    };
    const even = await rendered('long-issuer', plan('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP'));
    expect(even.xml).toMatch(/<w:t[^>]*>ĐẢNG ỦY TRƯỜNG CAO ĐẲNG<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>KỸ THUẬT CÔNG NGHIỆP<\/w:t>/su);
    expect(even.pdfLines.some((l) => l.startsWith('KỸ THUẬT CÔNG NGHIỆP'))).toBe(true);
    expect(failed(even.report, 'E')).toEqual([]);
    expect(failed(even.report, 'W')).toEqual([]);
    const typed = await rendered('long-issuer-typed', plan('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT\nCÔNG NGHIỆP'));
    expect(typed.pdfLines.some((l) => l.startsWith('CÔNG NGHIỆP'))).toBe(true);
    expect(lintPlan(plan('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT\nCÔNG NGHIỆP'))).toEqual([]);
    expect(failed(typed.report, 'E')).toEqual([]);
    expect(failed(typed.report, 'W')).toEqual([]);
  });
});

describe('a short plan numbered from "1."', () => {
  it('numbers "1.", "1.1." and keeps titles as typed; the checker only warns (R18)', { timeout: 300_000 }, async () => {
    const c = filledBlankPlan('blank-chi-bo-kiem-diem.json');
    c.profile = { ...defaultFormatProfile(), level1Style: '1.' };
    const heads = composeLayout(c, c.profile).body.filter((b) => b.kind === 'heading').map((b) => b.runs.map((r) => r.text).join(''));
    expect(heads.slice(0, 3)).toEqual(['1. MỤC ĐÍCH, YÊU CẦU', '1.1. Mục đích', '1.2. Yêu cầu']);
    const { report, texts } = await rendered('chi-bo-numbered', c);
    expect(texts).toContain('1. MỤC ĐÍCH, YÊU CẦU');
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W').map((w) => w.split(':')[0])).toEqual(['R18']);
  });
});
