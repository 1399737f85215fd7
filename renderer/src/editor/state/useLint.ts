/** The format findings of the draft (plan.lint, with the plan's id for the register check), refreshed shortly after typing pauses. */
import { useEffect, useState } from 'react';
import type { LintFinding, PlanContent } from '../../../../shared/model';
import { call } from '../../api/client';

export const LINT_DELAY_MS = 500;

export function useLint(content: PlanContent, id?: string): { findings: LintFinding[]; checking: boolean; failed: string | null } {
  const [findings, setFindings] = useState<LintFinding[]>([]);
  const [checking, setChecking] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    setChecking(true);
    const timer = setTimeout(() => {
      call('plan.lint', { content, ...(id ? { id } : {}) })
        .then((result) => {
          if (cancelled) return;
          setFindings(result);
          setFailed(null);
        })
        .catch((err: unknown) => {
          if (!cancelled) setFailed(err instanceof Error ? err.message : String(err));
        })
        .finally(() => {
          if (!cancelled) setChecking(false);
        });
    }, LINT_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [content, id]);
  return { findings, checking, failed };
}
