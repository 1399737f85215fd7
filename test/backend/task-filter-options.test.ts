/** The Nhiệm vụ page's filter choices: bodies, plans and terms present among tracked tasks; a binned plan leaves them. */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { minimalContent, seedContent } from './fixtures/plans';
import { issuedSeed } from './fixtures/tasks';
import { call, cleanup, openBackend } from './helpers';

afterEach(cleanup);

describe('task.filterOptions', () => {
  it('offers the bodies in Vietnamese order, the plans with tracked tasks and their terms', async () => {
    const backend = openBackend();
    expect(await call(backend, 'task.filterOptions', {})).toEqual({ bodies: [], plans: [], plansTotal: 0, terms: [], owners: [] });
    // A draft tracks nothing.
    await call(backend, 'plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null });
    expect((await call(backend, 'task.filterOptions', {})).plans).toEqual([]);

    const plan = await issuedSeed(backend);
    const options = await call(backend, 'task.filterOptions', {});
    expect(options.plans.map((p) => [p.id, p.ref])).toEqual([[plan.id, '315-KH/HU']]);
    expect(options.terms).toEqual([plan.term]);
    expect(options.bodies).toContain('Ban Tổ chức Huyện ủy');
    expect(options.bodies).toContain('Văn phòng Huyện ủy');
    expect(options.bodies).toEqual([...options.bodies].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(new Set(options.bodies).size).toBe(options.bodies.length);
    // Every body offered finds its tasks.
    for (const body of options.bodies) expect((await call(backend, 'task.list', { body, limit: 1 })).total).toBeGreaterThan(0);

    await call(backend, 'plan.remove', { id: plan.id });
    expect(await call(backend, 'task.filterOptions', {})).toEqual({ bodies: [], plans: [], plansTotal: 0, terms: [], owners: [] });
  });

  it('offers at most 50 plans, newest first, those her words match, and the one the list is filtered by', async () => {
    const backend = openBackend();
    const ids: string[] = [];
    for (let i = 1; i <= 52; i++) {
      const content = minimalContent({
        trichYeu: i === 1 ? 'Kế hoạch tổ chức đại hội điểm' : `Kế hoạch số ${i}`,
        body: [{ kind: 'duty', id: randomUUID(), body: 'Văn phòng Huyện ủy', tasks: [{ id: randomUUID(), text: `Nhiệm vụ ${i}` }] }],
      });
      const draft = await call(backend, 'plan.save', { ...content, id: randomUUID(), baseRevision: null });
      await call(backend, 'plan.allocateNumber', { id: draft.id });
      ids.push((await call(backend, 'plan.issue', { id: draft.id })).id);
    }
    const newest = await call(backend, 'task.filterOptions', {});
    expect(newest.plansTotal).toBe(52);
    expect(newest.plans).toHaveLength(50);
    expect(newest.plans.map((p) => p.id)).not.toContain(ids[0]);
    const found = await call(backend, 'task.filterOptions', { planSearch: 'dai hoi DIE' });
    expect([found.plansTotal, found.plans.map((p) => p.id)]).toEqual([1, [ids[0]]]);
    const chosen = await call(backend, 'task.filterOptions', { planId: ids[0]! });
    expect(chosen.plans[0]!.id).toBe(ids[0]);
    expect(chosen.terms).toEqual(newest.terms);
  });
});
