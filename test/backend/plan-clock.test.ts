/**
 * A clock set back (a dead CMOS battery, a wrong manual date): plan times keep increasing per plan, and a plan edited
 * after the change still sorts above one left untouched, across a restart of the backend.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { minimalContent } from './fixtures/plans';
import { call, cleanup, tempDir } from './helpers';

const YEAR = 365 * 24 * 3600 * 1000;

let opened: Backend[] = [];
afterEach(() => {
  for (const b of opened) b.close();
  opened = [];
  cleanup();
});

function backendAt(dataDir: string, clock: () => number): Backend {
  const backend = createBackend({ dataDir, appVersion: '9.9.9-test', clock });
  opened.push(backend);
  return backend;
}

describe('plan times when the system clock goes back', () => {
  it('keep updatedAt and revision times increasing per plan, and a just-edited plan first in the list', async () => {
    const dataDir = tempDir();
    let time = Date.parse('2026-06-01T08:00:00.000Z');
    const before = backendAt(dataDir, () => time);
    const a = await call(before, 'plan.save', { ...minimalContent({ trichYeu: 'Kế hoạch A' }), id: randomUUID(), baseRevision: null });
    time += 60_000;
    const b = await call(before, 'plan.save', { ...minimalContent({ trichYeu: 'Kế hoạch B' }), id: randomUUID(), baseRevision: null });
    before.close();

    time -= YEAR; // the clock is set back a year, and the app is started again
    const after = backendAt(dataDir, () => time);
    const a2 = await call(after, 'plan.save', { ...minimalContent({ trichYeu: 'Kế hoạch A, sửa' }), id: a.id, baseRevision: a.revision });
    expect(a2.revision).toBe(2);
    expect(a2.updatedAt > a.updatedAt).toBe(true);
    expect(a2.updatedAt > b.updatedAt).toBe(true);
    const a3 = await call(after, 'plan.save', { ...minimalContent({ trichYeu: 'Kế hoạch A, sửa lần nữa' }), id: a.id, baseRevision: 2 });
    expect(a3.updatedAt > a2.updatedAt).toBe(true);

    const history = await call(after, 'plan.revisions', { id: a.id });
    const times = history.items.map((r) => r.savedAt).reverse(); // oldest first
    expect(history.items.map((r) => r.revision).reverse()).toEqual([1, 2, 3]);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(3);

    const list = await call(after, 'plan.list', {});
    expect(list.items[0]?.id).toBe(a.id);

    // Binning and restoring are changes of the plan too.
    await call(after, 'plan.remove', { id: b.id });
    const restored = await call(after, 'plan.restore', { id: b.id });
    expect(restored.updatedAt > b.updatedAt).toBe(true);
    expect(restored.updatedAt > a3.updatedAt).toBe(true);
  });
});

describe("the backend's day", () => {
  it('is what app.info says today is, and the day task.list reads, by the backend clock', async () => {
    let time = new Date(2025, 6, 15, 9).getTime();
    const backend = backendAt(tempDir(), () => time);
    expect((await call(backend, 'app.info', {})).today).toBe('2025-07-15');
    expect((await call(backend, 'task.list', { limit: 1 })).on).toBe('2025-07-15');
    time = new Date(2025, 6, 16, 0, 0, 1).getTime();
    expect((await call(backend, 'app.info', {})).today).toBe('2025-07-16');
  });
});
