import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeLayout, headingNumber, layoutToPlainText, tieuDeWidthMm, type DocumentLayout, type LayoutParagraph } from '../../shared/layout';
import { FormatProfile, PlanContent, TemplateFile, defaultFormatProfile, type PlanContentInput } from '../../shared/model';
import { removeSequence, wordRatio, words, wordsFromTitleToSigner } from '../docx/similarity';

let n = 0;
const id = () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
const text = (p: LayoutParagraph) => p.runs.map((r) => r.text).join('');

function plan(over: Partial<PlanContentInput> = {}): PlanContent {
  return PlanContent.parse({
    header: {
      issuer: { higherLines: ['Đảng bộ tỉnh Điện Biên'], name: 'Huyện ủy Điện Biên', symbol: 'HU' },
      number: '5',
      place: 'Điện Biên',
      date: { day: 5, month: 2, year: 2025 },
      secrecy: 'MẬT',
      urgency: 'KHẨN',
      draftLabel: 'Dự thảo lần 2',
    },
    trichYeu: 'Dòng một\nDòng hai',
    canCu: { form: 'list', items: [{ verb: 'Căn cứ', text: 'A', join: '' }], lead: 'Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:' },
    body: [
      {
        kind: 'section',
        id: id(),
        title: 'Mục đích, yêu cầu',
        children: [
          { kind: 'section', id: id(), title: 'Mục đích *nghiêng*[^Chú thích một].', style: 'runin', children: [] },
          {
            kind: 'section',
            id: id(),
            title: 'Yêu cầu',
            children: [
              { kind: 'section', id: id(), title: 'Cấp ba thứ nhất', children: [] },
              { kind: 'section', id: id(), title: 'Cấp ba thứ hai', children: [{ kind: 'section', id: id(), title: 'Cấp bốn', children: [] }] },
            ],
          },
        ],
      },
      {
        kind: 'section',
        id: id(),
        title: 'Tổ chức thực hiện',
        children: [
          { kind: 'duty', id: id(), body: 'Ban Thường vụ Huyện ủy', tasks: [{ id: id(), text: 'Việc một[^Chú thích hai].' }] },
          { kind: 'section', id: id(), title: 'Một mục xen giữa', children: [{ kind: 'item', id: id(), marker: '+', text: 'ý cộng' }] },
          { kind: 'duty', id: id(), body: 'Văn phòng Huyện ủy', headingSuffix: ':', taskStyle: 'plain', tasks: [{ id: id(), text: 'Việc hai.' }] },
          { kind: 'note', id: id(), text: 'Ghi chú cuối' },
          { kind: 'paragraph', id: id(), text: '(địa điểm có giấy mời sau)', emphasis: 'italic' },
        ],
      },
    ],
    recipients: [
      { id: id(), text: 'Thường trực Tỉnh ủy', note: '(b/c)' },
      { id: id(), text: 'Lưu Văn phòng Huyện ủy' },
    ],
    signature: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Tần Thị Quế' },
    appendices: [
      {
        id: id(),
        title: 'VỀ TIẾN ĐỘ',
        tables: [
          {
            columnWidths: [1, 2, 2],
            headerRows: [{ cells: [{ paragraphs: ['Thời gian'], rowSpan: 2 }, { paragraphs: ['Nội dung'], colSpan: 2 }] }, { cells: [{ paragraphs: ['Tỉnh'] }, { paragraphs: ['Huyện'] }] }],
            rows: [{ cells: [{ paragraphs: ['Quý III/2024'], align: 'center' }, { paragraphs: ['**Ban Thường vụ**', '- Việc'] }, { paragraphs: ['- Việc khác'] }] }],
          },
        ],
      },
    ],
    ...over,
  });
}

const compose = (c: PlanContent, profile: FormatProfile = defaultFormatProfile()): DocumentLayout => composeLayout(c, profile);

describe('composeLayout: numbering', () => {
  const layout = compose(plan());
  const headings = layout.body.filter((b) => b.kind === 'heading').map((b) => [b.role, text(b)]);

  it('numbers I. / 1. / 1.1. and shares the numbering between sections and duty blocks', () => {
    expect(headings).toEqual([
      ['heading1', 'I. MỤC ĐÍCH, YÊU CẦU'],
      ['runin', '1. Mục đích nghiêng1.'],
      ['heading2', '2. Yêu cầu'],
      ['heading3', '2.1. Cấp ba thứ nhất'],
      ['heading3', '2.2. Cấp ba thứ hai'],
      ['heading3', '2.2.1. Cấp bốn'],
      ['heading1', 'II. TỔ CHỨC THỰC HIỆN'],
      ['heading2', '1. Ban Thường vụ Huyện ủy'],
      ['heading2', '2. Một mục xen giữa'],
      ['heading2', '3. Văn phòng Huyện ủy:'],
    ]);
  });

  it('follows the profile: "I-" and "a)"', () => {
    const profile = FormatProfile.parse({ level1Style: 'I-', level3Style: 'a)' });
    const h = compose(plan(), profile).body.filter((b) => b.kind === 'heading').map((b) => ('number' in b ? b.number : ''));
    expect(h).toEqual(['I-', '1.', '2.', 'a)', 'b)', '2.2.1.', 'II-', '1.', '2.', '3.']);
  });

  it('follows each deeper level\'s marker of the plan: "a.", "-", "+"', () => {
    const numbers = (p: Partial<FormatProfile>) =>
      compose(plan(), FormatProfile.parse(p)).body.filter((b) => b.kind === 'heading').map((b) => ('number' in b ? b.number : ''));
    expect(numbers({ level3Style: 'a.', level4Style: '-' })).toEqual(['I.', '1.', '2.', 'a.', 'b.', '-', 'II.', '1.', '2.', '3.']);
    expect(numbers({ level3Style: '-', level4Style: '+' })).toEqual(['I.', '1.', '2.', '-', '-', '+', 'II.', '1.', '2.', '3.']);
    expect(numbers({ level1Style: '1.', level3Style: 'a)', level4Style: 'a.' })).toEqual(['1.', '1.1.', '1.2.', 'a)', 'b)', 'a.', '2.', '2.1.', '2.2.', '2.3.']);
    expect(headingNumber(FormatProfile.parse({}), [1, 2, 3, 4, 5])).toBe('2.3.4.5.');
  });

  it('writes items, notes, plain tasks and italic paragraphs with their roles', () => {
    const rest = layout.body.flatMap((b) => (b.kind === 'heading' || b.kind === 'table' ? [] : [[b.role, text(b)]]));
    expect(rest).toEqual([
      ['body', '- Căn cứ A;'],
      ['body', 'Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:'],
      ['item', '- Việc một2.'],
      ['item', '+ ý cộng'],
      ['body', 'Việc hai.'],
      ['note', '* Ghi chú cuối'],
      ['body-italic', '(địa điểm có giấy mời sau)'],
    ]);
  });

  it('numbers footnotes in order and marks inline formatting', () => {
    expect(layout.footnotes.map((f) => [f.id, text(f.paragraph)])).toEqual([
      [1, 'Chú thích một'],
      [2, 'Chú thích hai'],
    ]);
    const runin = layout.body.find((b) => b.kind !== 'table' && b.role === 'runin')!;
    if (runin.kind === 'table') throw new Error('a run-in paragraph expected');
    expect(runin.runs).toEqual([{ text: '1. ' }, { text: 'Mục đích ' }, { text: 'nghiêng', italic: true }, { text: '1', footnoteRef: 1 }, { text: '.' }]);
  });
});

describe('composeLayout: header, title, closing', () => {
  const layout = compose(plan());

  it('lays the header out in two rows so the date sits level with the number', () => {
    const [top, bottom] = layout.header.rows;
    expect(top.left.map((p) => [p.role, text(p)])).toEqual([
      ['header-higher', 'ĐẢNG BỘ TỈNH ĐIỆN BIÊN'],
      ['header-issuer', 'HUYỆN ỦY ĐIỆN BIÊN'],
      ['header-star', '*'],
    ]);
    expect(top.right.map(text)).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(bottom.left.map((p) => [p.role, text(p)])).toEqual([
      ['header-number', 'Số 05-KH/HU'],
      ['header-mark', 'MẬT'],
      ['header-mark', 'KHẨN'],
    ]);
    expect(bottom.right.map((p) => [p.role, text(p)])).toEqual([
      ['header-date', 'Điện Biên, ngày 05 tháng 02 năm 2025'],
      ['header-draft', 'Dự thảo lần 2'],
    ]);
    expect(layout.header.leftWidthMm + layout.header.rightWidthMm).toBeCloseTo(165);
    expect(layout.header.rightWidthMm).toBeGreaterThanOrEqual(tieuDeWidthMm(15) + 12);
    expect(layout.header.rule.lengthMm).toBeCloseTo(72.9, 0);
  });

  it('keeps the tiêu đề column wide enough at any issuer length, and widens it for a long date line', () => {
    const long = compose(plan({ header: { ...plan().header, issuer: { higherLines: [], name: 'ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG, MẶT TRẬN, ĐOÀN THỂ VÀ CHÍNH QUYỀN TỈNH THỪA THIÊN HUẾ', symbol: 'ĐU' } } }));
    expect(long.header.rightWidthMm).toBe(layout.header.rightWidthMm);
    const wide = compose(plan({ header: { ...plan().header, place: 'Thừa Thiên Huế', date: { day: null, month: 8, year: 2024 } } }));
    expect(text(wide.header.rows[1].right[0]!)).toBe('Thừa Thiên Huế, ngày      tháng 8 năm 2024');
    expect(wide.header.rightWidthMm).toBeGreaterThan(layout.header.rightWidthMm);
    expect(wide.header.leftWidthMm).toBeGreaterThanOrEqual(60);
  });

  it('writes a blank number for an unnumbered draft', () => {
    const draft = compose(plan({ header: { ...plan().header, number: '' } }));
    expect(text(draft.header.rows[1].left[0]!)).toBe('Số      -KH/HU');
  });

  it('writes the title block, with the trích yếu line breaks', () => {
    expect(layout.title.map((p) => p.role)).toEqual(['title', 'trich-yeu', 'separator']);
    expect(text(layout.title[0]!)).toBe('KẾ HOẠCH');
    expect(layout.title[1]!.runs).toEqual([{ text: 'Dòng một' }, { text: 'Dòng hai', breakBefore: true }]);
    expect(text(layout.title[2]!)).toBe('-----');
  });

  it('writes the closing block', () => {
    expect(layout.closing.left.map((p) => [p.role, text(p)])).toEqual([
      ['recipients-heading', 'Nơi nhận:'],
      ['recipient', '- Thường trực Tỉnh ủy (b/c),'],
      ['recipient', '- Lưu Văn phòng Huyện ủy.'],
    ]);
    expect(layout.closing.right.map((p) => [p.role, text(p)])).toEqual([
      ['signature-authority', 'T/M BAN THƯỜNG VỤ'],
      ['signature-title', 'BÍ THƯ'],
      ['signature-gap', ''],
      ['signature-gap', ''],
      ['signature-gap', ''],
      ['signature-gap', ''],
      ['signature-name', 'Tần Thị Quế'],
    ]);
    const semi = compose(plan(), FormatProfile.parse({ recipientPunctuation: ';' }));
    expect(text(semi.closing.left[1]!)).toBe('- Thường trực Tỉnh ủy (b/c);');
  });

  it('keeps the body\'s last paragraph, and only it, with the closing block', () => {
    const paragraphs = layout.body.flatMap((b) => (b.kind === 'table' ? [] : [b]));
    expect(paragraphs.filter((p) => p.keepWithNext).map((p) => p.sourceId ?? text(p))).toEqual([paragraphs.at(-1)!.sourceId ?? text(paragraphs.at(-1)!)]);
  });
});

describe('composeLayout: appendices, page, styles', () => {
  const layout = compose(plan());

  it('writes the appendix with its derived line and the table geometry', () => {
    const [a] = layout.appendices;
    expect(text(a!.label)).toBe('PHỤ LỤC');
    expect(text(a!.name!)).toBe('VỀ TIẾN ĐỘ');
    expect(text(a!.line)).toBe('(Kèm theo Kế hoạch số 05-KH/HU, ngày 05/02/2025 của Ban Thường vụ Huyện ủy)');
    const t = a!.tables[0]!;
    expect(t.columnWidthsMm).toEqual([33, 66, 66]);
    expect(t.headerRows[0]!.cells.map((c) => [c.rowSpan, c.colSpan])).toEqual([[2, 1], [1, 2]]);
    expect(t.headerRows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.map((p) => p.role)))).toEqual(Array(4).fill('table-header'));
    const [time, prov] = t.rows[0]!.cells;
    expect(time!.paragraphs[0]!.align).toBe('center');
    expect(prov!.paragraphs.map((p) => p.runs)).toEqual([[{ text: 'Ban Thường vụ', bold: true }], [{ text: '- Việc' }]]);
  });

  it('takes appendixIssuedBy when given (with or without a leading "của")', () => {
    const withBy = compose(plan({ appendixIssuedBy: 'của Tỉnh ủy' }));
    expect(text(withBy.appendices[0]!.line)).toBe('(Kèm theo Kế hoạch số 05-KH/HU, ngày 05/02/2025 của Tỉnh ủy)');
  });

  it('carries the page and the profile numbers', () => {
    expect(layout.page).toMatchObject({ widthTwip: 11906, heightTwip: 16838, textWidthMm: 165, margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 } });
    expect(layout.pageNumbers).toEqual({ position: 'top-center', sizePt: 14, fromPage: 2 });
    expect(layout.styles.body).toMatchObject({ sizePt: 14, align: 'justify', firstLineIndentMm: 10, beforePt: 6, lineExactPt: 18 });
    expect(layout.styles.heading1).toMatchObject({ bold: true, keepWithNext: true });
    expect(layout.styles.heading3).toMatchObject({ bold: true, italic: true });
    expect(layout.styles['header-tieude']).toMatchObject({ sizePt: 15, bold: true, align: 'center' });
    expect(layout.styles.title).toMatchObject({ sizePt: 16, bold: true });
    expect(layout.styles.recipient.sizePt).toBe(12);
    expect(layout.styles.footnote.sizePt).toBe(12);
    expect(layout.styles['table-cell'].sizePt).toBe(13);
    const custom = compose(plan(), FormatProfile.parse({ margins: { topMm: 25, bottomMm: 20, leftMm: 35, rightMm: 20 }, sizes: { header: 13, tieuDe: 15, tenLoai: 15, trichYeu: 14, body: 15, recipients: 11, table: 12, footnote: 10, signature: 14, pageNumber: 13 }, pageNumber: 'bottom-right' }));
    expect(custom.page.textWidthMm).toBe(155);
    expect(custom.header.leftWidthMm + custom.header.rightWidthMm).toBeCloseTo(155);
    expect(custom.styles.body.sizePt).toBe(15);
    expect(custom.pageNumbers).toEqual({ position: 'bottom-right', sizePt: 13, fromPage: 2 });
  });
});

describe('composeLayout on the seed templates', () => {
  const dir = resolve(__dirname, '../../resources/templates');
  const seeds = resolve(__dirname, '../../../shared/seeds');
  const files = readdirSync(dir).filter((f) => /^seed-.*\.json$/u.test(f)).sort();

  it.each(files)('%s reads like its seed text (similarity ≥ 0.99 before printing)', (file) => {
    const t = TemplateFile.parse(JSON.parse(readFileSync(resolve(dir, file), 'utf8')));
    const seedTxt = readdirSync(seeds).find((f) => f.startsWith(file.replace(/^seed-(\d+).*$/u, '$1-')))!;
    const signer = t.content.signature.signer;
    const expected = wordsFromTitleToSigner(readFileSync(resolve(seeds, seedTxt), 'utf8'), signer);
    const layout = compose(t.content, t.content.profile ?? defaultFormatProfile());
    // The plain text lists footnotes last; the seed prints them at the foot of its own page: compare without them.
    const actual = wordsFromTitleToSigner(layoutToPlainText({ ...layout, footnotes: [] }), signer);
    for (const note of layout.footnotes) expect(removeSequence(expected, words(text(note.paragraph)), String(note.id))).toBe(true);
    const ratio = wordRatio(expected, actual);
    expect(ratio).toBeGreaterThanOrEqual(0.99);
  });
});

describe('composeLayout: a long appendix is not composed again while typing elsewhere', () => {
  it('reuses the layout of an unchanged table, composes a changed one, and follows the text width', () => {
    const before = plan();
    const first = compose(before);
    const typed = { ...before, trichYeu: `${before.trichYeu} thêm` };
    const again = compose(typed);
    expect(again.appendices[0]!.tables[0]).toBe(first.appendices[0]!.tables[0]);

    const table = before.appendices[0]!.tables[0]!;
    const edited = { ...typed, appendices: [{ ...before.appendices[0]!, tables: [{ ...table, rows: [...table.rows, table.rows[0]!] }] }] };
    const changed = compose(edited);
    expect(changed.appendices[0]!.tables[0]).not.toBe(first.appendices[0]!.tables[0]);
    expect(changed.appendices[0]!.tables[0]!.rows).toHaveLength(2);

    const profile = defaultFormatProfile();
    const wider = compose(typed, { ...profile, margins: { ...profile.margins, leftMm: profile.margins.leftMm - 5 } });
    expect(wider.appendices[0]!.tables[0]!.columnWidthsMm).not.toEqual(first.appendices[0]!.tables[0]!.columnWidthsMm);
  });

  it('composes a table with footnotes every time (its numbers depend on the notes before it)', () => {
    const table = plan().appendices[0]!.tables[0]!;
    const withNote = (bodyNote: boolean) =>
      plan({
        canCu: { form: 'list', items: [{ verb: 'Căn cứ', text: bodyNote ? 'A[^Chú thích ở căn cứ]' : 'A', join: '' }], lead: 'Ban hành:' },
        appendices: [{ id: '00000000-0000-4000-8000-0000000000aa', title: 'T', intro: [], tables: [{ ...table, rows: [{ cells: [{ paragraphs: ['Việc[^ở bảng]'] }] }] }] }],
      } as Partial<PlanContentInput>);
    const noteRef = (l: DocumentLayout) => l.appendices[0]!.tables[0]!.rows[0]!.cells[0]!.paragraphs[0]!.runs.find((r) => r.footnoteRef)?.footnoteRef;
    const without = noteRef(compose(withNote(false)))!;
    expect(without).toBeGreaterThan(0);
    expect(noteRef(compose(withNote(true)))).toBe(without + 1);
  });
});
