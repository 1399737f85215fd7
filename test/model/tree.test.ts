import { MAX_BODY_DEPTH, PlanContent, type Block, type SectionBlock } from '../../shared/model';
import {
  appendChild,
  blockIdAtContentPath,
  canIndent,
  canOutdent,
  findPath,
  indentBlock,
  insertAfter,
  listDuties,
  listSections,
  mapBlocks,
  moveBlock,
  outdentBlock,
  removeBlock,
  updateBlock,
  walkBlocks,
} from '../../shared/model/tree';
import { minimalContent } from '../backend/fixtures/plans';
import { newDuty, newItem, newParagraph, newSection } from '../../renderer/src/editor/model/blocks';
import { tabForPath } from '../../renderer/src/editor/model/tabs';

const titles = (blocks: Block[]): unknown[] =>
  blocks.map((b) => (b.kind === 'section' ? { [b.title]: titles(b.children) } : b.kind === 'paragraph' || b.kind === 'item' ? b.text : b.kind));

function sample() {
  const a = newSection('heading', 'A');
  const b = newSection('heading', 'B');
  const p1 = newParagraph('none', 'p1');
  const p2 = newParagraph('none', 'p2');
  const i1 = newItem('-', 'i1');
  a.children.push(p1, i1);
  return { body: [a, b, p2] as Block[], a, b, p1, p2, i1 };
}

describe('body tree operations', () => {
  it('walks every block depth first in document order', () => {
    const { body } = sample();
    expect([...walkBlocks(body)].map((b) => (b.kind === 'section' ? b.title : b.kind === 'paragraph' || b.kind === 'item' ? b.text : b.kind))).toEqual(['A', 'p1', 'i1', 'B', 'p2']);
  });

  it('maps blocks at any depth and keeps untouched branches as they were', () => {
    const { body, a, b } = sample();
    const next = mapBlocks(body, (x) => (x.kind === 'item' ? { ...x, text: 'i1 sửa' } : x));
    expect(titles(next)).toEqual([{ A: ['p1', 'i1 sửa'] }, { B: [] }, 'p2']);
    expect(next[0]).not.toBe(a);
    expect(next[1]).toBe(b);
    expect(mapBlocks(body, (x) => x).every((x, i) => x === body[i])).toBe(true);
  });

  it('finds blocks by id and maps lint paths to blocks and tabs', () => {
    const { body, i1, a } = sample();
    expect(findPath(body, i1.id)).toEqual([0, 1]);
    expect(blockIdAtContentPath(body, ['body', 0, 'children', 1, 'text'])).toBe(i1.id);
    expect(blockIdAtContentPath(body, ['body', 0, 'title'])).toBe(a.id);
    const duty = newDuty('Văn phòng');
    const withDuty = appendChild(body, a.id, duty);
    expect(tabForPath(['body', 0, 'children', 2, 'tasks', 0, 'text'], withDuty)).toBe('duties');
    expect(tabForPath(['body', 0, 'children', 1, 'text'], withDuty)).toBe('body');
    expect(tabForPath(['pilotUnits', 0, 'total'], withDuty)).toBe('units');
    expect(tabForPath(['header', 'number'], withDuty)).toBe('general');
    expect(listDuties(withDuty).map((d) => d.parentId)).toEqual([a.id]);
  });

  it('inserts after a block, appends into a section, updates and removes', () => {
    const { body, a, p1, p2 } = sample();
    const x = newParagraph('none', 'x');
    let next = insertAfter(body, p1.id, x);
    expect(titles(next)).toEqual([{ A: ['p1', 'x', 'i1'] }, { B: [] }, 'p2']);
    next = appendChild(next, a.id, newItem('+', 'y'));
    expect(titles(next)).toEqual([{ A: ['p1', 'x', 'i1', 'y'] }, { B: [] }, 'p2']);
    next = updateBlock(next, p2.id, (b) => (b.kind === 'paragraph' ? { ...b, text: 'P2' } : b));
    expect(titles(next)[2]).toBe('P2');
    next = removeBlock(next, x.id);
    expect(titles(next)).toEqual([{ A: ['p1', 'i1', 'y'] }, { B: [] }, 'P2']);
    // untouched branches keep their identity (memoised editors skip them)
    expect(next[1]).toBe(body[1]);
  });

  it('moves within siblings only', () => {
    const { body, p1, i1, a } = sample();
    expect(titles(moveBlock(body, i1.id, -1))).toEqual([{ A: ['i1', 'p1'] }, { B: [] }, 'p2']);
    expect(moveBlock(body, p1.id, -1)).toEqual(body); // already first
    expect(titles(moveBlock(body, a.id, 1))).toEqual([{ B: [] }, { A: ['p1', 'i1'] }, 'p2']);
  });

  it('indents into the section above and outdents to after the parent', () => {
    const { body, b, p2, i1, a } = sample();
    expect(canIndent(body, p2.id)).toBe(true);
    expect(canIndent(body, a.id)).toBe(false);
    let next = indentBlock(body, p2.id);
    expect(titles(next)).toEqual([{ A: ['p1', 'i1'] }, { B: ['p2'] }]);
    next = indentBlock(next, b.id); // B goes under A
    expect(titles(next)).toEqual([{ A: ['p1', 'i1', { B: ['p2'] }] }]);
    expect(listSections(next).map((s) => [s.title, s.depth])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
    expect(canOutdent(next, a.id)).toBe(false);
    next = outdentBlock(next, i1.id);
    expect(titles(next)).toEqual([{ A: ['p1', { B: ['p2'] }] }, 'i1']);
    next = outdentBlock(next, p2.id);
    expect(titles(next)).toEqual([{ A: ['p1', { B: [] }, 'p2'] }, 'i1']);
    expect((next[0] as SectionBlock).children).toHaveLength(3);
  });

  it(`does not indent a block below level ${MAX_BODY_DEPTH}, the deepest the schema keeps`, () => {
    // A chain of sections down to level MAX - 1, then at the bottom a section and a paragraph side by side.
    const bottom = newSection('heading', 'đáy');
    const last = newParagraph('none', 'đoạn');
    let chain: SectionBlock = { ...newSection('heading', `cấp ${MAX_BODY_DEPTH - 1}`), children: [bottom, last] };
    for (let level = MAX_BODY_DEPTH - 2; level >= 1; level--) chain = { ...newSection('heading', `cấp ${level}`), children: [chain] };
    const body: Block[] = [chain];
    expect(findPath(body, last.id)).toHaveLength(MAX_BODY_DEPTH);
    expect(canIndent(body, last.id)).toBe(false);
    const content = (b: Block[]) => minimalContent({ body: b });
    expect(PlanContent.safeParse(content(body)).success).toBe(true);
    const tooDeep = indentBlockUnchecked(body, last.id, bottom.id);
    const refused = PlanContent.safeParse(content(tooDeep));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(new RegExp(`lồng quá ${MAX_BODY_DEPTH} cấp`));
  });
});

/** The paragraph moved into the section beside it, as indentBlock would do without its depth check. */
function indentBlockUnchecked(body: Block[], id: string, into: string): Block[] {
  const moved = [...walkBlocks(body)].find((b) => b.id === id) as Block;
  return mapBlocks(removeBlock(body, id), (b) => (b.id === into && b.kind === 'section' ? { ...b, children: [moved] } : b));
}
