/** Immutable list helpers used by every list editor (references, units, tasks, recipients, rows). */

/** Move the item at `index` by `delta` places; out-of-range moves return the list unchanged. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length || delta === 0) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const next = [...list];
  next.splice(Math.max(0, Math.min(index, list.length)), 0, item);
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function updateAt<T>(list: readonly T[], index: number, update: (item: T) => T): T[] {
  return list.map((x, i) => (i === index ? update(x) : x));
}

/** Update the item whose `id` matches. */
export function updateById<T extends { id: string }>(list: readonly T[], id: string, update: (item: T) => T): T[] {
  return list.map((x) => (x.id === id ? update(x) : x));
}
