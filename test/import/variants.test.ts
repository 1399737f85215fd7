/** The variant corpus (test/fixtures/import-variants.ts): fields recognised right, overall ≥ 95 %. */
import { describe, expect, it } from 'vitest';
import { IMPORT_VARIANTS, readVariant, scoreVariant } from '../fixtures/import-variants';

describe('variants written from the format rules', () => {
  let right = 0;
  let total = 0;
  it.each(IMPORT_VARIANTS.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    const score = scoreVariant(variant, readVariant(variant));
    right += score.right;
    total += score.total;
    expect(score.wrong).toEqual([]);
  });
  it('recognise at least 95 % of the fields right', () => {
    expect(total).toBeGreaterThan(80);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });
});
