import { cutCandidates, largestCut, paginate, smallestCut, type MeasuredUnit } from '../../../renderer/src/preview/paginate';
import { breakRow, restOfRow, type MeasuredRow } from '../../../renderer/src/preview/tableRows';

const unit = (height: number, over: Partial<MeasuredUnit> = {}): MeasuredUnit => ({
  height,
  keepWithNext: false,
  breakBefore: false,
  splittable: true,
  keepTogether: false,
  repeatHeight: 0,
  footnoteHeight: 0,
  ...over,
});
/** Lines every 24 px starting at 8 px (a paragraph with 8 px space before). */
const lineCuts = (height: number) => Array.from({ length: Math.floor((height - 8) / 24) - 1 }, (_, k) => 8 + 24 * (k + 1));

function run(units: MeasuredUnit[], pageHeight = 100, cuts: (i: number) => number[] = (i) => lineCuts(units[i]!.height)) {
  return paginate(units, {
    pageHeight,
    footnoteSeparator: 10,
    cutAtOrBefore: (i, limit, after) => largestCut(cuts(i), limit, after),
    firstCutAfter: (i, after) => smallestCut(cuts(i), after),
  });
}

describe('preview pagination', () => {
  it('fills pages and cuts a paragraph between lines', () => {
    const pages = run([unit(56), unit(104)]);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.fragments).toEqual([
      { unit: 0, from: 0, to: 56 },
      { unit: 1, from: 0, to: 32 }, // 8 + 24: the first line fits in the 44 px left
    ]);
    expect(pages[1]!.fragments).toEqual([{ unit: 1, from: 32, to: 104 }]);
  });

  it('moves a block that cannot be cut; starts appendices on a new page', () => {
    const pages = run([unit(60), unit(50, { splittable: false }), unit(20, { breakBefore: true }), unit(10)]);
    expect(pages.map((p) => p.fragments.map((f) => f.unit))).toEqual([[0], [1], [2, 3]]);
  });

  it('keeps a heading with the first line of what follows, and a run of headings together', () => {
    const pages = run([unit(70), unit(24, { keepWithNext: true }), unit(56)]);
    expect(pages.map((p) => p.fragments.map((f) => f.unit))).toEqual([[0], [1, 2]]);
    // "II. …" then "1. …" then a paragraph: both headings move when the paragraph's first line cannot follow
    const chain = run([unit(40), unit(20, { keepWithNext: true }), unit(20, { keepWithNext: true }), unit(56)]);
    expect(chain.map((p) => p.fragments.map((f) => f.unit))).toEqual([[0], [1, 2, 3]]);
  });

  it('moves a kept-together block (the closing) whole, and cuts it only when it is taller than a page', () => {
    const pages = run([unit(60), unit(56, { keepTogether: true })]);
    expect(pages.map((p) => p.fragments)).toEqual([[{ unit: 0, from: 0, to: 60 }], [{ unit: 1, from: 0, to: 56 }]]);
    const giant = run([unit(60), unit(152, { keepTogether: true })]);
    expect(giant[0]!.fragments.map((f) => [f.unit, f.from, f.to])).toEqual([
      [0, 0, 60],
      [1, 0, 32],
    ]);
  });

  it('keeps the body\'s last paragraph with the closing block: never a closing block alone on its page', () => {
    // 40 + 24 + 56 > 100: the last paragraph (kept with next) moves with the whole closing rather than stay behind
    const pages = run([unit(40), unit(24, { keepWithNext: true }), unit(56, { keepTogether: true })]);
    expect(pages.map((p) => p.fragments.map((f) => f.unit))).toEqual([[0], [1, 2]]);
  });

  it('repeats table headers on continuation fragments and reserves room for footnotes', () => {
    const pages = run([unit(150, { repeatHeight: 20 })], 100, () => [40, 70, 90, 120]);
    expect(pages.map((p) => p.fragments[0])).toEqual([
      { unit: 0, from: 0, to: 90 },
      { unit: 0, from: 90, to: 150 },
    ]);
    const withNotes = run([unit(50), unit(32, { footnoteHeight: 20 })]);
    // 50 + 32 + 20 notes + 10 separator > 100: the citing paragraph moves (its one line cannot be cut)
    expect(withNotes.map((p) => p.fragments.map((f) => f.unit))).toEqual([[0], [1]]);
    expect(withNotes[1]!.footnoteUnits).toEqual([1]);
  });

  it('never loops on a unit taller than a page', () => {
    const pages = run([unit(350, { splittable: false }), unit(250)], 100, () => []);
    expect(pages[0]!.fragments).toEqual([{ unit: 0, from: 0, to: 350 }]);
    expect(pages.slice(1).flatMap((p) => p.fragments.map((f) => [f.from, f.to]))).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
  });

  it('finds cuts between line boxes and at table row boundaries that cross no text', () => {
    const lines = [
      { top: 2, bottom: 20 },
      { top: 26, bottom: 44 },
      { top: 30, bottom: 40 },
      { top: 50, bottom: 68 },
    ];
    expect(cutCandidates(lines, [47, 35])).toEqual([23, 47]);
  });

  it('keeps at least two lines of a paragraph on each side of a cut (widow/orphan control)', () => {
    const lines = [0, 1, 2, 3, 4].map((i) => ({ top: i * 24, bottom: i * 24 + 18 }));
    expect(cutCandidates(lines)).toEqual([21, 45, 69, 93]);
    expect(cutCandidates(lines, [], 2)).toEqual([45, 69]);
    expect(cutCandidates(lines.slice(0, 3), [], 2)).toEqual([]);
  });

  it('breaks a table row at the page end with each cell at its own line, under the repeated header', () => {
    // Header 20 px; one row of two cells: lines of 10 px in the left cell, of 12 px in the right (another
    // paragraph spacing), 2 px of borders.
    const left = { height: 60, cuts: [10, 20, 30, 40, 50] };
    const right = { height: 72, cuts: [12, 24, 36, 48, 60] };
    const row: MeasuredRow = { height: 74, chrome: 2, cells: [left, right] };
    const table = unit(20 + 74, { repeatHeight: 20, rows: [row] });
    const pages = run([unit(40, { splittable: false }), table]);
    // 40 px left on page 1 under the header: 38 for the cells: left keeps 3 lines (30), right 3 lines (36)
    expect(pages[0]!.fragments[1]).toEqual({ unit: 1, from: 0, to: 20 + 38, rows: { first: 0, fromCells: null, last: 0, toCells: [30, 36] } });
    expect(pages[1]!.fragments).toEqual([{ unit: 1, from: 0, to: 20 + 38, rows: { first: 0, fromCells: [30, 36], last: 0, toCells: null } }]);
  });

  it('moves a row no line of which fits, and tells what is left of a broken row', () => {
    const row: MeasuredRow = { height: 42, chrome: 2, cells: [{ height: 40, cuts: [20] }] };
    expect(breakRow(row, null, 15)).toBeNull();
    expect(breakRow(row, null, 25)).toEqual([20]);
    expect(restOfRow(row, [20])).toBe(22);
    const pages = run([unit(80, { splittable: false }), unit(42, { rows: [row] })]);
    expect(pages.map((p) => p.fragments.map((f) => f.unit))).toEqual([[0], [1]]);
  });
});
