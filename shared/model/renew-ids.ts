/**
 * Give a plan content fresh identities: every `id` at any depth gets a new UUID, and references to those ids
 * (`unitIds` of a pilot schedule) follow. Directory links (`orgId`) are kept: they point outside the plan.
 * Used by plan.duplicate and template.instantiate, so a copy never shares an id with its source.
 */
export function renewIds<T>(content: T, newId: () => string): T {
  const mapping = new Map<string, string>();
  const mapped = (old: string) => {
    let next = mapping.get(old);
    if (!next) {
      next = newId();
      mapping.set(old, next);
    }
    return next;
  };
  // First pass: give every id its replacement, so references that come before their target still resolve.
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'id' && typeof v === 'string') mapped(v);
        else collect(v);
      }
    }
  };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (key === 'id' && typeof v === 'string') out[key] = mapped(v);
        else if (key === 'unitIds' && Array.isArray(v)) out[key] = v.map((u) => (typeof u === 'string' ? (mapping.get(u) ?? u) : u));
        else out[key] = rewrite(v);
      }
      return out;
    }
    return value;
  };
  collect(content);
  return rewrite(content) as T;
}
