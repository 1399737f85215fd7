/**
 * One bad byte must not lose a plan. Raw deflate has no checksum and SQLite's integrity_check does not look inside a
 * blob, so these tests flip one byte of a revision's blob in the real database file and check what the app does:
 * the damaged revision is found, named and set aside, and the plan goes on from its newest intact revision.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanRevisions, type Backend } from '../../electron/backend';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import type { Plan } from '../../shared/model';
import { flipByteOfRevision as flipRevisionByte } from './fixtures/damage';
import { minimalContent, seedContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend, tempDir } from './helpers';

afterEach(cleanup);

const contentOf = ({ id: _i, status: _s, revision: _r, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content }: Plan) => content;

/** A plan with three revisions: create, then two saves with different trích yếu. */
async function planWithHistory(backend: Backend): Promise<Plan> {
  const first = await call(backend, 'plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null });
  const second = await call(backend, 'plan.save', { ...contentOf(first), trichYeu: 'Bản thứ hai', id: first.id, baseRevision: 1 });
  return call(backend, 'plan.save', { ...contentOf(second), trichYeu: 'Bản thứ ba', id: first.id, baseRevision: 2 });
}

/** Flip one byte of a revision's blob in the file, and check that SQLite's own check cannot see it. */
function flipByteOfRevision(dataDir: string, planId: string, revision: number): void {
  expect(flipRevisionByte(dataDir, planId, revision), 'the blob is in the file').toBeGreaterThan(0);
  const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
}

describe('a damaged revision', () => {
  it('a damaged older revision does not stop the backup list or a .khbak export', async () => {
    const dataDir = tempDir();
    let backend = openBackend(dataDir);
    const plan = await planWithHistory(backend);
    backend.close();
    flipByteOfRevision(dataDir, plan.id, 2);
    backend = openBackend(dataDir);
    expect((await call(backend, 'backup.secretPlans', {})).secretPlans).toBe(false);
    expect((await call(backend, 'backup.exportFile', {})).encrypted).toBe(false);
  });

  it('one flipped byte in the current revision: get, history, restore, save, duplicate, export and delete all work', async () => {
    const dataDir = tempDir();
    let backend = openBackend(dataDir);
    const plan = await planWithHistory(backend);
    expect(plan.revision).toBe(3);
    backend.close();
    flipByteOfRevision(dataDir, plan.id, 3);

    backend = openBackend(dataDir);
    // Opens at the newest intact revision (2), stored again as revision 4; revision 3 is set aside and named.
    const opened = await call(backend, 'plan.get', { id: plan.id });
    expect(opened).toMatchObject({ revision: 4, trichYeu: 'Bản thứ hai' });
    expect(await call(backend, 'plan.damagedRevisions', { id: plan.id })).toMatchObject({ items: [{ revision: 3 }] });

    const { items } = await call(backend, 'plan.revisions', { id: plan.id });
    expect(items.map((r) => [r.revision, r.reason, r.damaged ?? false])).toEqual([
      [4, 'restore', false],
      [3, 'save', true],
      [2, 'save', false],
      [1, 'create', false],
    ]);
    const refused = await callError(backend, 'plan.getRevision', { id: plan.id, revision: 3 });
    expect(refused.code).toBe('DB_CORRUPT');
    expect(refused.message).toMatch(/Phiên bản 3 .*bị hỏng.*đặt sang một bên/);
    expect(refused.message).not.toMatch(/invalid|distance/i);

    expect((await call(backend, 'plan.getRevision', { id: plan.id, revision: 1 })).trichYeu).toBe(seedContent().trichYeu);
    const restored = await call(backend, 'plan.restoreRevision', { id: plan.id, revision: 1 });
    expect(restored).toMatchObject({ revision: 5, trichYeu: seedContent().trichYeu });
    const saved = await call(backend, 'plan.save', { ...contentOf(restored), trichYeu: 'Sửa tiếp sau sự cố', id: plan.id, baseRevision: 5 });
    expect(saved.revision).toBe(6);

    const copy = await call(backend, 'plan.duplicate', { id: plan.id });
    expect(copy.trichYeu).toBe('Sửa tiếp sau sự cố');
    const docx = await call(backend, 'plan.renderDocx', { id: plan.id });
    expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    await call(backend, 'plan.remove', { id: plan.id });
    expect((await call(backend, 'plan.get', { id: plan.id })).deletedAt).not.toBeNull();
    await call(backend, 'plan.restore', { id: plan.id });
  });

  it('the scan (background after open, and scanRevisions) finds a damaged older revision and names it', async () => {
    const dataDir = tempDir();
    let backend = openBackend(dataDir);
    const plan = await planWithHistory(backend);
    const other = await call(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null });
    backend.close();
    flipByteOfRevision(dataDir, plan.id, 1);

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const report = scanRevisions(db);
    db.close();
    expect(report.checked).toBe(4);
    expect(report.damaged).toEqual([{ planId: plan.id, revision: 1, savedAt: expect.any(String), trichYeu: seedContent().trichYeu }]);

    backend = openBackend(dataDir);
    const background = await backend.revisionScan;
    expect(background?.damaged.map((d) => [d.planId, d.revision])).toEqual([[plan.id, 1]]);
    // Set aside: the history names it; the current revision and the other plan are untouched.
    expect(await call(backend, 'plan.damagedRevisions', { id: plan.id })).toMatchObject({ items: [{ revision: 1 }] });
    expect(await call(backend, 'plan.get', { id: plan.id })).toMatchObject({ revision: 3, trichYeu: 'Bản thứ ba' });
    expect(await call(backend, 'plan.damagedRevisions', { id: other.id })).toEqual({ items: [] });
    expect((await callError(backend, 'plan.restoreRevision', { id: plan.id, revision: 1 })).code).toBe('DB_CORRUPT');
  });
});
