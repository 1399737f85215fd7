/**
 * Plans of every level as clerks write them, from data to .docx, one row per case: căn cứ in each of its forms,
 * chi bộ and đảng ủy cơ sở plans, a chi bộ plan whose text speaks of another level (lint names it, the print is
 * correct), the "1." top level (one R18 warning), the deeper markers, tables and lists of people in the body, legacy
 * font text converted, long issuer names, a number pasted the state way. Each .docx goes through LibreOffice and the
 * format checker (what `thethuc_check.py --render` runs): 0 errors, and no warning but the one a case names.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { parseTypedDocNumber } from '../../shared/format/symbol';
import { applyLintFix, lintPlan } from '../../shared/lint';
import { defaultFormatProfile, type Block, type FormatProfile, type PlanContent } from '../../shared/model';
import { PROFILES, filledBlankPlan } from '../fixtures/filled-blanks';
import { checkRendered, convertToPdf, failed, pdfText, writeTemp } from './tools';

interface Rendered {
  texts: string[];
  xml: string;
  pdfLines: string[];
}

interface Case {
  name: string;
  plan: () => PlanContent;
  /** Paragraphs (or table cells) the .docx holds, whole. */
  prints: string[];
  /** The lint rules the plan raises (default: none at all). */
  lint?: string[];
  /** The checker warnings the case allows, by rule (default: none). */
  warnings?: string[];
  more?: (r: Rendered) => void;
}

const uuid = () => crypto.randomUUID();
const person = (name: string, position: string, role: string) => ({ id: uuid(), name, position, role });
const cell = (text: string) => ({ paragraphs: [text], colSpan: 1, rowSpan: 1, align: 'justify' as const, bold: false });
const head = (text: string, colSpan = 1) => ({ paragraphs: [text], colSpan, rowSpan: 1, align: 'center' as const, bold: true });
const section = (title: string, children: Block[]): Block => ({ kind: 'section', id: uuid(), title, style: 'heading', children });

/** The chi bộ đại hội plan, numbered, with its profile changed by `profile` and its text by `patch`. */
function chiBo(patch: (c: PlanContent) => void = () => {}, profile: Partial<FormatProfile> = {}, file = 'blank-chi-bo-dai-hoi.json'): () => PlanContent {
  return () => {
    const c = filledBlankPlan(file);
    c.header.number = '12';
    c.profile = { ...defaultFormatProfile(), ...profile };
    patch(c);
    return c;
  };
}

/** The level-2 section "Công tác tổ chức, phục vụ đại hội" of the chi bộ đại hội template, where teams are named. */
function serving(c: PlanContent): Block[] {
  const preparation = c.body[2];
  const s = preparation?.kind === 'section' ? preparation.children[2] : undefined;
  if (s?.kind !== 'section') throw new Error('the template changed: no "Công tác tổ chức, phục vụ đại hội"');
  return s.children;
}
/** The level-1 section "TIẾN ĐỘ THỰC HIỆN". */
function progress(c: PlanContent): Block[] {
  const s = c.body[3];
  if (s?.kind !== 'section') throw new Error('the template changed: no TIẾN ĐỘ THỰC HIỆN');
  return s.children;
}

const TEAM = [person('Nguyễn Thị Hoa', 'Bí thư Chi bộ', 'Tổ trưởng'), person('Lê Văn Bình', 'Phó Bí thư Chi bộ', 'Tổ phó'), person('Trần Thu Hà', 'Chi ủy viên', 'Thành viên')];
const LEAD = 'Chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:';

const cases: Case[] = [
  {
    name: 'căn cứ as a list, each reference with its own verb',
    plan: chiBo((c) => {
      c.canCu = {
        form: 'list',
        items: [
          { verb: 'Thi hành', text: 'Điều lệ Đảng Cộng sản Việt Nam', join: '' },
          { verb: 'Thực hiện', text: 'Hướng dẫn số 26-HD/BTCTW, ngày 15/11/2024 của Ban Tổ chức Trung ương', join: '' },
        ],
        lead: LEAD,
      };
    }),
    prints: ['- Thi hành Điều lệ Đảng Cộng sản Việt Nam;', '- Thực hiện Hướng dẫn số 26-HD/BTCTW, ngày 15/11/2024 của Ban Tổ chức Trung ương;', LEAD],
  },
  {
    name: 'căn cứ in one sentence: mixed verbs, two references joined by "và"',
    plan: chiBo((c) => {
      c.canCu = {
        form: 'sentence',
        items: [
          { verb: 'Thực hiện', text: 'Kế hoạch số 05-KH/ĐU, ngày 10/01/2026 của Đảng ủy xã Tân Lập về tổ chức đại hội các chi bộ trực thuộc', join: '' },
          { verb: 'Căn cứ', text: 'Điều lệ Đảng', join: '' },
          { verb: '', text: 'Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương', join: 'và' },
        ],
        lead: 'Ban chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:',
      };
    }),
    prints: [
      'Thực hiện Kế hoạch số 05-KH/ĐU, ngày 10/01/2026 của Đảng ủy xã Tân Lập về tổ chức đại hội các chi bộ trực thuộc; căn cứ Điều lệ Đảng và Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương, Ban chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:',
    ],
  },
  {
    name: 'căn cứ one paragraph each, without a dash',
    plan: chiBo((c) => {
      c.canCu = {
        form: 'paragraphs',
        items: [
          { verb: 'Thi hành', text: 'Điều lệ Đảng Cộng sản Việt Nam', join: '' },
          { verb: 'Thực hiện', text: 'Hướng dẫn số 26-HD/BTCTW, ngày 15/11/2024 của Ban Tổ chức Trung ương', join: '' },
          { verb: 'Căn cứ', text: 'tình hình thực tế của Chi bộ', join: '' },
        ],
        lead: LEAD,
      };
    }),
    prints: ['Thi hành Điều lệ Đảng Cộng sản Việt Nam;', 'Thực hiện Hướng dẫn số 26-HD/BTCTW, ngày 15/11/2024 của Ban Tổ chức Trung ương;', 'Căn cứ tình hình thực tế của Chi bộ;'],
  },
  {
    name: 'a chi bộ đại hội plan: two issuer lines, its cell symbol, T/M CHI BỘ',
    plan: chiBo((c) => void (c.header.number = '10')),
    prints: ['ĐẢNG BỘ XÃ TÂN LẬP', 'CHI BỘ TRƯỜNG TIỂU HỌC', 'Số 10-KH/CBTH', 'T/M CHI BỘ', 'BÍ THƯ', LEAD, '- Lưu Chi bộ.'],
  },
  ...['blank-chi-bo-kiem-diem.json', 'blank-chi-bo-hoc-tap-nghi-quyet.json', 'blank-dang-uy-co-so-dai-hoi.json', 'blank-dang-uy-co-so-nam-hoc.json'].map(
    (file): Case => ({ name: `the blank template ${file} filled`, plan: chiBo(() => {}, {}, file), prints: [...PROFILES[file]!.issuer.higherLines, `T/M ${PROFILES[file]!.signature.body}`, `Số 12-KH/${PROFILES[file]!.issuer.symbol}`] }),
  ),
  {
    name: 'a chi bộ plan started from the Đảng ủy xã template: lint names the other level, the print is correct',
    plan: () => filledBlankPlan('blank-dang-uy-xa.json', PROFILES['blank-chi-bo-dai-hoi.json']),
    prints: ['CHI BỘ TRƯỜNG TIỂU HỌC', 'Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:'],
    // The lead sentence, two "(b/c)" recipients above a chi bộ's own level and two duties of a Đảng ủy's bodies.
    lint: ['level.lead', 'level.recipient', 'level.recipient', 'level.duty', 'level.duty'],
  },
  {
    name: 'a short plan numbered from "1.": "1.", "1.1.", titles as typed; only the R18 warning',
    plan: chiBo(() => {}, { level1Style: '1.' }, 'blank-chi-bo-kiem-diem.json'),
    prints: ['1. MỤC ĐÍCH, YÊU CẦU', '1.1. Mục đích', '1.2. Yêu cầu'],
    warnings: ['R18'],
  },
  ...(
    [
      ['a)', 'a) Tổ văn kiện', 'b) Tổ phục vụ'],
      ['a.', 'a. Tổ văn kiện', 'b. Tổ phục vụ'],
      ['-', '- Tổ văn kiện', '- Tổ phục vụ'],
      ['+', '+ Tổ văn kiện', '+ Tổ phục vụ'],
    ] as const
  ).map(
    ([marker, first, second]): Case => ({
      name: `level-3 headings marked "${marker}", level 4 "+"`,
      plan: chiBo((c) => void serving(c).push(section('Tổ văn kiện', [section('Soạn báo cáo chính trị', [])]), section('Tổ phục vụ', [])), { level3Style: marker, level4Style: '+' }),
      prints: [first, second, '+ Soạn báo cáo chính trị'],
      lint: ['body.empty-section', 'body.empty-section'],
    }),
  ),
  {
    name: 'a table in the body: merged header cells, a repeated header row',
    plan: chiBo((c) =>
      progress(c).push({
        kind: 'table',
        id: uuid(),
        table: {
          columnWidths: [8, 52, 20, 20],
          headerRows: [{ cells: [head('TT'), head('Nội dung công việc'), head('Thời gian, người thực hiện', 2)] }],
          rows: [
            { cells: [cell('1'), cell('Xây dựng dự thảo báo cáo chính trị'), cell('Trước 15/3/2026'), cell('Tổ văn kiện')] },
            { cells: [cell('2'), cell('Chuẩn bị nhân sự chi ủy khóa mới'), cell('Trước 20/3/2026'), cell('Chi ủy')] },
          ],
        },
      }),
    ),
    prints: ['Nội dung công việc', 'Thời gian, người thực hiện', 'Chuẩn bị nhân sự chi ủy khóa mới'],
    more: ({ xml }) => {
      expect(xml).toMatch(/<w:gridSpan w:val="2"\/>/u);
      expect(xml).toMatch(/<w:tblHeader\/>/u);
    },
  },
  {
    name: 'a list of people as aligned lines: "Đ/c <họ tên> – <chức vụ> – <nhiệm vụ>", no tabs, no runs of spaces',
    plan: chiBo((c) => serving(c).push({ kind: 'paragraph', id: uuid(), text: 'Tổ văn kiện gồm các đồng chí:', emphasis: 'none' }, { kind: 'people', id: uuid(), prefix: 'Đ/c', print: 'lines', people: TEAM })),
    prints: ['Đ/c Nguyễn Thị Hoa', '– Bí thư Chi bộ', '– Tổ trưởng', 'Đ/c Lê Văn Bình', '– Phó Bí thư Chi bộ'],
    more: ({ xml, pdfLines }) => {
      expect(pdfLines.some((l) => /^Đ\/c Nguyễn Thị Hoa\s+– Bí thư Chi bộ\s+– Tổ trưởng$/u.test(l))).toBe(true);
      expect(xml).not.toMatch(/<w:tab\/>|  {2,}/u);
    },
  },
  {
    name: 'a list of people printed as a table TT / Họ và tên / Chức vụ / Nhiệm vụ',
    plan: chiBo((c) => serving(c).push({ kind: 'people', id: uuid(), prefix: 'Đ/c', print: 'table', people: TEAM })),
    prints: ['TT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ', 'Đ/c Trần Thu Hà', 'Chi ủy viên', 'Thành viên'],
  },
  {
    name: 'text typed in TCVN3 and VNI fonts, converted by the lint fix',
    plan: chiBo((c) => {
      c.trichYeu = 'tæ chøc ®¹i héi Chi bé Tr­êng TiÓu häc nhiÖm kú 2025 - 2030';
      serving(c).push({ kind: 'people', id: uuid(), prefix: 'Đ/c', print: 'lines', people: [person('Nguyeãn Thò Hoa', 'Bí thư Chi bộ', 'Tổ trưởng')] });
      const fixes = lintPlan(c).filter((f) => f.rule === 'text.legacy-font');
      expect(fixes.map((f) => f.path.at(-1))).toEqual(['trichYeu', 'name']);
      Object.assign(c, fixes.reduce((x, f) => applyLintFix(x, f.fix!)!, c));
    }),
    prints: ['tổ chức đại hội Chi bộ Trường Tiểu học nhiệm kỳ 2025 - 2030', 'Đ/c Nguyễn Thị Hoa'],
  },
  ...['ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP', 'ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT\nCÔNG NGHIỆP'].map(
    (name): Case => ({
      name: `a long issuer name${name.includes('\n') ? ' with the break she typed' : ', balanced on two lines'}`,
      plan: chiBo((c) => void (c.header.issuer.name = name), {}, 'blank-dang-uy-co-so-nam-hoc.json'),
      prints: [],
      more: ({ xml, pdfLines }) => {
        const [first, second] = name.includes('\n') ? name.split('\n') : ['ĐẢNG ỦY TRƯỜNG CAO ĐẲNG', 'KỸ THUẬT CÔNG NGHIỆP'];
        expect(xml).toMatch(new RegExp(`<w:t[^>]*>${first}</w:t></w:r><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:br/><w:t[^>]*>${second}</w:t>`, 'su'));
        expect(pdfLines.some((l) => l.startsWith(second!))).toBe(true);
      },
    }),
  ),
  {
    name: 'a number pasted the state way ("Số: 10-KH/CBTH"), split into number and symbol',
    plan: chiBo((c) => {
      const typed = parseTypedDocNumber('Số: 10-KH/CBTH')!;
      c.header.number = typed.number;
      c.header.issuer.symbol = typed.issuerSymbol;
    }),
    prints: ['Số 10-KH/CBTH'],
  },
];

async function render(name: string, content: PlanContent) {
  const bytes = await renderPlanDocx(content);
  const docx = await writeTemp(`${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}.docx`, bytes);
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const texts = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gsu)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''));
  const pdf = await convertToPdf(docx);
  return { report: await checkRendered(docx, pdf), texts, xml, pdfLines: (await pdfText(pdf)).split('\n').map((l) => l.trim()) };
}

describe('plans of every level, from data to .docx through the format checker', () => {
  it.each(cases)('$name', { timeout: 300_000 }, async (c) => {
    const content = c.plan();
    expect(lintPlan(content).map((f) => f.rule)).toEqual(c.lint ?? []);
    const r = await render(c.name, content);
    for (const line of c.prints) expect(r.texts, line).toContain(line);
    c.more?.(r);
    expect(failed(r.report, 'E')).toEqual([]);
    expect(failed(r.report, 'W').map((w) => w.split(':')[0])).toEqual(c.warnings ?? []);
  });
});
