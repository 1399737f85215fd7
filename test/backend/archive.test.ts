/** Lưu trữ: issued plans are archived and brought back without touching their content or history. */
import { randomUUID } from 'node:crypto';
import type { Backend } from '../../electron/backend';
import { minimalContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend } from './helpers';

afterEach(cleanup);

async function issued(backend: Backend) {
  const plan = await call(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null });
  await call(backend, 'plan.allocateNumber', { id: plan.id });
  return call(backend, 'plan.issue', { id: plan.id });
}

describe('plan.archive / plan.unarchive', () => {
  it('archives an issued plan without a new revision or any change of content, and brings it back as issued', async () => {
    const backend = openBackend();
    const plan = await issued(backend);
    const history = await call(backend, 'plan.revisions', { id: plan.id });

    const archived = await call(backend, 'plan.archive', { id: plan.id });
    expect(archived.status).toBe('archived');
    expect(archived.revision).toBe(plan.revision);
    const { status: _a, updatedAt: _b, ...archivedContent } = archived;
    const { status: _c, updatedAt: _d, ...issuedContent } = plan;
    expect(archivedContent).toEqual(issuedContent);
    expect(await call(backend, 'plan.revisions', { id: plan.id })).toEqual(history);
    expect((await call(backend, 'plan.list', { status: 'archived' })).items.map((p) => p.id)).toEqual([plan.id]);
    expect((await call(backend, 'plan.list', { status: 'issued' })).total).toBe(0);
    expect((await call(backend, 'register.list', {})).entries[0]!.plan?.status).toBe('archived');

    // Archived plans are read-only like issued ones.
    const { status: _e, revision, createdAt: _f, updatedAt: _g, deletedAt: _h, ...content } = archived;
    const refused = await callError(backend, 'plan.save', { ...content, trichYeu: 'sửa', baseRevision: revision });
    expect(refused.message).toMatch(/lưu trữ/);

    const back = await call(backend, 'plan.unarchive', { id: plan.id });
    expect(back.status).toBe('issued');
    expect(back.revision).toBe(plan.revision);
    expect((await call(backend, 'plan.get', { id: plan.id })).status).toBe('issued');
  });

  it('refuses to archive a draft, in Vietnamese, and to unarchive what is not archived', async () => {
    const backend = openBackend();
    const draft = await call(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null });
    const error = await callError(backend, 'plan.archive', { id: draft.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Chỉ lưu trữ được kế hoạch đã ban hành. Kế hoạch này còn là dự thảo.');
    expect((await call(backend, 'plan.get', { id: draft.id })).status).toBe('draft');
    expect((await callError(backend, 'plan.unarchive', { id: draft.id })).message).toMatch(/không ở trạng thái lưu trữ/);
    expect((await callError(backend, 'plan.archive', { id: randomUUID() })).code).toBe('NOT_FOUND');
  });
});

describe('plan.years', () => {
  it('gives the years the live plans (or the bin) are dated in, newest first, without duplicates', async () => {
    const backend = openBackend();
    const save = (year: number) =>
      call(backend, 'plan.save', { ...minimalContent({ header: { ...minimalContent().header, date: { day: 1, month: 2, year } } }), id: randomUUID(), baseRevision: null });
    await save(2019);
    await save(2024);
    await save(2024);
    const binned = await save(2011);
    await call(backend, 'plan.remove', { id: binned.id });
    expect(await call(backend, 'plan.years', {})).toEqual([2024, 2019]);
    expect(await call(backend, 'plan.years', { deleted: true })).toEqual([2011]);
  });
});
