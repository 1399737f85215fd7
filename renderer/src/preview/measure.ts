/**
 * DOM measurement for pagination: a unit's height, the boxes of its text lines (for cutting between lines),
 * a table's header height and row boundaries. Everything in px relative to the unit's top.
 */
import { cutCandidates } from './paginate';
import type { MeasuredRow } from './tableRows';

export function heightOf(el: HTMLElement): number {
  return el.getBoundingClientRect().height;
}

/** Boxes of every text line fragment inside `el`. */
export function lineBoxes(el: HTMLElement): { top: number; bottom: number }[] {
  const origin = el.getBoundingClientRect().top;
  const boxes: { top: number; bottom: number }[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue || !node.nodeValue.trim()) continue;
    range.selectNodeContents(node);
    if (typeof range.getClientRects !== 'function') return [];
    for (const r of Array.from(range.getClientRects())) boxes.push({ top: r.top - origin, bottom: r.bottom - origin });
  }
  // Cell borders and rules are lines too: never cut through them.
  return boxes;
}

/** A table's header height and the bottoms of its body rows (px from the table top). */
export function tableGeometry(el: HTMLElement): { headerHeight: number; rowBottoms: number[] } {
  const origin = el.getBoundingClientRect().top;
  const thead = el.querySelector('thead');
  const headerHeight = thead ? thead.getBoundingClientRect().bottom - origin : 0;
  const rowBottoms = Array.from(el.querySelectorAll('tbody > tr')).map((tr) => tr.getBoundingClientRect().bottom - origin);
  return { headerHeight, rowBottoms };
}

/** Where a unit may be cut: between text lines, and (tables) at row boundaries that cross no line. */
export function unitCuts(el: HTMLElement, isTable: boolean): number[] {
  const lines = lineBoxes(el);
  const bounds = isTable ? tableGeometry(el).rowBottoms : [];
  // Paragraphs: widow/orphan control (2 lines), as Word and LibreOffice apply it to the .docx.
  const cuts = cutCandidates(lines, bounds, isTable ? 1 : 2);
  if (!isTable) return cuts;
  // A table is never cut inside its header rows.
  const header = tableGeometry(el).headerHeight;
  return cuts.filter((c) => c > header + 0.5);
}

/**
 * Where a cell's content may be cut: between any two of its lines. LibreOffice applies no widow/orphan control
 * inside table cells (a cell may leave one line of a paragraph at the page end).
 */
function cellCuts(box: HTMLElement): number[] {
  const origin = box.getBoundingClientRect().top;
  const paragraphs = Array.from(box.children) as HTMLElement[];
  const cuts: number[] = [];
  paragraphs.forEach((p, k) => {
    const r = p.getBoundingClientRect();
    const shift = r.top - origin;
    const lines = lineBoxes(p).map((b) => ({ top: b.top + shift, bottom: b.bottom + shift }));
    cuts.push(...cutCandidates(lines, [], 1));
    if (k < paragraphs.length - 1) cuts.push(r.bottom - origin);
  });
  return cuts.sort((a, b) => a - b);
}

/**
 * A table's body rows for breaking cell by cell (tableRows.ts): each row's height (up to the next row's top, the
 * last one to the table's bottom) and each cell's content height and cuts. Undefined when a cell spans rows: the
 * rows are then tied together and the table is cut where no cell has text.
 * A cell's cuts are measured on first need (only the rows at a page end are cut): `source` gives the table's
 * element at that time (the one drawn for the same content, as the measure may be reused on a later pass).
 */
export function measureRows(el: HTMLElement, source: () => HTMLElement | undefined = () => el): MeasuredRow[] | undefined {
  const trs = Array.from(el.querySelectorAll<HTMLTableRowElement>('tbody > tr'));
  if (trs.some((tr) => Array.from(tr.cells).some((td) => td.rowSpan > 1))) return undefined;
  const bottom = el.getBoundingClientRect().bottom;
  const tops = trs.map((tr) => tr.getBoundingClientRect().top);
  let drawn: { el: HTMLElement; trs: HTMLTableRowElement[] } = { el, trs };
  const cellBox = (r: number, k: number) => {
    const now = source();
    if (!now) return null;
    if (drawn.el !== now) drawn = { el: now, trs: Array.from(now.querySelectorAll<HTMLTableRowElement>('tbody > tr')) };
    return drawn.trs[r]?.cells[k]?.querySelector<HTMLElement>(':scope > .kh-cell') ?? null;
  };
  return trs.map((tr, r) => {
    const height = (tops[r + 1] ?? bottom) - (tops[r] ?? 0);
    const cells = Array.from(tr.cells).map((td, k) => {
      const box = td.querySelector<HTMLElement>(':scope > .kh-cell');
      if (!box) return { height: 0, cuts: [] };
      let cuts: number[] | null = null;
      return {
        height: box.getBoundingClientRect().height,
        get cuts() {
          if (!cuts) {
            const now = cellBox(r, k);
            cuts = now ? cellCuts(now) : [];
          }
          return cuts;
        },
      };
    });
    return { height, chrome: Math.max(0, height - Math.max(0, ...cells.map((c) => c.height))), cells };
  });
}
