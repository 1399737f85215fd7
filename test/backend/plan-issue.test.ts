/** Ban hành (plan.issue) refuses while any lint error remains; the register catches a number another plan holds. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { contentOf } from '../../electron/backend/repositories/plans';
import { draft, edit } from './fixtures/drafts';
import { call, callError, cleanup, openBackend } from './helpers';

afterEach(cleanup);

describe('plan.issue refuses what cannot be issued', () => {
  it('refuses 31 tháng 2 with a Vietnamese message on the day field, and issues once the date is real', async () => {
    const backend = openBackend();
    const plan = await call(backend, 'plan.allocateNumber', { id: (await draft(backend, { date: { day: '31', month: '2', year: '2025' } })).id });
    const refused = await callError(backend, 'plan.issue', { id: plan.id });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/^Chưa ban hành được: kế hoạch còn 1 lỗi phải sửa\. Ngày 31 tháng 2 năm 2025 không có trong lịch/);
    expect(refused.issues).toEqual([{ path: ['header', 'date', 'day'], message: expect.stringContaining('chỉ có 28 ngày') }]);
    expect((await call(backend, 'plan.get', { id: plan.id })).status).toBe('draft');

    const fixed = await edit(backend, plan, (c) => ({ ...c, header: { ...c.header, date: { day: '28', month: '02', year: '2025' } } }));
    expect((await call(backend, 'plan.issue', { id: fixed.id })).status).toBe('issued');
  });

  it('lists every lint error with its path; warnings do not stop it', async () => {
    const backend = openBackend();
    const plan = await draft(backend, { number: '3x', date: { day: '5', month: '11', year: '205' } }, { trichYeu: 'Tổ chức đại hội 🎉' });
    const refused = await callError(backend, 'plan.issue', { id: plan.id });
    expect(refused.message).toMatch(/^Chưa ban hành được: kế hoạch còn 3 lỗi phải sửa\./);
    expect(refused.issues?.map((i) => i.path.join('.'))).toEqual(['header.date.year', 'header.number', 'trichYeu']);

    // An empty paragraph is only a warning.
    const warned = await draft(backend, { number: '07' }, { body: [{ kind: 'paragraph', id: randomUUID(), text: '' }] });
    expect((await call(backend, 'plan.lint', { content: contentOf(warned), id: warned.id })).map((f) => f.severity)).toEqual(['warning']);
    expect((await call(backend, 'plan.issue', { id: warned.id })).status).toBe('issued');
  });
});

describe('a number another plan holds in the register', () => {
  it('is a lint error for the other plan only, and Ban hành refuses it offering the next number of the book', async () => {
    const backend = openBackend();
    const first = await call(backend, 'plan.allocateNumber', { id: (await draft(backend)).id });
    expect(first.header.number).toBe('01');
    const second = await draft(backend, { number: '01' });

    expect(await call(backend, 'plan.lint', { content: contentOf(first), id: first.id })).toEqual([]);
    const findings = await call(backend, 'plan.lint', { content: contentOf(second), id: second.id });
    expect(findings).toEqual([
      {
        rule: 'header.number-duplicate',
        severity: 'error',
        path: ['header', 'number'],
        message: `Số 01-KH/ĐU đã cấp cho kế hoạch "${first.trichYeu}" trong sổ văn bản đi (nhiệm kỳ 2025-2030). Số kế tiếp trong sổ: 02.`,
      },
    ]);
    // Another book (another term) is another sequence.
    const otherTerm = await draft(backend, { number: '01' }, { term: '2020-2025' });
    expect(await call(backend, 'plan.lint', { content: contentOf(otherTerm), id: otherTerm.id })).toEqual([]);

    const refused = await callError(backend, 'plan.issue', { id: second.id });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('Số 01-KH/ĐU đã cấp cho kế hoạch');
    expect(refused.message).toContain('Số kế tiếp trong sổ: 02');
    expect(refused.issues).toEqual([{ path: ['header', 'number'], message: findings[0]!.message }]);
  });

  it('a number typed by hand is recorded in the register when issued, so the book never gives it again', async () => {
    const backend = openBackend();
    const handTyped = await draft(backend, { number: '05' });
    await call(backend, 'plan.issue', { id: handTyped.id });
    const next = await call(backend, 'plan.allocateNumber', { id: (await draft(backend)).id });
    expect(next.header.number).toBe('06');
    const again = await draft(backend, { number: '05' });
    const findings = await call(backend, 'plan.lint', { content: contentOf(again), id: again.id });
    expect(findings.map((f) => f.rule)).toEqual(['header.number-duplicate']);
    expect(findings[0]!.message).toContain('Số kế tiếp trong sổ: 07');
  });
});
