import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { plan40Tasks } from '../fixtures/report-40-tasks';
import { call, callError, cleanup, tempDir } from './helpers';

afterEach(cleanup);

const opened: Backend[] = [];
afterEach(() => opened.splice(0).forEach((b) => b.close()));

/** A backend whose clock reads 15/6/2025, 09:00 local time. */
function backendOn15June(): Backend {
  const backend = createBackend({ dataDir: tempDir(), appVersion: '9.9.9-test', clock: () => new Date(2025, 5, 15, 9).getTime() });
  opened.push(backend);
  return backend;
}

async function savedPlan(backend: Backend) {
  return call(backend, 'plan.save', { ...plan40Tasks(), id: crypto.randomUUID(), baseRevision: null });
}

describe('Lập báo cáo (report.draft)', () => {
  it('stores a new BC draft linked to the plan, dated today, with the plan’s tasks and their status on the day', async () => {
    const backend = backendOn15June();
    const plan = await savedPlan(backend);
    const report = await call(backend, 'report.draft', { planIds: [plan.id], period: '2025-H1' });
    expect(report.id).not.toBe(plan.id);
    expect(report.status).toBe('draft');
    expect(report.header).toMatchObject({ docType: 'BC', number: '', date: { day: '15', month: '6', year: '2025' } });
    expect(report.report).toEqual({ planIds: [plan.id], period: '2025-H1', asOf: '2025-06-15' });
    expect(report.trichYeu).toMatch(/^kết quả 6 tháng đầu năm 2025 thực hiện Kế hoạch số 12-KH\/HU, ngày 05\/11\/2024 của Ban Thường vụ Huyện ủy về /u);
    const rows = report.appendices[0]!.tables[0]!.rows;
    expect(rows).toHaveLength(40);
    // Nothing recorded yet: each status comes from the deadline (10/01/2025 is past, 15/6/2025 is today, 16/7/2025 ahead).
    expect(rows.map((r) => r.cells[4]!.paragraphs[0]).slice(0, 7)).toEqual(['Quá hạn', 'Quá hạn', 'Quá hạn', 'Quá hạn', 'Quá hạn', 'Sắp đến hạn', 'Chưa thực hiện']);
    // Stored like a plan: its history, the list (with its type), the plan's reports.
    expect((await call(backend, 'plan.revisions', { id: report.id })).items.map((r) => r.reason)).toEqual(['create']);
    const list = await call(backend, 'plan.list', { query: '' });
    expect(list.items.map((p) => [p.id, p.docType])).toEqual([
      [report.id, 'BC'],
      [plan.id, 'KH'],
    ]);
    expect((await call(backend, 'plan.list', { query: '', docType: 'BC' })).items.map((p) => p.id)).toEqual([report.id]);
    expect((await call(backend, 'plan.list', { query: '', docType: 'KH' })).items.map((p) => p.id)).toEqual([plan.id]);
    expect((await call(backend, 'report.ofPlan', { id: plan.id })).items.map((p) => p.id)).toEqual([report.id]);
    await call(backend, 'plan.remove', { id: report.id });
    expect((await call(backend, 'report.ofPlan', { id: plan.id })).items).toEqual([]);
  });

  it('on an issued plan, reads each tracked task’s status on the day and its latest progress report; a BC tracks no task', async () => {
    const backend = backendOn15June();
    const plan = await savedPlan(backend);
    await call(backend, 'plan.issue', { id: plan.id });
    const tracked = (await call(backend, 'task.list', { planId: plan.id, limit: 500 })).items;
    expect(tracked).toHaveLength(40);
    const bySource = (sourceId: string) => tracked.find((t) => t.sourceId === sourceId)!;
    const [t1, t2] = plan40Tasks().body.flatMap((b) => (b.kind === 'section' ? b.children : [])).flatMap((b) => (b.kind === 'duty' ? b.tasks : []));
    await call(backend, 'task.setState', { taskId: bySource(t1!.id).id, action: 'complete', date: '2025-05-20' });
    await call(backend, 'task.addReport', { taskId: bySource(t2!.id).id, date: '2025-03-01', text: 'Đã ban hành hướng dẫn.', percent: 30 });
    await call(backend, 'task.addReport', { taskId: bySource(t2!.id).id, date: '2025-06-01', text: 'Đã tổ chức 12 hội nghị quán triệt.', percent: 80 });
    await call(backend, 'task.addReport', { taskId: bySource(t2!.id).id, date: '2025-06-10', text: 'Đã tổ chức 15 hội nghị quán triệt.', percent: 90 });

    const report = await call(backend, 'report.draft', { planIds: [plan.id], period: '2025-Q2' });
    const rows = report.appendices[0]!.tables[0]!.rows.map((r) => r.cells.map((c) => c.paragraphs[0]));
    expect(rows[0]!.slice(4)).toEqual(['Hoàn thành quá hạn', '']);
    expect(rows[1]!.slice(4)).toEqual(['Quá hạn', 'Đã tổ chức 15 hội nghị quán triệt.']);
    // The first quarter's report reads the day the quarter ended: the later reports and the completion do not count yet.
    const q1 = await call(backend, 'report.draft', { planIds: [plan.id], period: '2025-Q1' });
    const q1Rows = q1.appendices[0]!.tables[0]!.rows.map((r) => r.cells.map((c) => c.paragraphs[0]));
    expect(q1.report?.asOf).toBe('2025-03-31');
    expect(q1Rows[0]!.slice(4)).toEqual(['Quá hạn', '']);
    expect(q1Rows[1]!.slice(4)).toEqual(['Quá hạn', 'Đã ban hành hướng dẫn.']);

    // Issuing the report adds no tracked task.
    await call(backend, 'plan.allocateNumber', { id: report.id });
    await call(backend, 'plan.issue', { id: report.id });
    expect((await call(backend, 'task.list', { limit: 500 })).total).toBe(40);
  });

  it('numbers reports from the register’s BC book, independent of the KH book', async () => {
    const backend = backendOn15June();
    const plan = await savedPlan(backend);
    const other = await savedPlan(backend);
    const first = await call(backend, 'report.draft', { planIds: [plan.id] });
    const second = await call(backend, 'report.draft', { planIds: [plan.id, other.id] });
    expect((await call(backend, 'plan.allocateNumber', { id: first.id })).header.number).toBe('01');
    expect((await call(backend, 'plan.allocateNumber', { id: plan.id })).header.number).toBe('01');
    expect((await call(backend, 'plan.allocateNumber', { id: second.id })).header.number).toBe('02');
    expect((await call(backend, 'plan.allocateNumber', { id: other.id })).header.number).toBe('02');
    const book = await call(backend, 'register.list', {});
    expect(book.docTypes).toEqual(['BC', 'KH']);
    expect(book.entries.filter((e) => e.docType === 'BC').map((e) => [e.number, e.plan?.id])).toEqual([
      ['01', first.id],
      ['02', second.id],
    ]);
    const docx = await call(backend, 'plan.renderDocx', { id: first.id });
    expect(docx.fileName).toBe('BC-01-BC-HU-2025.docx');
    // A numbered report lints clean and issues like a plan.
    expect((await call(backend, 'plan.lint', { content: (await call(backend, 'plan.get', { id: first.id })), id: first.id })).filter((f) => f.severity === 'error')).toEqual([]);
    expect((await call(backend, 'plan.issue', { id: first.id })).status).toBe('issued');
  });

  it('refuses a report as its source, an unknown plan and a plan in the bin, writing nothing', async () => {
    const backend = backendOn15June();
    const plan = await savedPlan(backend);
    const report = await call(backend, 'report.draft', { planIds: [plan.id] });
    expect(await callError(backend, 'report.draft', { planIds: [report.id] })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Chỉ lập báo cáo') });
    expect(await callError(backend, 'report.draft', { planIds: [crypto.randomUUID()] })).toMatchObject({ code: 'NOT_FOUND' });
    await call(backend, 'plan.remove', { id: plan.id });
    expect(await callError(backend, 'report.draft', { planIds: [plan.id] })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('thùng rác') });
    expect(await callError(backend, 'report.draft', { planIds: [plan.id], period: '2025-Q5' })).toMatchObject({ code: 'VALIDATION' });
    expect((await call(backend, 'plan.list', { query: '', docType: 'BC' })).total).toBe(1);
  });
});
