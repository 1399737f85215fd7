/**
 * What changed between two versions of a plan, field by field: every text (and number, choice, date part) of the
 * content gets a stable key — list entries with an id are keyed by it, so a block inserted above does not make the
 * ones below look changed — and the editor tab and field it belongs to, for naming in Lịch sử.
 */
import type { PlanContent } from '../../../../shared/model';
import { editorTabs, type EditorTab } from '../model/tabs';

/** One changed value: null on a side where it did not exist (a block added or removed). */
export interface FieldChange {
  key: string;
  tab: EditorTab;
  /** What it is, for its label (history.field.<field>): 'trichYeu', 'number', 'paragraph', 'recipient', … */
  field: string;
  before: string | null;
  after: string | null;
}

interface Leaf {
  tab: EditorTab;
  field: string;
  value: string;
}

const signatureFields: Record<string, string> = { authority: 'authority', body: 'signerBody', title: 'signerTitle', signer: 'signer' };

/** The tab and field of a value outside the body, from its path. */
function placeOf(path: readonly string[]): { tab: EditorTab; field: string } {
  const [top = '', sub = ''] = path;
  switch (top) {
    case 'header':
      return { tab: 'general', field: sub };
    case 'canCu':
      return { tab: 'canCu', field: sub === 'items' ? 'canCuItems' : sub === 'lead' ? 'canCuLead' : 'canCuForm' };
    case 'pilotUnits':
      return { tab: 'units', field: 'unit' };
    case 'recipients':
      return { tab: 'recipients', field: 'recipient' };
    case 'signature':
      return { tab: 'signature', field: signatureFields[sub] ?? 'signer' };
    case 'appendices':
      return { tab: 'appendices', field: 'appendix' };
    case 'appendixIssuedBy':
      return { tab: 'appendices', field: 'appendixIssuedBy' };
    default:
      return { tab: 'general', field: top };
  }
}

/** Ids, links to other records and a block's kind: not something she typed. */
const skipped = (key: string) => key === 'id' || key === 'kind' || /Ids?$/.test(key);

/** `block`: the kind of the innermost body block around the value ('duty' inside a duty, tasks included). */
function collect(value: unknown, path: string[], block: string | null, out: Map<string, Leaf>): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    const place = block === null ? placeOf(path) : block === 'duty' ? { tab: 'duties' as const, field: 'duty' } : { tab: 'body' as const, field: block };
    out.set(path.join('.'), { ...place, value: value === null ? '' : String(value) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      const id = v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? `#${(v as { id: string }).id}` : String(i);
      collect(v, [...path, id], block, out);
    });
    return;
  }
  const record = value as Record<string, unknown>;
  const kind = path[0] === 'body' && typeof record['kind'] === 'string' ? record['kind'] : null;
  const inner = block === 'duty' ? 'duty' : (kind ?? block);
  for (const [key, v] of Object.entries(record)) if (!skipped(key)) collect(v, [...path, key], inner, out);
}

/** Every value of the content by its stable key. */
export function contentLeaves(content: PlanContent): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  collect(content, [], null, out);
  return out;
}

/** The values that differ between two versions (before null: everything in `after` is new), in the editor's tab order. */
export function contentChanges(before: PlanContent | null, after: PlanContent): FieldChange[] {
  const a = before ? contentLeaves(before) : new Map<string, Leaf>();
  const b = contentLeaves(after);
  const changes: FieldChange[] = [];
  for (const [key, leaf] of b) {
    const old = a.get(key);
    if (old?.value !== leaf.value && !(old === undefined && leaf.value === '')) changes.push({ key, tab: leaf.tab, field: leaf.field, before: old?.value ?? null, after: leaf.value });
  }
  for (const [key, leaf] of a) if (!b.has(key) && leaf.value !== '') changes.push({ key, tab: leaf.tab, field: leaf.field, before: leaf.value, after: null });
  const order = (c: FieldChange) => editorTabs.indexOf(c.tab);
  return changes.map((c, i) => ({ c, i })).sort((x, y) => order(x.c) - order(y.c) || x.i - y.i).map(({ c }) => c);
}

/** The fields touched, each once, in tab order: what a line of the history names. */
export function touchedFields(changes: readonly FieldChange[]): { tab: EditorTab; field: string }[] {
  const seen = new Set<string>();
  const out: { tab: EditorTab; field: string }[] = [];
  for (const c of changes) {
    const k = `${c.tab}/${c.field}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ tab: c.tab, field: c.field });
    }
  }
  return out;
}
