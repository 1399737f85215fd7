import { describe, expect, it } from 'vitest';
import { createMeasureCache, type MeasureCache, type UnitMeasure } from '../../../renderer/src/preview/measureCache';
import { largestCut, paginate, smallestCut, type MeasuredUnit } from '../../../renderer/src/preview/paginate';

/** A paragraph's measure as the DOM would give it: 24 px lines, about 60 characters a line, 8 px space before. */
const measureText = (text: string): UnitMeasure => {
  const lines = Math.max(1, Math.ceil(text.length / 60));
  return { height: 8 + 24 * lines, repeatHeight: 0, cuts: Array.from({ length: Math.max(0, lines - 3) }, (_, k) => 8 + 24 * (k + 2)) };
};

const document = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ sig: `p${i}|${'Nội dung đoạn văn của kế hoạch. '.repeat(1 + ((i * 7) % 11))}`, keepWithNext: i % 9 === 0 }));

/** Measures every unit through `cache` (counting DOM measures) and paginates, as the preview does. */
function pagesOf(units: { sig: string; keepWithNext: boolean }[], cache: MeasureCache, measuredSigs: string[]) {
  cache.begin('170mm|fonts');
  const measures = units.map((u) =>
    cache.get(u.sig, () => {
      measuredSigs.push(u.sig);
      return measureText(u.sig);
    }),
  );
  cache.end();
  const measured: MeasuredUnit[] = units.map((u, i) => ({
    height: measures[i]!.height,
    keepWithNext: u.keepWithNext,
    breakBefore: false,
    splittable: true,
    keepTogether: false,
    repeatHeight: 0,
    footnoteHeight: 0,
  }));
  return paginate(measured, {
    pageHeight: 900,
    footnoteSeparator: 12,
    cutAtOrBefore: (i, limit, after) => largestCut(measures[i]!.cuts ?? [], limit, after),
    firstCutAfter: (i, after) => smallestCut(measures[i]!.cuts ?? [], after),
  });
}

describe('the preview measure cache', () => {
  it('after an edit in the middle re-measures only the edited unit and gives the pages of a full recompute', () => {
    const units = document(400);
    const cache = createMeasureCache();
    const first: string[] = [];
    const before = pagesOf(units, cache, first);
    expect(first).toHaveLength(400);
    expect(before.length).toBeGreaterThan(20);

    const edited = units.map((u, i) => (i === 200 ? { ...u, sig: `${u.sig} Bổ sung một câu dài hơn để đoạn này thêm dòng, đẩy các trang sau xuống.` } : u));
    const remeasured: string[] = [];
    const incremental = pagesOf(edited, cache, remeasured);
    expect(remeasured).toEqual([edited[200]!.sig]);

    const full = pagesOf(edited, createMeasureCache(), []);
    expect(incremental).toEqual(full);
    expect(incremental).not.toEqual(before);
  });

  it('measures everything again when the context changes (text width, styles, fonts)', () => {
    const cache = createMeasureCache();
    cache.begin('170mm|fonts-0');
    cache.get('a', () => measureText('a'));
    cache.end();
    cache.begin('165mm|fonts-0');
    let again = 0;
    cache.get('a', () => {
      again++;
      return measureText('a');
    });
    expect(again).toBe(1);
    expect(cache.measured).toBe(2);
  });
});
