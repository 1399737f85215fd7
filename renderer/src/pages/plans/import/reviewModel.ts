/**
 * The import review's pure parts: each recognised role's group (its colour in the source list and the legend), the
 * fields flagged for a low confidence, and the clerk's corrections of those fields applied to the recognised plan.
 */
import type { ImportRole } from '../../../../../shared/api';
import type { PlanContent } from '../../../../../shared/model';
import { getAt, setAt } from '../../../editor/model/at-path';

export const ROLE_GROUPS = ['header', 'title', 'canCu', 'heading', 'duty', 'text', 'pilot', 'closing', 'appendix', 'dropped'] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];

/** Mantine colour of each group (a light background with a stronger left border). */
export const GROUP_COLORS: Record<RoleGroup, string> = {
  header: 'blue',
  title: 'grape',
  canCu: 'cyan',
  heading: 'orange',
  duty: 'green',
  text: 'gray',
  pilot: 'teal',
  closing: 'violet',
  appendix: 'yellow',
  dropped: 'red',
};

export function roleGroup(role: ImportRole): RoleGroup | null {
  if (role === 'empty') return null;
  if (role === 'boilerplate') return 'dropped';
  if (role.startsWith('header-')) return 'header';
  if (role === 'title' || role === 'trich-yeu' || role === 'separator') return 'title';
  if (role === 'can-cu' || role === 'lead') return 'canCu';
  if (role === 'heading' || role === 'runin') return 'heading';
  if (role === 'duty' || role === 'task') return 'duty';
  if (role.startsWith('pilot-')) return 'pilot';
  if (role.startsWith('recipient') || role.startsWith('signature-')) return 'closing';
  if (role.startsWith('appendix-') || role === 'table') return 'appendix';
  return 'text';
}

/** Fields below this confidence are flagged for the clerk to check. */
export const LOW_CONFIDENCE = 0.7;

export interface FlaggedField {
  path: string;
  confidence: number;
  /** The field's text when it is one (the clerk may correct it in place), else null. */
  value: string | null;
}

/** A dotted confidence path ("body.2.children.0") as a field path (array positions as numbers). */
const fieldPath = (path: string) => path.split('.').map((k) => (/^\d+$/u.test(k) ? Number(k) : k));

export const valueAt = (root: unknown, path: string): unknown => getAt(root, fieldPath(path));

/** The low-confidence fields, lowest first (ties in path order). */
export function flaggedFields(plan: PlanContent, confidence: Record<string, number>): FlaggedField[] {
  return Object.entries(confidence)
    .filter(([, c]) => c < LOW_CONFIDENCE)
    .map(([path, c]) => {
      const v = valueAt(plan, path);
      return { path, confidence: c, value: typeof v === 'string' ? v : null };
    })
    .sort((a, b) => a.confidence - b.confidence || a.path.localeCompare(b.path));
}

/** The plan with the clerk's corrections (text fields by path) applied; the recognised plan itself is not changed. */
export function withEdits(plan: PlanContent, edits: Readonly<Record<string, string>>): PlanContent {
  let out: unknown = plan;
  for (const [path, value] of Object.entries(edits)) if (typeof valueAt(out, path) === 'string') out = setAt(out, fieldPath(path), value);
  return out as PlanContent;
}

/** Fields the review names in words (i18n key `import.fields.<name>`); others are named by their path. */
const NAMED_FIELDS = [
  'term',
  'trichYeu',
  'header.number',
  'header.issuer.name',
  'header.issuer.symbol',
  'header.issuer.higherLines',
  'header.place',
  'header.date',
  'canCu',
  'canCu.lead',
  'body',
  'pilotUnits',
  'recipients',
  'signature.authority',
  'signature.title',
  'signature.signer',
  'appendices',
] as const;

/** The i18n key naming a field path ("header.number" → "import.fields.header_number"), or null when it has none. */
export function fieldLabelKey(path: string): string | null {
  return (NAMED_FIELDS as readonly string[]).includes(path) ? `import.fields.${path.replace(/\./gu, '_')}` : null;
}
