/**
 * Pure operations on the body tree (PlanContent.body): walk, find, update, insert, remove, move, indent, outdent.
 * Blocks are addressed by id; every operation returns a new tree and leaves untouched branches as they were
 * (so memoised editors of unchanged blocks do not re-render). The editor, the store and the lint share them.
 */
import { MAX_BODY_DEPTH, type Block, type DutyBlock, type SectionBlock } from './plan';

/** Every block of the body tree, depth first, in document order. */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.kind === 'section') yield* walkBlocks(block.children);
  }
}

/** Apply `fn` to every block at any depth (children first mapped, then their section); unchanged blocks stay as they are. */
export function mapBlocks(blocks: readonly Block[], fn: (block: Block) => Block): Block[] {
  return blocks.map((b) => {
    if (b.kind !== 'section') return fn(b);
    const children = mapBlocks(b.children, fn);
    return fn(children.every((c, i) => c === b.children[i]) ? b : { ...b, children });
  });
}

/** Where a block sits: the index path from the root list ([2, 0] = first child of the third top-level block). */
export type BlockPath = number[];

export function findPath(blocks: readonly Block[], id: string): BlockPath | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.id === id) return [i];
    if (b.kind === 'section') {
      const inner = findPath(b.children, id);
      if (inner) return [i, ...inner];
    }
  }
  return null;
}

export function blockAt(blocks: readonly Block[], path: BlockPath): Block | null {
  let list: readonly Block[] = blocks;
  let found: Block | null = null;
  for (const index of path) {
    const b = list[index];
    if (!b) return null;
    found = b;
    list = b.kind === 'section' ? b.children : [];
  }
  return found;
}

export function findBlock(blocks: readonly Block[], id: string): Block | null {
  const path = findPath(blocks, id);
  return path ? blockAt(blocks, path) : null;
}

/** The sibling list that holds the block at `path`. */
function listAt(blocks: readonly Block[], parentPath: BlockPath): readonly Block[] | null {
  if (parentPath.length === 0) return blocks;
  const parent = blockAt(blocks, parentPath);
  return parent && parent.kind === 'section' ? parent.children : null;
}

/** Replace the sibling list under `parentPath` ([] = the root list). */
function withList(blocks: readonly Block[], parentPath: BlockPath, update: (list: readonly Block[]) => Block[]): Block[] {
  if (parentPath.length === 0) return update(blocks);
  const [head, ...rest] = parentPath as [number, ...number[]];
  return blocks.map((b, i) => {
    if (i !== head || b.kind !== 'section') return b;
    return { ...b, children: withList(b.children, rest, update) };
  });
}

export function updateBlock(blocks: readonly Block[], id: string, update: (block: Block) => Block): Block[] {
  const path = findPath(blocks, id);
  if (!path) return [...blocks];
  const index = path[path.length - 1] as number;
  return withList(blocks, path.slice(0, -1), (list) => list.map((b, i) => (i === index ? update(b) : b)));
}

export function removeBlock(blocks: readonly Block[], id: string): Block[] {
  const path = findPath(blocks, id);
  if (!path) return [...blocks];
  const index = path[path.length - 1] as number;
  return withList(blocks, path.slice(0, -1), (list) => list.filter((_, i) => i !== index));
}

/** Insert `block` right after the block `afterId` (same level). Unknown id: append at the root. */
export function insertAfter(blocks: readonly Block[], afterId: string, block: Block): Block[] {
  const path = findPath(blocks, afterId);
  if (!path) return [...blocks, block];
  const index = path[path.length - 1] as number;
  return withList(blocks, path.slice(0, -1), (list) => [...list.slice(0, index + 1), block, ...list.slice(index + 1)]);
}

/** Append `block` as the last child of section `parentId`, or at the end of the root when parentId is null. */
export function appendChild(blocks: readonly Block[], parentId: string | null, block: Block): Block[] {
  if (parentId === null) return [...blocks, block];
  const path = findPath(blocks, parentId);
  const parent = path ? blockAt(blocks, path) : null;
  if (!path || !parent || parent.kind !== 'section') return [...blocks, block];
  return withList(blocks, path, (list) => [...list, block]);
}

export function canMove(blocks: readonly Block[], id: string, delta: -1 | 1): boolean {
  const path = findPath(blocks, id);
  if (!path) return false;
  const list = listAt(blocks, path.slice(0, -1));
  const target = (path[path.length - 1] as number) + delta;
  return !!list && target >= 0 && target < list.length;
}

/** Swap a block with its previous (-1) or next (+1) sibling. */
export function moveBlock(blocks: readonly Block[], id: string, delta: -1 | 1): Block[] {
  if (!canMove(blocks, id, delta)) return [...blocks];
  const path = findPath(blocks, id) as BlockPath;
  const index = path[path.length - 1] as number;
  return withList(blocks, path.slice(0, -1), (list) => {
    const next = [...list];
    const [b] = next.splice(index, 1);
    next.splice(index + delta, 0, b as Block);
    return next;
  });
}

/**
 * A block can be indented when its previous sibling is a section: it becomes that section's last child. Not when its
 * subtree would then reach below MAX_BODY_DEPTH (the schema refuses deeper bodies).
 */
export function canIndent(blocks: readonly Block[], id: string): boolean {
  const path = findPath(blocks, id);
  if (!path) return false;
  const index = path[path.length - 1] as number;
  const list = listAt(blocks, path.slice(0, -1));
  const block = list?.[index];
  if (!block || path.length + subtreeLevels(block) > MAX_BODY_DEPTH) return false;
  return index > 0 && list[index - 1]?.kind === 'section';
}

export function indentBlock(blocks: readonly Block[], id: string): Block[] {
  if (!canIndent(blocks, id)) return [...blocks];
  const path = findPath(blocks, id) as BlockPath;
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  return withList(blocks, parentPath, (list) => {
    const block = list[index] as Block;
    const prev = list[index - 1] as SectionBlock;
    const next = [...list];
    next.splice(index - 1, 2, { ...prev, children: [...prev.children, block] });
    return next;
  });
}

/** A block inside a section can be outdented: it moves out, right after its parent section. */
export function canOutdent(blocks: readonly Block[], id: string): boolean {
  const path = findPath(blocks, id);
  return !!path && path.length > 1;
}

export function outdentBlock(blocks: readonly Block[], id: string): Block[] {
  if (!canOutdent(blocks, id)) return [...blocks];
  const path = findPath(blocks, id) as BlockPath;
  const parentPath = path.slice(0, -1);
  const grandPath = parentPath.slice(0, -1);
  const parentIndex = parentPath[parentPath.length - 1] as number;
  const index = path[path.length - 1] as number;
  const block = blockAt(blocks, path) as Block;
  return withList(blocks, grandPath, (list) => {
    const parent = list[parentIndex] as SectionBlock;
    const next = [...list];
    next.splice(parentIndex, 1, { ...parent, children: parent.children.filter((_, i) => i !== index) }, block);
    return next;
  });
}

/** Depth of a block: 0 at the root. A section at depth d prints as a level d+1 heading. */
export function depthOf(blocks: readonly Block[], id: string): number {
  const path = findPath(blocks, id);
  return path ? path.length - 1 : 0;
}

export interface SectionOption {
  id: string;
  title: string;
  depth: number;
}

/** Every section in reading order with its depth (for "add to section…" pickers). */
export function listSections(blocks: readonly Block[], depth = 0): SectionOption[] {
  const out: SectionOption[] = [];
  for (const b of blocks) {
    if (b.kind !== 'section') continue;
    out.push({ id: b.id, title: b.title, depth });
    out.push(...listSections(b.children, depth + 1));
  }
  return out;
}

/** Every duty block in reading order, with the section that holds it (null at the root). */
export function listDuties(blocks: readonly Block[], parentId: string | null = null): { duty: DutyBlock; parentId: string | null }[] {
  const out: { duty: DutyBlock; parentId: string | null }[] = [];
  for (const b of blocks) {
    if (b.kind === 'duty') out.push({ duty: b, parentId });
    if (b.kind === 'section') out.push(...listDuties(b.children, b.id));
  }
  return out;
}

/** How many levels the subtree spans (1 for a block without children). */
export function subtreeLevels(block: Block): number {
  return block.kind === 'section' ? 1 + Math.max(0, ...block.children.map(subtreeLevels)) : 1;
}

/** Count of blocks in the subtree (the block itself included). */
export function subtreeSize(block: Block): number {
  return block.kind === 'section' ? 1 + block.children.reduce((n, c) => n + subtreeSize(c), 0) : 1;
}

/** The id path from the root to the block (ids of the enclosing sections, then the block). */
export function idPath(blocks: readonly Block[], id: string): string[] {
  const path = findPath(blocks, id);
  if (!path) return [];
  const ids: string[] = [];
  let list: readonly Block[] = blocks;
  for (const index of path) {
    const b = list[index] as Block;
    ids.push(b.id);
    list = b.kind === 'section' ? b.children : [];
  }
  return ids;
}

/** The block id a content path such as ["body", 3, "children", 0, "text"] points at, if any. */
export function blockIdAtContentPath(blocks: readonly Block[], path: readonly (string | number)[]): string | null {
  if (path[0] !== 'body') return null;
  let list: readonly Block[] = blocks;
  let found: Block | null = null;
  let i = 1;
  while (i < path.length) {
    const index = path[i];
    if (typeof index !== 'number') break;
    const b = list[index];
    if (!b) break;
    found = b;
    if (path[i + 1] === 'children' && b.kind === 'section') {
      list = b.children;
      i += 2;
    } else break;
  }
  return found?.id ?? null;
}
