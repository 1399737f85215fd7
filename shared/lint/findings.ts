/** The findings collector and small helpers shared by the lint checks. */
import type { LintFinding, LintFix } from '../model/lint';

export type Path = LintFinding['path'];

export const isBlank = (s: string | null | undefined): boolean => !s || !s.trim();

export class Findings {
  readonly list: LintFinding[] = [];
  error(rule: string, path: Path, message: string, fix?: LintFix): void {
    this.list.push({ rule, severity: 'error', message, path, ...(fix ? { fix } : {}) });
  }
  warning(rule: string, path: Path, message: string, fix?: LintFix): void {
    this.list.push({ rule, severity: 'warning', message, path, ...(fix ? { fix } : {}) });
  }
}

/** Keys whose strings are identifiers or settings, not text she typed. */
const NOT_TEXT = new Set(['id', 'orgId', 'unitIds', 'profile']);

/** Every text of the content with its path (identifiers and the format profile excluded). */
export function* texts(v: unknown, path: Path): Generator<[string, Path]> {
  if (typeof v === 'string') yield [v, path];
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* texts(v[i], [...path, i]);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) yield* texts(x, [...path, k]);
  }
}
