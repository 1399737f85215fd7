/** The Nhiệm vụ page's filter choices: bodies, plans and terms present among tracked tasks; a binned plan leaves them. */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { seedContent } from './fixtures/plans';
import { issuedSeed } from './fixtures/tasks';
import { call, cleanup, openBackend } from './helpers';

afterEach(cleanup);

describe('task.filterOptions', () => {
  it('offers the bodies in Vietnamese order, the plans with tracked tasks and their terms', async () => {
    const backend = openBackend();
    expect(await call(backend, 'task.filterOptions', {})).toEqual({ bodies: [], plans: [], terms: [] });
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
    expect(await call(backend, 'task.filterOptions', {})).toEqual({ bodies: [], plans: [], terms: [] });
  });
});
