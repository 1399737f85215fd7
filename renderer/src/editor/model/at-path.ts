/** Reading and replacing one value of the plan content by its field path (the paths lint findings carry). */
import type { FieldPath } from '../state/context';

export type Tree = unknown;

export function getAt(tree: Tree, path: FieldPath): unknown {
  let node: unknown = tree;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function setAt(tree: Tree, path: FieldPath, value: unknown): Tree {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(tree)) return tree.map((item, i) => (i === key ? setAt(item, rest, value) : item));
  if (tree !== null && typeof tree === 'object') return { ...(tree as object), [key]: setAt((tree as Record<string | number, unknown>)[key], rest, value) };
  return tree;
}
