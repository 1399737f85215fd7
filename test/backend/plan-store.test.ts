/** The one write path of plans (writeRevision), as the importer and the exchange use it. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { createContext } from '../../electron/backend/repositories/context';
import { createPlansRepo } from '../../electron/backend/repositories/plans';
import { createRegisterRepo } from '../../electron/backend/repositories/register';
import { PlanContent } from '../../shared/model';
import { contentOf } from '../../shared/model/plan-record';
import { minimalContent, seedContent } from './fixtures/plans';
import { cleanup, tempDir } from './helpers';

afterEach(cleanup);

function openRepo() {
  const { db } = openDatabase(tempDir());
  const ctx = createContext(db);
  const plans = createPlansRepo(ctx, { register: createRegisterRepo(ctx), defaultTerm: () => '2025-2030' });
  return { db, plans, close: () => db.close() };
}

describe('writeRevision', () => {
  it('stores a new plan as revision 1 with the given reason, then each write as the next revision', () => {
    const { db, plans, close } = openRepo();
    try {
      const id = randomUUID();
      const imported = plans.writeRevision(id, PlanContent.parse(seedContent()), 'issued', 'import');
      expect(imported).toMatchObject({ id, revision: 1, status: 'issued' });
      const edited = plans.writeRevision(id, PlanContent.parse(minimalContent({ trichYeu: 'Bản nhập lần hai' })), 'draft', 'import');
      expect(edited.revision).toBe(2);
      expect(plans.get(id).trichYeu).toBe('Bản nhập lần hai');
      expect(plans.revisions(id).items.map((r) => [r.revision, r.reason, r.status])).toEqual([
        [2, 'import', 'draft'],
        [1, 'import', 'issued'],
      ]);
      // The list columns, the children and the search index follow the write.
      expect(plans.list({ query: 'ban nhap lan hai', deleted: false, offset: 0, limit: 50 }).items.map((p) => p.id)).toEqual([id]);
      expect(db.prepare('SELECT count(*) FROM pilot_units WHERE plan_id = ?').pluck().get(id)).toBe(PlanContent.parse(minimalContent()).pilotUnits.length);
    } finally {
      close();
    }
  });

  it('refuses content whose ids repeat and stores nothing', () => {
    const { db, plans, close } = openRepo();
    try {
      const content = PlanContent.parse(minimalContent());
      const twice = { ...content, recipients: [...content.recipients, { ...content.recipients[0]! }] };
      expect(() => plans.writeRevision(randomUUID(), twice, 'draft', 'import')).toThrow(/bị trùng/);
      expect(db.prepare('SELECT count(*) FROM plans').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM plan_revisions').pluck().get()).toBe(0);
    } finally {
      close();
    }
  });

  it("gives a new plan's child rows (a few multi-row statements) exactly as a later write upserts them row by row", () => {
    const { db, plans, close } = openRepo();
    try {
      const content = PlanContent.parse(seedContent());
      const fresh = randomUUID();
      plans.writeRevision(fresh, content, 'draft', 'import');
      // The same content reaching a plan written before: pruned and upserted row by row.
      const later = randomUUID();
      plans.writeRevision(later, { ...content, pilotUnits: [], recipients: [], body: [] }, 'draft', 'import');
      plans.writeRevision(later, content, 'draft', 'import');
      for (const table of ['pilot_units', 'tasks', 'recipients']) {
        const rows = (planId: string) =>
          (db.prepare(`SELECT * FROM ${table} WHERE plan_id = ? ORDER BY position`).all(planId) as Record<string, unknown>[]).map(
            ({ plan_id: _plan, updated_at: _at, ...row }) => row,
          );
        expect(rows(fresh).length, table).toBeGreaterThan(0);
        expect(rows(fresh), table).toEqual(rows(later));
      }
    } finally {
      close();
    }
  });

  it('stores a plan written inside inBulk (its content in stored blocks, uncompressed until the background compacts it) so it reads back as one written alone', () => {
    const { db, plans, close } = openRepo();
    try {
      const content = PlanContent.parse(seedContent());
      const alone = randomUUID();
      const bulk = randomUUID();
      plans.writeRevision(alone, content, 'draft', 'import');
      db.transaction(() => plans.inBulk(() => plans.writeRevision(bulk, content, 'draft', 'import')))();
      expect(contentOf(plans.get(bulk))).toEqual(contentOf(plans.get(alone)));
      // Both blobs pass their checksum and inflate to the same JSON; the bulk one is stored, not deflated.
      const blob = (id: string) => db.prepare('SELECT content, kh_read(content, checksum) AS json FROM plan_revisions WHERE plan_id = ?').get(id) as { content: Buffer; json: string };
      expect(blob(bulk).json).toBe(blob(alone).json);
      expect(blob(bulk).content.equals(blob(alone).content)).toBe(false);
      expect(plans.list({ query: content.trichYeu, deleted: false, offset: 0, limit: 50 }).items.map((p) => p.id).sort()).toEqual([alone, bulk].sort());
    } finally {
      close();
    }
  });
});
