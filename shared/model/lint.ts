import { z } from 'zod';

/** A field path inside the plan content, e.g. ["signature","authority"] or ["pilotUnits",0,"total"]. */
export const LintPath = z.array(z.union([z.string(), z.number()]));

/**
 * A one-click correction the editor can apply: set the text field at `path` to `value`. `from` is the text the fix
 * was computed for; apply it only while the field still holds exactly `from` (else lint again).
 * - 'removeChars': `value` is the text without the offending characters (emoji, pictographs);
 * - 'replaceChars': `value` is the text with the offending characters replaced (raw tabs and line breaks → one space);
 * - 'convertLegacyText': `value` is the text with its TCVN3/VNI runs converted to Unicode.
 */
export const LintFix = z.object({
  kind: z.enum(['removeChars', 'replaceChars', 'convertLegacyText']),
  path: LintPath,
  from: z.string(),
  value: z.string(),
});
export type LintFix = z.infer<typeof LintFix>;

export const LintFinding = z.object({
  /** Stable rule id, e.g. "signature.committee-tm". */
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  /** Vietnamese message for the user. */
  message: z.string(),
  /** Field path inside the plan content (same paths as the editor's fields). */
  path: LintPath,
  /** A machine-applicable correction, when there is an obvious one. */
  fix: LintFix.optional(),
});
export type LintFinding = z.infer<typeof LintFinding>;
