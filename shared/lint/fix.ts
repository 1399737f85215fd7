/** Applying a finding's one-click fix (LintFix in shared/model/lint.ts) to the content, without mutating it. */
import type { LintFix } from '../model/lint';
import type { PlanContent } from '../model/plan';

type Node = Record<string | number, unknown>;

function setAt(node: unknown, path: LintFix['path'], from: string, value: string): unknown {
  if (path.length === 0) return node === from ? value : undefined;
  if (!node || typeof node !== 'object') return undefined;
  const [key, ...rest] = path as [string | number, ...LintFix['path']];
  const child = setAt((node as Node)[key], rest, from, value);
  if (child === undefined) return undefined;
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[key as number] = child;
    return copy;
  }
  return { ...(node as Node), [key]: child };
}

/**
 * The content with the text at `fix.path` set to `fix.value`; null when that text is no longer `fix.from` (the field
 * changed since the lint ran: lint again).
 */
export function applyLintFix(content: PlanContent, fix: LintFix): PlanContent | null {
  const next = setAt(content, fix.path, fix.from, fix.value);
  return next === undefined ? null : (next as PlanContent);
}
