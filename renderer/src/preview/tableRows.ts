/**
 * Table rows across a page break, as Word and LibreOffice cut them: a body row that does not fit is cut at the page
 * end with every cell breaking at its own line (each keeps the lines that fit; its paragraphs keep widow/orphan
 * control), and each cell goes on from its own next line on the next page, under the repeated header rows.
 * Pure: the row geometry comes from the DOM measurement (measure.ts). Offsets are px from a cell's content top.
 */

export interface MeasuredCell {
  /** Height of the cell's content (its paragraphs), px. */
  height: number;
  /** Where the content may be cut (between lines, between paragraphs), px from the content top, ascending. */
  cuts: number[];
}

export interface MeasuredRow {
  /** Height of the whole row, px. */
  height: number;
  /** What the row adds to its tallest cell content (borders), px. */
  chrome: number;
  cells: MeasuredCell[];
}

/** How far into its content each cell of a row is (one offset per cell, px). */
export type CellOffsets = number[];

/** The rows one page shows of a table: whole rows, possibly continuing and/or ending inside a row. */
export interface RowsPiece {
  first: number;
  /** The first row continues from these offsets (null: it starts here). */
  fromCells: CellOffsets | null;
  /** Last row shown, -1 when none. */
  last: number;
  /** The last row breaks onto the next page at these offsets (null: it ends here). */
  toCells: CellOffsets | null;
}

const start = (from: CellOffsets | null, k: number) => from?.[k] ?? 0;

/** Height of what is left of a row from `from` (the whole row when null). */
export function restOfRow(row: MeasuredRow, from: CellOffsets | null): number {
  if (!from) return row.height;
  return Math.max(0, ...row.cells.map((c, k) => c.height - start(from, k))) + row.chrome;
}

/** Height of the slice of a row between two sets of offsets. */
export function sliceHeight(row: MeasuredRow, from: CellOffsets | null, to: CellOffsets): number {
  return Math.max(0, ...row.cells.map((_, k) => (to[k] ?? 0) - start(from, k))) + row.chrome;
}

/**
 * Break a row that does not fit in `room` px: each cell keeps what fits (whole, or up to its last cut that fits).
 * Null when no cell can place anything more (the row then moves to the next page).
 */
export function breakRow(row: MeasuredRow, from: CellOffsets | null, room: number): CellOffsets | null {
  const avail = room - row.chrome;
  let progress = false;
  const to = row.cells.map((c, k) => {
    const s = start(from, k);
    if (c.height - s <= avail + 0.5) {
      if (c.height - s > 0.5) progress = true;
      return c.height;
    }
    let best = s;
    for (const cut of c.cuts) {
      if (cut - s > avail) break;
      if (cut > s + 0.5) best = cut;
    }
    if (best > s) progress = true;
    return best;
  });
  return progress ? to : null;
}

/** Height of the smallest piece a row can leave on a page (its first line in the cell whose first line is shortest). */
export function firstPieceHeight(row: MeasuredRow): number {
  const pieces = row.cells.map((c) => c.cuts[0] ?? c.height).filter((h) => h > 0.5);
  return pieces.length ? Math.min(...pieces) + row.chrome : row.height;
}

/** True when the offsets reach the end of every cell: the row is complete. */
export function rowDone(row: MeasuredRow, to: CellOffsets): boolean {
  return row.cells.every((c, k) => (to[k] ?? 0) >= c.height - 0.5);
}
