/**
 * The backend's checks of a plan: the pure shared lint plus what only the store knows (the outgoing-number register).
 * plan.lint reports them; plan.issue (Ban hành) refuses while any error remains.
 */
import { formatDocSymbol } from '../../../shared/format/symbol';
import { lintPlan } from '../../../shared/lint';
import type { LintFinding, PlanContent } from '../../../shared/model';
import { BackendError } from '../errors';
import { formatRegisterNumber, registerTerm, type RegisterKey, type RegisterRepo } from '../repositories/register';

export interface PlanChecksDeps {
  register: RegisterRepo;
  /** The office's term, used when the plan names none (as Cấp số does). */
  defaultTerm: () => string;
}

/** The register book this plan's number belongs to, and the number as an integer; null when it cannot be known. */
export function registerEntryOf(content: PlanContent, defaultTerm: () => string): { key: RegisterKey; number: number } | null {
  const h = content.header;
  const digits = h.number.trim();
  const term = registerTerm(content.term || defaultTerm());
  if (!/^\d{1,6}$/.test(digits) || Number(digits) < 1 || !h.issuer.symbol.trim() || !term) return null;
  return { key: { symbol: h.issuer.symbol, docType: h.docType, term }, number: Number(digits) };
}

export function createPlanChecks(deps: PlanChecksDeps) {
  /** A number the register gave (or recorded) for another plan: an error that offers the book's next number. */
  function registerFindings(content: PlanContent, planId: string | undefined): LintFinding[] {
    const entry = planId === undefined ? null : registerEntryOf(content, deps.defaultTerm);
    if (!entry) return [];
    const held = deps.register.holderOf(entry.key, entry.number);
    if (!held || held.planId === planId) return [];
    const h = content.header;
    const other = held.trichYeu?.trim() ? ` "${held.trichYeu.trim().slice(0, 120)}"` : ' khác';
    const next = formatRegisterNumber(deps.register.next(entry.key));
    return [
      {
        rule: 'header.number-duplicate',
        severity: 'error',
        path: ['header', 'number'],
        message:
          `Số ${formatDocSymbol(h.number, h.docType, h.issuer.symbol)} đã cấp cho kế hoạch${other} trong sổ văn bản đi (nhiệm kỳ ${entry.key.term}). ` +
          `Số kế tiếp trong sổ: ${next}.`,
      },
    ];
  }

  /**
   * Every finding of a plan: the shared lint, then the register's. `planId` is the plan itself (its own number is
   * fine); without it the register is not consulted (no way to tell the plan's own number from another's).
   */
  function lint(content: PlanContent, planId?: string): LintFinding[] {
    return [...lintPlan(content), ...registerFindings(content, planId)];
  }

  /** Throw a VALIDATION error listing every lint error (Vietnamese, with field paths); return when there is none. */
  function assertIssuable(content: PlanContent, planId: string): void {
    const errors = lint(content, planId).filter((f) => f.severity === 'error');
    if (!errors.length) return;
    const shown = errors.slice(0, 3).map((e) => e.message);
    const more = errors.length > shown.length ? ` (và ${errors.length - shown.length} lỗi khác)` : '';
    throw new BackendError(
      'VALIDATION',
      `Chưa ban hành được: kế hoạch còn ${errors.length} lỗi phải sửa. ${shown.join(' ')}${more}`,
      errors.map((e) => ({ path: e.path, message: e.message })),
    );
  }

  /** After the checks passed: record a hand-typed number in the book so it is never given again. */
  function recordIssuedNumber(content: PlanContent, planId: string): void {
    const entry = registerEntryOf(content, deps.defaultTerm);
    if (entry) deps.register.claim(planId, entry.key, entry.number);
  }

  return { lint, assertIssuable, recordIssuedNumber };
}
export type PlanChecks = ReturnType<typeof createPlanChecks>;
