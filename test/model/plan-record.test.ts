import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PlanContent, PlanSaveInput } from '../../shared/model';
import { contentOf, planOf } from '../../shared/model/plan-record';
import { minimalContent } from '../backend/fixtures/plans';

describe('a stored plan split into content and bookkeeping', () => {
  const content = PlanContent.parse(minimalContent());
  const meta = { id: randomUUID(), status: 'draft' as const, revision: 3, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', deletedAt: null };

  it('joins and splits back to the same content', () => {
    const plan = planOf(content, meta);
    expect(plan).toMatchObject(meta);
    expect(contentOf(plan)).toEqual(content);
    expect(Object.keys(contentOf(plan))).not.toContain('revision');
  });

  it('drops the baseRevision and id of a save input', () => {
    const raw = minimalContent();
    const out = contentOf(PlanSaveInput.parse({ ...raw, id: meta.id, baseRevision: 2 }));
    expect(out).toEqual(PlanContent.parse(raw));
    expect(Object.keys(out).some((k) => k === 'id' || k === 'baseRevision')).toBe(false);
    expect(PlanContent.strict().safeParse(out).success).toBe(true);
  });
});
