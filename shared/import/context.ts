/** What the recogniser's steps share: each line's role, each field's confidence, the text left out, notes. */
import type { Line } from './lines';

export const ROLES = [
  'boilerplate',
  'header-higher',
  'header-issuer',
  'header-star',
  'header-tieude',
  'header-number',
  'header-mark',
  'header-date',
  'header-draft',
  'title',
  'trich-yeu',
  'separator',
  'can-cu',
  'lead',
  'heading',
  'runin',
  'duty',
  'task',
  'paragraph',
  'item',
  'note',
  'pilot-group',
  'pilot-unit',
  'pilot-delegates',
  'pilot-schedule',
  'recipients-heading',
  'recipient',
  'signature-authority',
  'signature-title',
  'signature-name',
  'appendix-label',
  'appendix-name',
  'appendix-line',
  'appendix-intro',
  'table',
  'empty',
] as const;
export type Role = (typeof ROLES)[number];

export class Context {
  readonly roles: Role[];
  readonly confidence: Record<string, number> = {};
  readonly dropped: string[] = [];
  readonly notes: string[] = [];
  /** The lines whose role the clerk chose by hand. */
  readonly overridden = new Set<number>();
  /** The texts of the lines left out by hand, by index (those lines are emptied before recognition). */
  readonly removedByHand = new Map<number, string>();

  constructor(readonly lines: Line[]) {
    this.roles = lines.map(() => 'empty');
  }

  role(line: Line, role: Role) {
    this.roles[line.index] = role;
  }

  drop(line: Line, why: Role = 'boilerplate') {
    this.roles[line.index] = why;
    if (line.text) this.dropped.push(line.text);
  }

  /** Confidence of a field path ("header.number", "body.2.children.0"), 0..1; the lower of two sayings wins. */
  confident(path: string, value: number) {
    const v = Math.max(0, Math.min(1, Math.round(value * 100) / 100));
    this.confidence[path] = path in this.confidence ? Math.min(this.confidence[path]!, v) : v;
  }
}
