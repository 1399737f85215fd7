/**
 * Nhiệm vụ: issuing a plan creates its tracked tasks (duty tasks and pilot units), listed with their status on a day,
 * one task with its plan context; reissuing keeps their identity, updates changed ones and closes removed ones with
 * their reports kept; progress never adds a plan revision.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contentOf } from '../../electron/backend/repositories/plans';
import type { DutyBlock, PlanContent } from '../../shared/model';
import { walkBlocks } from '../../shared/model/tree';
import { seedContent } from './fixtures/plans';
import { issuedSeed } from './fixtures/tasks';
import { call, callError, cleanup, openBackend } from './helpers';

afterEach(cleanup);

const duties = (c: PlanContent): DutyBlock[] => [...walkBlocks(c.body)].filter((b): b is DutyBlock => b.kind === 'duty');

describe('tasks of an issued plan', () => {
  it('a draft creates none and previews what issuing creates; issuing creates one per duty task and pilot unit', async () => {
    const backend = openBackend();
    const draft = await call(backend, 'plan.save', { ...seedContent(), id: crypto.randomUUID(), baseRevision: null });
    const preview = await call(backend, 'task.preview', { planId: draft.id });
    expect(preview.items).toHaveLength(22);
    expect(preview.items.every((i) => i.change === 'new')).toBe(true);
    expect((await call(backend, 'task.list', {})).total).toBe(0);

    const plan = await call(backend, 'plan.issue', { id: draft.id });
    const list = await call(backend, 'task.list', { on: '2024-12-01', limit: 500 });
    expect(list.total).toBe(22);
    expect(list.items.filter((t) => t.source === 'pilotUnit').map((t) => t.dueDay)).toEqual(['2025-01-10', '2025-03-31', '2025-03-31']);
    const firstDuty = duties(contentOf(plan))[0]!;
    const first = list.items.find((t) => t.sourceId === firstDuty.tasks[0]!.id)!;
    expect(first).toMatchObject({ id: firstDuty.tasks[0]!.id, planId: plan.id, body: 'Ban Thường vụ Huyện ủy', plan: { ref: '315-KH/HU' } });
    // Sorted by due day, tasks without one last.
    const days = list.items.map((t) => t.dueDay).filter((d): d is string => d !== null);
    expect(days).toEqual([...days].sort());
    expect(list.items.slice(days.length).every((t) => t.dueDay === null)).toBe(true);
    expect((await call(backend, 'task.preview', { planId: plan.id })).items.every((i) => i.change === 'unchanged')).toBe(true);
  });

  it('seed 01 issued: every task has the deadline the plan gives it, "Thường xuyên …" ongoing, the rest from the pilot schedule', async () => {
    const backend = openBackend();
    await issuedSeed(backend);
    const { items } = await call(backend, 'task.list', { on: '2025-01-05', limit: 500 });
    const count = (pred: (t: (typeof items)[number]) => boolean) => items.filter(pred).length;
    expect(count((t) => t.dueKind === 'none')).toBe(0);
    expect(items.filter((t) => t.dueKind === 'ongoing').map((t) => [t.body, t.status])).toEqual([
      ['Đảng bộ xã Bình Lư', 'ongoing'],
      ['Đảng bộ xã Bản Hon', 'ongoing'],
      ['Chi bộ trường Phổ thông dân tộc Nội trú Trung học phổ thông', 'ongoing'],
    ]);
    // Bình Lư prepares its congress by 10/01/2025 (due within the week), everyone else by the last one, 31/03/2025.
    expect(items.filter((t) => t.dueDay === '2025-01-10').map((t) => t.body)).toEqual([
      'Đảng bộ xã Bình Lư',
      'Đảng bộ xã Bình Lư',
      'Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư',
    ]);
    expect(count((t) => t.dueDay === '2025-03-31')).toBe(16);
    expect(count((t) => t.status === 'due_soon')).toBe(3);
    // The day after the last congress, all dated tasks not completed are overdue; the ongoing ones never are.
    const after = await call(backend, 'task.summary', { on: '2025-04-01' });
    expect(after.rollUp.byStatus).toMatchObject({ overdue: 19, ongoing: 3 });
  });

  it('task.get gives the plan context and the reports; progress adds no plan revision', async () => {
    const backend = openBackend();
    const plan = await issuedSeed(backend);
    const unit = contentOf(plan).pilotUnits[0]!;
    const before = await call(backend, 'task.get', { id: unit.id, on: '2025-01-05' });
    expect(before.task).toMatchObject({ source: 'pilotUnit', status: 'due_soon', statusLabel: 'Sắp đến hạn', dueDay: '2025-01-10' });
    expect(before.context).toMatchObject({ dutyId: null, dutyBody: unit.name, inPlan: true });

    await call(backend, 'task.addReport', { taskId: unit.id, date: '2025-01-06', text: 'Đã họp chi ủy chuẩn bị văn kiện.', percent: 40 });
    await call(backend, 'task.setState', { taskId: unit.id, action: 'complete', date: '2025-01-11' });
    const after = await call(backend, 'task.get', { id: unit.id, on: '2025-01-12' });
    expect(after.task).toMatchObject({ status: 'done_late', statusLabel: 'Hoàn thành quá hạn', reportCount: 1, lastReport: { date: '2025-01-06', percent: 40 } });
    expect(after.reports.map((r) => r.text)).toEqual(['Đã họp chi ủy chuẩn bị văn kiện.']);
    expect((await call(backend, 'plan.get', { id: plan.id })).revision).toBe(plan.revision);
  });

  it('filters by status, body, plan, term, due range and accent-insensitive words, a page at a time', async () => {
    const backend = openBackend();
    const plan = await issuedSeed(backend);
    const on = '2025-02-01';
    const all = await call(backend, 'task.list', { on, limit: 500 });
    const overdue = await call(backend, 'task.list', { on, statuses: ['overdue'], limit: 500 });
    expect(overdue.total).toBe(all.items.filter((t) => t.status === 'overdue').length);
    expect(overdue.items.every((t) => t.status === 'overdue')).toBe(true);
    expect((await call(backend, 'task.list', { on, body: 'Văn phòng Huyện ủy' })).items.every((t) => t.body === 'Văn phòng Huyện ủy')).toBe(true);
    expect((await call(backend, 'task.list', { on, planId: plan.id })).total).toBe(22);
    expect((await call(backend, 'task.list', { on, term: '1990-1995' })).total).toBe(0);
    const ranged = await call(backend, 'task.list', { on, dueFrom: '2025-03-01', dueTo: '2025-03-31', limit: 500 });
    expect(ranged.items.every((t) => t.dueDay! >= '2025-03-01' && t.dueDay! <= '2025-03-31')).toBe(true);
    expect(ranged.total).toBeGreaterThanOrEqual(2);
    const found = await call(backend, 'task.list', { on, search: 'BINH LU' });
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((t) => /Bình Lư/u.test(`${t.text} ${t.body}`))).toBe(true);
    const page = await call(backend, 'task.list', { on, limit: 5, offset: 5 });
    expect(page.total).toBe(22);
    expect(page.items.map((t) => t.id)).toEqual(all.items.slice(5, 10).map((t) => t.id));
  });

  it('a reissue keeps identities, updates a changed task and closes a removed one as "Hủy (bỏ khỏi kế hoạch)" with its reports', async () => {
    const backend = openBackend();
    const plan = await issuedSeed(backend);
    const [duty] = duties(contentOf(plan));
    const removed = duty!.tasks[0]!;
    const changed = duty!.tasks[1]!;
    await call(backend, 'task.addReport', { taskId: removed.id, date: '2024-11-01', text: 'Đã triển khai.', percent: null });

    const reopened = await call(backend, 'plan.reopen', { id: plan.id });
    const edited = contentOf(reopened);
    const d = duties(edited)[0]!;
    d.tasks = d.tasks.filter((t) => t.id !== removed.id).map((t) => (t.id === changed.id ? { ...t, text: `${t.text} (sửa)` } : t));
    const saved = await call(backend, 'plan.save', { ...edited, id: plan.id, baseRevision: reopened.revision });
    const preview = await call(backend, 'task.preview', { planId: plan.id });
    expect(preview.items.find((i) => i.sourceId === removed.id)?.change).toBe('removed');
    expect(preview.items.find((i) => i.sourceId === changed.id)?.change).toBe('changed');
    await call(backend, 'plan.issue', { id: saved.id });

    const gone = await call(backend, 'task.get', { id: removed.id });
    expect(gone.task).toMatchObject({ status: 'cancelled', statusLabel: 'Hủy (bỏ khỏi kế hoạch)', removedFromPlan: true });
    expect(gone.context.inPlan).toBe(false);
    expect(gone.reports.map((r) => r.text)).toEqual(['Đã triển khai.']);
    expect((await call(backend, 'task.get', { id: changed.id })).task.text).toMatch(/\(sửa\)$/);
    expect((await call(backend, 'task.list', { limit: 500 })).total).toBe(22);

    const refused = await callError(backend, 'task.addReport', { taskId: removed.id, date: '2025-01-02', text: 'Thêm.' });
    expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['taskId'] }] });
    expect(refused.message).toMatch(/bỏ khỏi kế hoạch/);
  });

  it('the tasks of a plan in the bin leave the lists and the counts, and come back with it', async () => {
    const backend = openBackend();
    const plan = await issuedSeed(backend);
    const other = await issuedSeed(backend, '316');
    expect((await call(backend, 'task.list', {})).total).toBe(44);
    await call(backend, 'plan.remove', { id: plan.id });
    expect((await call(backend, 'task.list', { limit: 500 })).items.every((t) => t.planId === other.id)).toBe(true);
    expect((await call(backend, 'task.summary', {})).rollUp.total + (await call(backend, 'task.summary', {})).rollUp.cancelled).toBe(22);
    await call(backend, 'plan.restore', { id: plan.id });
    expect((await call(backend, 'task.list', {})).total).toBe(44);
  });
});
