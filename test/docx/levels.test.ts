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
import { defaultFormatProfile, type Block, type PlanContent } from '../../shared/model';
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

describe('căn cứ as clerks write them, deeper markers, tables and people in the body', () => {
  const uuid = () => crypto.randomUUID();
  const person = (name: string, position: string, role: string) => ({ id: uuid(), name, position, role });
  const cell = (text: string) => ({ paragraphs: [text], colSpan: 1, rowSpan: 1, align: 'justify' as const, bold: false });
  const head = (text: string) => ({ paragraphs: [text], colSpan: 1, rowSpan: 1, align: 'center' as const, bold: true });

  /** The chi bộ đại hội plan with working teams (aligned lines, a table), a timetable table and markers "a." and "-". */
  function teamsPlan(): PlanContent {
    const c = filledBlankPlan('blank-chi-bo-dai-hoi.json');
    c.header.number = '12';
    c.profile = { ...defaultFormatProfile(), level3Style: 'a.', level4Style: '-' };
    const teams: Block = {
      kind: 'section',
      id: uuid(),
      title: 'Thành lập các tổ giúp việc đại hội',
      style: 'heading',
      children: [
        { kind: 'paragraph', id: uuid(), text: 'Tổ văn kiện gồm các đồng chí:', emphasis: 'none' },
        {
          kind: 'people',
          id: uuid(),
          prefix: 'Đ/c',
          print: 'lines',
          people: [person('Nguyễn Thị Hoa', 'Bí thư Chi bộ', 'Tổ trưởng'), person('Lê Văn Bình', 'Phó Bí thư Chi bộ', 'Tổ phó'), person('Trần Thu Hà', 'Chi ủy viên', 'Thành viên')],
        },
        {
          kind: 'section',
          id: uuid(),
          title: 'Tổ phục vụ',
          style: 'heading',
          children: [{ kind: 'people', id: uuid(), prefix: 'Đ/c', print: 'table', people: [person('Phạm Văn Dũng', 'Đảng viên', 'Tổ trưởng'), person('Hoàng Thị Mai', 'Đảng viên', 'Thành viên')] }],
        },
      ],
    };
    const preparation = c.body[2];
    if (preparation?.kind !== 'section') throw new Error('the template changed: no CÔNG TÁC CHUẨN BỊ');
    const serving = preparation.children[2];
    if (serving?.kind !== 'section') throw new Error('the template changed: no tổ chức, phục vụ');
    serving.children.push(teams);
    const timetable: Block = {
      kind: 'table',
      id: uuid(),
      table: {
        columnWidths: [8, 52, 20, 20],
        headerRows: [{ cells: [head('TT'), head('Nội dung công việc'), head('Thời gian'), head('Người thực hiện')] }],
        rows: [
          { cells: [cell('1'), cell('Xây dựng dự thảo báo cáo chính trị'), cell('Trước 15/3/2026'), cell('Tổ văn kiện')] },
          { cells: [cell('2'), cell('Chuẩn bị nhân sự chi ủy khóa mới'), cell('Trước 20/3/2026'), cell('Chi ủy')] },
        ],
      },
    };
    const progress = c.body[3];
    if (progress?.kind !== 'section') throw new Error('the template changed: no TIẾN ĐỘ THỰC HIỆN');
    progress.children.push(timetable);
    return c;
  }

  it('mixed verbs in one sentence, references joined by "và", "a." and "-" headings, people as aligned lines and as a table, a body table: 0/0', { timeout: 300_000 }, async () => {
    const c = teamsPlan();
    c.canCu = {
      form: 'sentence',
      items: [
        { verb: 'Thực hiện', text: 'Kế hoạch số 05-KH/ĐU, ngày 10/01/2026 của Đảng ủy xã Tân Lập về tổ chức đại hội các chi bộ trực thuộc', join: '' },
        { verb: 'Căn cứ', text: 'Điều lệ Đảng', join: '' },
        { verb: '', text: 'Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương', join: 'và' },
      ],
      lead: 'Ban chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:',
    };
    expect(lintPlan(c)).toEqual([]);
    const { report, texts, pdfLines, xml } = await rendered('chi-bo-teams', c);
    expect(texts).toContain(
      'Thực hiện Kế hoạch số 05-KH/ĐU, ngày 10/01/2026 của Đảng ủy xã Tân Lập về tổ chức đại hội các chi bộ trực thuộc; căn cứ Điều lệ Đảng và Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương, Ban chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:',
    );
    expect(texts).toContain('a. Thành lập các tổ giúp việc đại hội');
    expect(texts).toContain('- Tổ phục vụ');
    // Aligned lines: one row each, name | position | role, in a table without borders (no tabs, no runs of spaces).
    for (const cellText of ['Đ/c Nguyễn Thị Hoa', '– Bí thư Chi bộ', '– Tổ trưởng', 'Đ/c Lê Văn Bình', '– Phó Bí thư Chi bộ']) expect(texts).toContain(cellText);
    expect(pdfLines.some((l) => /^Đ\/c Nguyễn Thị Hoa\s+– Bí thư Chi bộ\s+– Tổ trưởng$/u.test(l))).toBe(true);
    expect(xml).not.toMatch(/<w:tab\/>|  {2,}/u);
    for (const cellText of ['Họ và tên', 'Đ/c Phạm Văn Dũng', 'Nội dung công việc', 'Chuẩn bị nhân sự chi ủy khóa mới']) expect(texts).toContain(cellText);
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
  });

  it('each reference as its own paragraph without a dash, each with its own verb: 0/0', { timeout: 300_000 }, async () => {
    const c = filledBlankPlan('blank-chi-bo-dai-hoi.json');
    c.header.number = '13';
    c.canCu = {
      form: 'paragraphs',
      items: [
        { verb: 'Thi hành', text: 'Điều lệ Đảng Cộng sản Việt Nam', join: '' },
        { verb: 'Thực hiện', text: 'Hướng dẫn số 26-HD/BTCTW, ngày 15/11/2024 của Ban Tổ chức Trung ương', join: '' },
        { verb: 'Căn cứ', text: 'tình hình thực tế của Chi bộ', join: '' },
      ],
      lead: 'Chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:',
    };
    expect(lintPlan(c)).toEqual([]);
    const { report, texts } = await rendered('chi-bo-can-cu-paragraphs', c);
    for (const line of ['Thi hành Điều lệ Đảng Cộng sản Việt Nam;', 'Thực hiện Hướng dẫn số 26-HD/BTCTW, ngày 15/11/2024 của Ban Tổ chức Trung ương;', 'Căn cứ tình hình thực tế của Chi bộ;']) {
      expect(texts).toContain(line);
    }
    expect(failed(report, 'E')).toEqual([]);
    expect(failed(report, 'W')).toEqual([]);
  });
});
