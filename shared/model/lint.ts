import { z } from 'zod';

export const LintFinding = z.object({
  /** Stable rule id, e.g. "signature.committee-tm". */
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  /** Vietnamese message for the user. */
  message: z.string(),
  /** Field path inside the plan content, e.g. ["signature","authority"] or ["pilotUnits",0,"total"]. */
  path: z.array(z.union([z.string(), z.number()])),
});
export type LintFinding = z.infer<typeof LintFinding>;
