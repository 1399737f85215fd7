/**
 * Sổ văn bản đi as the office reads it (register.list): every allocated number with its plan, per symbol, type and
 * term; numbers of deleted plans stay, nothing is renumbered; a new term in the profile starts every book at 01.
 */
import { randomUUID } from 'node:crypto';
import type { Backend } from '../../electron/backend';
import type { PlanContentInput } from '../../shared/model';
import { minimalContent } from './fixtures/plans';
import { profile } from './fixtures/profile';
import { call, cleanup, openBackend } from './helpers';

afterEach(cleanup);

async function numbered(backend: Backend, overrides: Partial<PlanContentInput> = {}) {
  const plan = await call(backend, 'plan.save', { ...minimalContent(overrides), id: randomUUID(), baseRevision: null });
  return call(backend, 'plan.allocateNumber', { id: plan.id });
}
const withSymbol = (symbol: string) => ({ header: { ...minimalContent().header, issuer: { ...minimalContent().header.issuer, symbol } } });

/** A plan made as the user makes one: from a blank template, which takes its term from the office profile. */
async function fromTemplate(backend: Backend, trichYeu: string) {
  const blank = (await call(backend, 'template.list', {})).find((t) => t.kind === 'blank')!;
  const plan = await call(backend, 'template.instantiate', { templateId: blank.id });
  const { id, revision, status: _s, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content } = plan;
  await call(backend, 'plan.save', { ...content, id, trichYeu, baseRevision: revision });
  return call(backend, 'plan.allocateNumber', { id });
}

describe('register.list', () => {
  it('lists the numbers of one book in order, with trích yếu, date and status of their plans', async () => {
    const backend = openBackend();
    const a = await numbered(backend, { trichYeu: 'Kế hoạch thứ nhất' });
    const b = await numbered(backend, { trichYeu: 'Kế hoạch thứ hai' });
    await call(backend, 'plan.issue', { id: b.id });
    await numbered(backend, withSymbol('ĐU'));

    const all = await call(backend, 'register.list', {});
    expect(all.entries).toHaveLength(3);
    expect(all.symbols).toEqual(['HU', 'ĐU']);
    expect(all.docTypes).toEqual(['KH']);
    expect(all.terms).toEqual([a.term]);

    const hu = await call(backend, 'register.list', { symbol: 'HU', docType: 'KH', term: a.term });
    expect(hu.entries.map((e) => [e.number, e.plan?.trichYeu, e.plan?.status])).toEqual([
      ['01', 'Kế hoạch thứ nhất', 'draft'],
      ['02', 'Kế hoạch thứ hai', 'issued'],
    ]);
    expect(hu.entries[0]!.plan).toMatchObject({ id: a.id, number: '01', date: a.header.date, deletedAt: null });
  });

  it('keeps the number of a deleted plan, marked so, and never renumbers', async () => {
    const backend = openBackend();
    const first = await numbered(backend);
    const second = await numbered(backend);
    await call(backend, 'plan.remove', { id: first.id });
    const third = await numbered(backend);
    expect(third.header.number).toBe('03');

    const { entries } = await call(backend, 'register.list', {});
    expect(entries.map((e) => [e.number, e.plan?.id, e.plan?.deletedAt !== null])).toEqual([
      ['01', first.id, true],
      ['02', second.id, false],
      ['03', third.id, false],
    ]);
  });

  it('starts every book at 01 when the profile starts a new term; the old term stays readable', async () => {
    const backend = openBackend();
    await call(backend, 'org.saveSelf', { ...profile, term: '2020-2025' });
    const old1 = await fromTemplate(backend, 'Nhiệm kỳ cũ, kế hoạch 1');
    const old2 = await fromTemplate(backend, 'Nhiệm kỳ cũ, kế hoạch 2');
    expect([old1.term, old1.header.number, old2.header.number]).toEqual(['2020-2025', '01', '02']);

    await call(backend, 'org.saveSelf', { ...profile, term: '2025 - 2030' });
    const fresh = await fromTemplate(backend, 'Nhiệm kỳ mới, kế hoạch 1');
    expect([fresh.term, fresh.header.number]).toEqual(['2025-2030', '01']);
    // A plan of the old term still draws from the old book.
    const late = await call(backend, 'plan.save', { ...minimalContent({ term: '2020-2025' }), id: randomUUID(), baseRevision: null });
    expect((await call(backend, 'plan.allocateNumber', { id: late.id })).header.number).toBe('03');

    const books = await call(backend, 'register.list', {});
    expect(books.terms).toEqual(['2025-2030', '2020-2025']);
    const current = await call(backend, 'register.list', { term: '2025-2030' });
    expect(current.entries.map((e) => [e.number, e.plan?.trichYeu])).toEqual([['01', 'Nhiệm kỳ mới, kế hoạch 1']]);
    const previous = await call(backend, 'register.list', { term: '2020-2025' });
    expect(previous.entries.map((e) => e.number)).toEqual(['01', '02', '03']);
    expect(previous.entries[0]!.plan?.trichYeu).toBe('Nhiệm kỳ cũ, kế hoạch 1');
  });
});
