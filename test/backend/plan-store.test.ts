/** The one write path of plans (writeRevision), as the importer and the exchange use it. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { createContext } from '../../electron/backend/repositories/context';
import { createPlansRepo } from '../../electron/backend/repositories/plans';
import { createRegisterRepo } from '../../electron/backend/repositories/register';
import { PlanContent } from '../../shared/model';
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
});
