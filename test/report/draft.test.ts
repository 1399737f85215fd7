import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPlaceDateLine } from '../../shared/format';
import { composeLayout, layoutToPlainText, type LayoutParagraph } from '../../shared/layout';
import { lintPlan } from '../../shared/lint';
import { PlanContent, TemplateFile, defaultFormatProfile, type Block } from '../../shared/model';
import { draftReport, planTasks, reportAsOf } from '../../shared/report';
import { REPORT_PLAN_ID, draft40TaskReport, plan40Tasks } from '../fixtures/report-40-tasks';
import { idMaker } from '../fixtures/synthetic-ids';

const text = (p: LayoutParagraph) => p.runs.map((r) => r.text).join('');
const titles = (blocks: Block[]) => blocks.map((b) => (b.kind === 'section' ? b.title : b.kind));

describe('drafting a BÁO CÁO kết quả thực hiện kế hoạch', () => {
  const report = draft40TaskReport();
  const layout = composeLayout(report, defaultFormatProfile());

  it('is a BC document linked to its plan and period, dated on the drafting day, unnumbered', () => {
    expect(report.header.docType).toBe('BC');
    expect(report.header.number).toBe('');
    expect(report.header.date).toEqual({ day: '15', month: '6', year: '2025' });
    expect(report.report).toEqual({ planIds: [REPORT_PLAN_ID], period: '2025-H1', asOf: '2025-06-15' });
    expect(report.term).toBe('2020-2025');
    expect(report.signature.signer).toBe('Tần Thị Quế');
  });

  it('prints tên loại BÁO CÁO, "Số -BC/HU" and the trích yếu naming the plan, its date and its issuer', () => {
    expect(layout.title.map(text)).toEqual([
      'BÁO CÁO',
      'kết quả 6 tháng đầu năm 2025 thực hiện Kế hoạch số 12-KH/HU, ngày 05/11/2024 của Ban Thường vụ Huyện ủy về thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
      '-----',
    ]);
    expect(text(layout.header.rows[1]!.left[0]!)).toBe('Số      -BC/HU');
  });

  it('has the five sections of THE-THUC.md, with II per body and task from the progress reports', () => {
    expect(titles(report.body)).toEqual([
      'Công tác lãnh đạo, chỉ đạo, triển khai thực hiện',
      'Kết quả thực hiện',
      'Đánh giá chung',
      'Nhiệm vụ, giải pháp thời gian tới',
      'Đề xuất, kiến nghị',
    ]);
    const results = report.body[1] as Extract<Block, { kind: 'section' }>;
    expect(titles(results.children)).toEqual([
      'paragraph',
      'Ban Tổ chức Huyện ủy',
      'Ban Tuyên giáo Huyện ủy',
      'Ủy ban Kiểm tra Huyện ủy',
      'Văn phòng Huyện ủy',
      'Đảng ủy xã Bình Lư',
      'Đảng ủy thị trấn Tam Đường',
    ]);
    const plain = layoutToPlainText(layout);
    // 40 tasks: 5 on time, 5 late, 1 cancelled; 5 overdue among the 29 not done.
    expect(plain).toContain('Tổng số 40 nhiệm vụ: đã hoàn thành 10 nhiệm vụ (đúng hạn 5, quá hạn 5); chưa hoàn thành 29 nhiệm vụ (trong hạn 24, quá hạn 5); hủy 1 nhiệm vụ.');
    expect(plain).toContain(
      '- Tham mưu xây dựng kế hoạch chi tiết, hướng dẫn các chi bộ, đảng bộ cơ sở triển khai thực hiện (nhiệm vụ 1): hoàn thành đúng hạn. Đã triển khai đến 10 chi bộ, đảng bộ cơ sở; đạt 50% kế hoạch.',
    );
    expect(plain).toContain('III. ĐÁNH GIÁ CHUNG');
    expect(plain).toContain('2. Hạn chế, khuyết điểm và nguyên nhân');
    expect(plain).toContain('Còn 5 nhiệm vụ quá hạn chưa hoàn thành:');
  });

  it('closes with the plan’s nơi nhận it reports to, its archive line and its signature', () => {
    expect(report.recipients.map((r) => `${r.text} ${r.note}`.trim())).toEqual(['Thường trực Tỉnh ủy (b/c)', 'Ban Tổ chức Tỉnh ủy (b/c)', 'Lưu Văn phòng Huyện ủy']);
    expect(layout.closing.right.map(text).filter(Boolean)).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Tần Thị Quế']);
  });

  it('appends a table of every task: body, deadline, status, result, under "Kèm theo Báo cáo số …"', () => {
    const [appendix] = layout.appendices;
    expect(text(appendix!.line)).toBe('(Kèm theo Báo cáo số      -BC/HU, ngày 15/6/2025 của Ban Thường vụ Huyện ủy)');
    const table = report.appendices[0]!.tables[0]!;
    expect(table.headerRows[0]!.cells.map((c) => c.paragraphs[0])).toEqual(['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng', 'Kết quả']);
    expect(table.rows).toHaveLength(40);
    const row = (i: number) => table.rows[i]!.cells.map((c) => c.paragraphs[0]);
    expect(row(0)).toEqual([
      '1',
      'Tham mưu xây dựng kế hoạch chi tiết, hướng dẫn các chi bộ, đảng bộ cơ sở triển khai thực hiện (nhiệm vụ 1).',
      'Ban Tổ chức Huyện ủy',
      '10/01/2025',
      'Hoàn thành đúng hạn',
      'Đã triển khai đến 10 chi bộ, đảng bộ cơ sở; đạt 50% kế hoạch.',
    ]);
    expect(row(7)!.slice(2, 5)).toEqual(['Ban Tuyên giáo Huyện ủy', 'chậm nhất 03 ngày sau khi kết thúc đại hội', 'Tạm dừng']);
    expect(row(8)![3]).toBe('Thường xuyên');
    expect(row(9)![3]).toBe('Hằng quý');
    expect(row(39)![4]).toBe('Hủy');
  });

  it('lints without errors, and the KẾ HOẠCH-only deadline warning does not fire on a BC dated after the deadlines', () => {
    expect(lintPlan(report).filter((f) => f.severity === 'error')).toEqual([]);
    // A BC that quotes a duty block with its (past) deadlines: no "hạn sớm hơn ngày kế hoạch".
    const plan = plan40Tasks();
    const withDuty = PlanContent.parse({ ...report, body: [...report.body, plan.body[1]!] });
    expect(lintPlan(withDuty).map((f) => f.rule)).not.toContain('task.due-before-plan');
    const asPlan = PlanContent.parse({ ...withDuty, header: { ...withDuty.header, docType: 'KH' } });
    expect(lintPlan(asPlan).map((f) => f.rule)).toContain('task.due-before-plan');
  });

  it('without recorded progress, reads each status from the deadline alone on the day', () => {
    const plan = plan40Tasks();
    const drafted = draftReport({ plans: [{ id: REPORT_PLAN_ID, content: plan, progress: new Map() }], period: null, asOf: '2025-03-06', today: '2025-03-06', newId: idMaker(1) });
    const rows = drafted.appendices[0]!.tables[0]!.rows.map((r) => r.cells[4]!.paragraphs[0]);
    expect(rows[0]).toBe('Quá hạn'); // due 10/01/2025
    expect(rows[2]).toBe('Sắp đến hạn'); // due 12/03/2025
    expect(rows[3]).toBe('Chưa thực hiện'); // due 13/04/2025
    expect(rows[8]).toBe('Thường xuyên');
    expect(drafted.trichYeu.startsWith('kết quả thực hiện Kế hoạch số 12-KH/HU')).toBe(true);
    expect(planTasks(plan)).toHaveLength(40);
  });

  it('reads a period on its last day, or on today while it runs', () => {
    expect(reportAsOf('2025-Q1', '2025-04-10')).toBe('2025-03-31');
    expect(reportAsOf('2025-H2', '2025-09-01')).toBe('2025-09-01');
    expect(reportAsOf('2024', '2025-01-05')).toBe('2024-12-31');
    expect(reportAsOf(null, '2025-01-05')).toBe('2025-01-05');
  });

  it('names a plan dated with a blank day as its own place-and-date line prints it (ngày … tháng 8 năm 2024)', () => {
    const plan = plan40Tasks();
    const blankDay = { ...plan, header: { ...plan.header, date: { day: '', month: '8', year: '2024' } } };
    const drafted = draftReport({ plans: [{ id: REPORT_PLAN_ID, content: blankDay, progress: new Map() }], period: null, asOf: '2025-06-15', today: '2025-06-15', newId: idMaker(3) });
    const planDate = formatPlaceDateLine('', blankDay.header.date);
    expect(planDate).toBe('ngày      tháng 8 năm 2024');
    expect(drafted.trichYeu).toContain(`Kế hoạch số 12-KH/HU, ${planDate} của Ban Thường vụ Huyện ủy về`);
    expect(drafted.trichYeu).not.toMatch(/ngày\s+\/8\/2024/u);
  });

  it('spans several plans of one issuer: both references in the trích yếu, results per plan', () => {
    const a = plan40Tasks();
    const seed = TemplateFile.parse(JSON.parse(readFileSync(resolve(__dirname, '../../resources/templates/seed-01-huyen-uy-dai-hoi-diem.json'), 'utf8'))).content;
    const drafted = draftReport({
      plans: [
        { id: REPORT_PLAN_ID, content: a, progress: new Map() },
        { id: '0000bc00-0000-4000-8000-000000000002', content: seed, progress: new Map() },
      ],
      period: '2025-Q1',
      asOf: '2025-03-31',
      today: '2025-04-02',
      newId: idMaker(2),
    });
    expect(drafted.trichYeu).toBe('kết quả quý I/2025 thực hiện Kế hoạch số 12-KH/HU, ngày 05/11/2024 và Kế hoạch số 315-KH/HU, ngày 15/10/2024 của Ban Thường vụ Huyện ủy');
    const results = drafted.body[1] as Extract<Block, { kind: 'section' }>;
    expect(titles(results.children).slice(1)).toEqual(['Thực hiện Kế hoạch số 12-KH/HU', 'Thực hiện Kế hoạch số 315-KH/HU']);
    expect(drafted.report?.planIds).toHaveLength(2);
  });

  it('leaves content stored before reports existed a KẾ HOẠCH with no report link', () => {
    const old = plan40Tasks() as Record<string, unknown>;
    const { docType: _dropped, ...header } = old.header as Record<string, unknown>;
    const parsed = PlanContent.parse({ ...old, header });
    expect(parsed.header.docType).toBe('KH');
    expect('report' in parsed).toBe(false);
    expect(composeLayout(parsed, defaultFormatProfile()).title.map(text)[0]).toBe('KẾ HOẠCH');
  });
});
