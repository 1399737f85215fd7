/** plan.list apart by origin: the office's own plans, and plans received from other offices grouped by their office. */
import { afterEach, describe, expect, it } from 'vitest';
import { call, cleanup, openBackend } from '../helpers';
import { communeProfile, draft, exportFrom, provinceProfile } from './helpers';

afterEach(cleanup);

describe('plan.list by origin', () => {
  it('lists our plans, or the received ones grouped by sending office', async () => {
    const here = openBackend();
    await call(here, 'org.saveSelf', provinceProfile);
    const ours = await draft(here, { number: '1' });
    const [b, a] = [openBackend(), openBackend()];
    await call(a, 'org.saveSelf', { ...communeProfile, issuer: { ...communeProfile.issuer, name: 'ĐẢNG ỦY XÃ A' } });
    await call(b, 'org.saveSelf', { ...communeProfile, issuer: { ...communeProfile.issuer, name: 'ĐẢNG ỦY XÃ B' } });
    const a1 = await draft(a, { number: '1' });
    const b1 = await draft(b, { number: '1' });
    const a2 = await draft(a, { number: '2' });
    // b's package comes first, then a's: the list still groups by office name, newest first within one
    await call(here, 'exchange.import', { base64: await exportFrom(b), trust: true });
    await call(here, 'exchange.import', { base64: await exportFrom(a), trust: true });

    const received = await call(here, 'plan.list', { origin: 'received' });
    expect(received.items.map((p) => [p.owner?.name, p.id])).toEqual([
      ['ĐẢNG ỦY XÃ A', a2.id],
      ['ĐẢNG ỦY XÃ A', a1.id],
      ['ĐẢNG ỦY XÃ B', b1.id],
    ]);
    expect(received.total).toBe(3);
    const own = await call(here, 'plan.list', { origin: 'ours' });
    expect(own.items.map((p) => p.id)).toEqual([ours.id]);
    expect((await call(here, 'plan.list', {})).total).toBe(4);
    expect((await call(here, 'plan.list', { origin: 'received', query: 'ke hoach' })).items.every((p) => p.owner)).toBe(true);
  });
});
