/** The editor's tabs, and which tab shows the field a content path (from a lint finding) points at. */
import type { Block, DocType } from '../../../../shared/model';
import { blockIdAtContentPath, findBlock } from '../../../../shared/model/tree';

export const editorTabs = ['general', 'canCu', 'body', 'units', 'duties', 'recipients', 'signature', 'appendices'] as const;
export type EditorTab = (typeof editorTabs)[number];

/** The tabs a document type uses: a BÁO CÁO assigns no task and has no pilot units (its results are body sections). */
export function tabsFor(docType: DocType): readonly EditorTab[] {
  return docType === 'BC' ? editorTabs.filter((tab) => tab !== 'units' && tab !== 'duties') : editorTabs;
}

export function tabForPath(path: readonly (string | number)[], body: readonly Block[]): EditorTab {
  switch (path[0]) {
    case 'canCu':
      return 'canCu';
    case 'body': {
      const id = blockIdAtContentPath(body, path);
      const block = id ? findBlock(body, id) : null;
      return block?.kind === 'duty' ? 'duties' : 'body';
    }
    case 'pilotUnits':
      return 'units';
    case 'recipients':
      return 'recipients';
    case 'signature':
      return 'signature';
    case 'appendices':
    case 'appendixIssuedBy':
      return 'appendices';
    default:
      return 'general';
  }
}

/** Focus the field for `path`, or the nearest enclosing one that exists (e.g. the block when its field is gone). */
const escapeAttr = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'));

export function focusField(path: readonly (string | number)[], root: ParentNode = document): boolean {
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    const el =
      root.querySelector<HTMLElement>(`[data-path="${escapeAttr(key)}"]`) ?? root.querySelector<HTMLElement>(`[data-path^="${escapeAttr(key)}."]`);
    if (el) {
      const focusable = 'input, textarea, select, button, [tabindex]';
      const target = el.matches(focusable) ? el : (el.querySelector<HTMLElement>(focusable) ?? el);
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}

/** The fields a person types into (not the radios of a choice, not hidden inputs). */
const TEXT_FIELDS = 'textarea:not([disabled]), input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"]):not([disabled])';

/** Focus the first text field inside `root` (without scrolling the page); false when there is none. */
export function focusFirstField(root: ParentNode | null): boolean {
  if (!root) return false;
  const el = root instanceof HTMLElement && root.matches(TEXT_FIELDS) ? root : root.querySelector<HTMLElement>(TEXT_FIELDS);
  if (!el) return false;
  el.focus({ preventScroll: true });
  return true;
}

/** After the render that adds a field: focus the first text field of the element matching `selector`. */
export function focusNewField(selector: string): void {
  requestAnimationFrame(() => focusFirstField(document.querySelector(selector)));
}
