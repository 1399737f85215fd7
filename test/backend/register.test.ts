import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { formatRegisterNumber } from '../../electron/backend/repositories/register';
import type { PlanContentInput } from '../../shared/model';
import { minimalContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend, tempDir } from './helpers';
import { profile } from './fixtures/profile';
import { startWorker } from './worker-client';
import { decodeContent } from '../../electron/backend/db/content-codec';

afterEach(cleanup);

async function draft(backend: Backend, overrides: Partial<PlanContentInput> = {}) {
  return call(backend, 'plan.save', { ...minimalContent(overrides), id: randomUUID(), baseRevision: null });
}
const withSymbol = (symbol: string) => ({ header: { ...minimalContent().header, issuer: { ...minimalContent().header.issuer, symbol } } });

describe('the outgoing-number register', () => {
  it('formats numbers with at least two digits', () => {
    expect([1, 9, 10, 315, 1000].map(formatRegisterNumber)).toEqual(['01', '09', '10', '315', '1000']);
  });

  it('runs one sequence per issuer symbol + document type + term', async () => {
    const backend = openBackend();
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await call(backend, 'plan.allocateNumber', { id: (await draft(backend)).id })).header.number);
    expect(numbers).toEqual(['01', '02', '03']);
    expect((await call(backend, 'plan.allocateNumber', { id: (await draft(backend, withSymbol('ĐU'))).id })).header.number).toBe('01');
    expect((await call(backend, 'plan.allocateNumber', { id: (await draft(backend, { term: '2025-2030' })).id })).header.number).toBe('01');
    expect((await call(backend, 'plan.allocateNumber', { id: (await draft(backend)).id })).header.number).toBe('04');
  });

  it('is idempotent for a plan that already holds its number, and keeps a revision for the change', async () => {
    const backend = openBackend();
    const plan = await draft(backend);
    const first = await call(backend, 'plan.allocateNumber', { id: plan.id });
    const again = await call(backend, 'plan.allocateNumber', { id: plan.id });
    expect([again.header.number, again.revision]).toEqual([first.header.number, first.revision]);
    expect(first.revision).toBe(2);
    expect((await call(backend, 'plan.revisions', { id: plan.id })).items.map((r) => r.revision)).toEqual([2, 1]);
  });

  it('takes the term from the office profile when the plan has none, and names what is missing', async () => {
    const backend = openBackend();
    const noTerm = await draft(backend, { term: '' });
    const missingTerm = await callError(backend, 'plan.allocateNumber', { id: noTerm.id });
    expect([missingTerm.code, missingTerm.issues?.[0]?.path]).toEqual(['VALIDATION', ['term']]);
    await call(backend, 'org.saveSelf', profile);
    const numbered = await call(backend, 'plan.allocateNumber', { id: noTerm.id });
    expect([numbered.header.number, numbered.term]).toEqual(['01', '2020-2025']);

    const noSymbol = await draft(backend, withSymbol(''));
    const missingSymbol = await callError(backend, 'plan.allocateNumber', { id: noSymbol.id });
    expect([missingSymbol.code, missingSymbol.issues?.[0]?.path]).toEqual(['VALIDATION', ['header', 'issuer', 'symbol']]);
    expect((await call(backend, 'plan.get', { id: noSymbol.id })).revision).toBe(1);
  });

  it('never gives one number twice, even to two backends (worker threads) racing on the same file', async () => {
    const dataDir = tempDir();
    const setup = openBackend(dataDir);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await draft(setup)).id);
    setup.close();

    const workers = [startWorker({ dataDir }), startWorker({ dataDir })];
    await Promise.all(workers.map((w) => w.ready));
    // Both workers allocate for every plan at once: each plan must end with one number, all numbers distinct.
    const results = await Promise.all(ids.flatMap((id) => workers.map((w) => w.invoke('plan.allocateNumber', { id }))));
    await Promise.all(workers.map((w) => w.close()));

    for (const r of results) expect(r.ok, JSON.stringify(r)).toBe(true);
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare<[], { number: number; plan_id: string }>('SELECT number, plan_id FROM number_register ORDER BY number').all();
    const stored = db
      .prepare<[], { content: Buffer }>('SELECT r.content FROM plans p JOIN plan_revisions r ON r.plan_id = p.id AND r.revision = p.revision').all().map((r) => JSON.parse(decodeContent(r.content)).header.number as string);
    db.close();
    const numbers = rows.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(stored).size).toBe(ids.length);
    expect(stored.sort()).toEqual(ids.map((_, i) => formatRegisterNumber(i + 1)).sort());
  });
});
