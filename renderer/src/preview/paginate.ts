/**
 * Pagination of the preview: measured flow units (paragraphs, tables, the header and closing blocks) are cut
 * into A4 pages, with the rules the .docx sets for Word and LibreOffice so both break into the same pages:
 *  - a unit that does not fit is cut at a line boundary (`cutAtOrBefore`: widow/orphan control is in the cut
 *    candidates), or moved whole to the next page when it cannot be cut;
 *  - a kept-together unit (the closing block) moves whole unless it is taller than a page;
 *  - keep-with-next: a run of kept units (headings, the body's last paragraph) moves to the next page with the
 *    start of what follows when they do not fit together, as long as they fit on one page;
 *  - a table whose rows are measured (`rows`) breaks like Word and LibreOffice break it: whole rows while they
 *    fit, then the row at the page end is cut with each cell at its own line (tableRows.ts); other tables (rows
 *    tied by row spans) are cut where no cell has text;
 *  - appendices start a new page; continued tables repeat their header rows; footnotes take room at the bottom
 *    of the page that cites them.
 * Pure: heights come from the DOM measurement, cut positions through callbacks.
 */
import { breakRow, firstPieceHeight, restOfRow, rowDone, sliceHeight, type CellOffsets, type MeasuredRow, type RowsPiece } from './tableRows';

export interface MeasuredUnit {
  /** Height in px. */
  height: number;
  /** Keep on the same page as the start of the next unit (headings, the title). */
  keepWithNext: boolean;
  /** Always start on a new page (appendices). */
  breakBefore: boolean;
  /** May be cut across pages (paragraphs, tables). */
  splittable: boolean;
  /** Cut only when taller than a page, else moved whole (the closing block: a row the .docx marks cantSplit). */
  keepTogether: boolean;
  /** Height repeated at the top of every continuation fragment (a table's header rows). */
  repeatHeight: number;
  /** Room the footnotes cited in this unit take at the bottom of its page. */
  footnoteHeight: number;
  /** A table's body rows (below `repeatHeight` of header rows), when it breaks row by row, cell by cell. */
  rows?: readonly MeasuredRow[];
}

export interface Fragment {
  unit: number;
  /** Visible slice of the unit, in px from its top (a table broken by rows: the slice's height from 0). */
  from: number;
  to: number;
  /** A table broken by rows: the rows this page shows (under its header rows). */
  rows?: RowsPiece;
}

export interface PageSlice {
  fragments: Fragment[];
  /** Units whose footnotes print at the bottom of this page. */
  footnoteUnits: number[];
}

export interface PaginateOptions {
  /** Height of the text area of a page, px. */
  pageHeight: number;
  /** Separator + gap above the footnotes, px, counted once per page that has footnotes. */
  footnoteSeparator: number;
  /** Largest cut position of `unit` in (after, limit], or null when there is none. */
  cutAtOrBefore: (unit: number, limit: number, after: number) => number | null;
  /** Smallest cut position of `unit` after `after` (the height of its first line), or null. */
  firstCutAfter: (unit: number, after: number) => number | null;
}

export function paginate(units: readonly MeasuredUnit[], o: PaginateOptions): PageSlice[] {
  const pages: PageSlice[] = [];
  let page: PageSlice = { fragments: [], footnoteUnits: [] };
  let used = 0;
  let notes = 0;
  const newPage = () => {
    pages.push(page);
    page = { fragments: [], footnoteUnits: [] };
    used = 0;
    notes = 0;
  };
  const noteRoom = (extra: number) => (notes + extra > 0 ? notes + extra + o.footnoteSeparator : 0);

  /** Height of the first piece of unit `j` that may end a page: its first line, or all of it when uncuttable. */
  const leadingHeight = (j: number) => {
    const v = units[j] as MeasuredUnit;
    const whole = !v.splittable || (v.keepTogether && v.height <= o.pageHeight);
    if (whole) return v.height;
    const row = v.rows?.[0];
    if (row) return v.repeatHeight + firstPieceHeight(row);
    return o.firstCutAfter(j, 0) ?? v.height;
  };

  /**
   * A table broken by rows: on each page its header rows, then whole rows while they fit, then the row at the page
   * end cut cell by cell (each cell at its own line); the next page goes on from where each cell stopped.
   */
  const placeRows = (i: number, u: MeasuredUnit, rows: readonly MeasuredRow[]) => {
    let r = 0;
    let cells: CellOffsets | null = null;
    for (let guard = 0; r < rows.length && guard < 100_000; guard++) {
      const carriesNotes = r === 0 && !cells && u.footnoteHeight > 0;
      const room = o.pageHeight - used - noteRoom(carriesNotes ? u.footnoteHeight : 0) - u.repeatHeight;
      const piece: RowsPiece = { first: r, fromCells: cells, last: -1, toCells: null };
      let height = 0;
      while (r < rows.length) {
        const row = rows[r] as MeasuredRow;
        const rest = restOfRow(row, cells);
        if (height + rest <= room + 0.5) {
          height += rest;
          piece.last = r++;
          cells = null;
          continue;
        }
        const to = breakRow(row, cells, room - height);
        if (to) {
          height += sliceHeight(row, cells, to);
          piece.last = r;
          if (rowDone(row, to)) {
            r++;
            cells = null;
          } else {
            piece.toCells = to;
            cells = to;
          }
        }
        break;
      }
      if (piece.last < 0) {
        if (page.fragments.length) {
          newPage();
          continue;
        }
        // Not one line of the row fits an empty page: it overflows (clipped) rather than loop.
        height = restOfRow(rows[r] as MeasuredRow, cells);
        piece.last = r++;
        cells = null;
      }
      page.fragments.push({ unit: i, from: 0, to: u.repeatHeight + height, rows: piece });
      used += u.repeatHeight + height;
      if (carriesNotes) {
        page.footnoteUnits.push(i);
        notes += u.footnoteHeight;
      }
      if (r < rows.length) newPage();
    }
  };

  units.forEach((u, i) => {
    if (u.breakBefore && page.fragments.length) newPage();
    let from = 0;
    // Keep-with-next: a run of kept units (a heading, its sub-heading…; the body's last paragraph) and the first
    // piece of what follows share the page; when they do not fit, the run starts the next page.
    if (u.keepWithNext && page.fragments.length) {
      let chain = 0;
      let j = i;
      while (j < units.length && (units[j] as MeasuredUnit).keepWithNext && !(j > i && (units[j] as MeasuredUnit).breakBefore)) {
        chain += (units[j] as MeasuredUnit).height;
        j++;
      }
      const next = units[j];
      if (next && !next.breakBefore) chain += leadingHeight(j);
      const avail = o.pageHeight - used - noteRoom(u.footnoteHeight);
      if (chain > avail && chain <= o.pageHeight) newPage();
    }
    if (u.rows && u.rows.length) {
      placeRows(i, u, u.rows);
      return;
    }
    for (let guard = 0; guard < 10_000; guard++) {
      const carriesNotes = from === 0 && u.footnoteHeight > 0;
      const extra = from > 0 ? u.repeatHeight : 0;
      const avail = o.pageHeight - used - noteRoom(carriesNotes ? u.footnoteHeight : 0);
      const rest = u.height - from;
      const place = (to: number) => {
        page.fragments.push({ unit: i, from, to });
        used += to - from + extra;
        if (carriesNotes) {
          page.footnoteUnits.push(i);
          notes += u.footnoteHeight;
        }
      };
      if (rest + extra <= avail + 0.5) {
        place(u.height);
        return;
      }
      const empty = page.fragments.length === 0;
      // A kept-together unit that fits an empty page goes there whole.
      if (u.keepTogether && from === 0 && !empty && u.height <= o.pageHeight) {
        newPage();
        continue;
      }
      if (u.splittable) {
        const cut = o.cutAtOrBefore(i, from + avail - extra, from);
        if (cut !== null && cut > from + 0.5) {
          place(cut);
          newPage();
          from = cut;
          continue;
        }
        if (empty) {
          // Not even one line fits an empty page (a giant table row): cut where the page ends.
          const forced = from + Math.max(avail - extra, 1);
          place(Math.min(forced, u.height));
          if (forced >= u.height) return;
          newPage();
          from = forced;
          continue;
        }
      } else if (empty) {
        // Taller than a page and not cuttable: it overflows (clipped) rather than loop.
        place(u.height);
        return;
      }
      newPage();
    }
  });
  if (page.fragments.length || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * Cut candidates from the boxes of a unit's text lines (px from the unit's top): the middle of every gap between
 * lines, plus the given boundaries (table rows) that cross no line. `minLines` is widow/orphan control, as the
 * .docx styles set it (widowControl): a paragraph keeps at least that many lines on each side of a cut.
 */
export function cutCandidates(
  lineBoxes: readonly { top: number; bottom: number }[],
  boundaries: readonly number[] = [],
  minLines = 1,
): number[] {
  const sorted = [...lineBoxes].filter((b) => b.bottom > b.top).sort((a, b) => a.top - b.top);
  const merged: { top: number; bottom: number }[] = [];
  for (const b of sorted) {
    const last = merged[merged.length - 1];
    if (last && b.top < last.bottom - 0.5) last.bottom = Math.max(last.bottom, b.bottom);
    else merged.push({ ...b });
  }
  const cuts = new Set<number>();
  for (let k = minLines - 1; k + minLines < merged.length; k++) {
    const a = merged[k] as { bottom: number };
    const b = merged[k + 1] as { top: number };
    cuts.add(Math.round(((a.bottom + b.top) / 2) * 100) / 100);
  }
  for (const y of boundaries) {
    if (!merged.some((m) => y > m.top + 0.5 && y < m.bottom - 0.5)) cuts.add(y);
  }
  return [...cuts].sort((a, b) => a - b);
}

/** Largest candidate in (after, limit]. */
export function largestCut(candidates: readonly number[], limit: number, after: number): number | null {
  let best: number | null = null;
  for (const c of candidates) {
    if (c > after + 0.5 && c <= limit) best = c;
    if (c > limit) break;
  }
  return best;
}

/** Smallest candidate after `after`. */
export function smallestCut(candidates: readonly number[], after: number): number | null {
  for (const c of candidates) if (c > after + 0.5) return c;
  return null;
}
