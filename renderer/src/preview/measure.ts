/**
 * DOM measurement for pagination: a unit's height, the boxes of its text lines (for cutting between lines),
 * a table's header height and row boundaries. Everything in px relative to the unit's top.
 */
import { cutCandidates } from './paginate';

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
