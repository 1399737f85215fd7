/**
 * Appendix table editing with HTML-like merged cells: each row lists only the cells that START in it; a cell
 * with rowSpan > 1 covers the same columns in the rows below, which then omit it.
 * All functions are pure and keep every row with at least one cell (the model requires it).
 */
import type { AppendixTable, TableCell, TableRow } from '../../../../shared/model';
import { newCell } from './blocks';

/** Which cell occupies each (row, column): its row and its index in that row's `cells`. */
export interface Slot {
  row: number;
  cell: number;
  /** True only at the cell's own top-left slot. */
  origin: boolean;
}

export type Grid = (Slot | null)[][];

/** Occupancy grid of `rows` over `columns` columns (null = a hole: the row is short there). */
export function buildGrid(rows: readonly TableRow[], columns: number): Grid {
  const grid: Grid = rows.map(() => Array.from({ length: columns }, () => null));
  rows.forEach((row, r) => {
    let c = 0;
    row.cells.forEach((cell, i) => {
      while (c < columns && grid[r]?.[c]) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan && c + dc < columns; dc++) {
          const line = grid[r + dr] as (Slot | null)[];
          if (!line[c + dc]) line[c + dc] = { row: r, cell: i, origin: dr === 0 && dc === 0 };
        }
      }
      c += cell.colSpan;
    });
  });
  return grid;
}

/** The start column of every cell of row r. */
export function startColumns(rows: readonly TableRow[], columns: number, r: number): number[] {
  const grid = buildGrid(rows, columns);
  const starts: number[] = [];
  (grid[r] ?? []).forEach((slot, c) => {
    if (slot && slot.row === r && slot.origin) starts[slot.cell] = c;
  });
  return starts;
}

const clone = (rows: readonly TableRow[]): TableRow[] => rows.map((r) => ({ cells: r.cells.map((c) => ({ ...c, paragraphs: [...c.paragraphs] })) }));

/** Insert an empty row at `index` (0 = top). Cells spanning across the insertion point grow by one row. */
export function insertRow(rows: readonly TableRow[], columns: number, index: number, bold = false): TableRow[] {
  const grid = buildGrid(rows, columns);
  const next = clone(rows);
  const cells: TableCell[] = [];
  const grown = new Set<string>();
  for (let c = 0; c < columns; c++) {
    const above = index > 0 ? grid[index - 1]?.[c] : null;
    const below = index < rows.length ? grid[index]?.[c] : null;
    if (above && below && above.row === below.row && above.cell === below.cell) {
      // a cell spanning across the insertion point grows by one row (once, whatever its width)
      const key = `${above.row}:${above.cell}`;
      if (!grown.has(key)) (next[above.row]?.cells[above.cell] as TableCell).rowSpan += 1;
      grown.add(key);
    } else cells.push(newCell('', bold));
  }
  next.splice(index, 0, { cells: cells.length ? cells : [newCell('', bold)] });
  return next;
}

/** Remove row `index`. Cells starting there that span down move to the next row; spans over it shrink. */
export function removeRow(rows: readonly TableRow[], columns: number, index: number): TableRow[] {
  if (rows.length <= 1 || index < 0 || index >= rows.length) return clone(rows);
  const grid = buildGrid(rows, columns);
  const next = clone(rows);
  const shrunk = new Set<string>();
  for (let c = 0; c < columns; c++) {
    const slot = grid[index]?.[c];
    if (!slot || slot.row === index) continue;
    const key = `${slot.row}:${slot.cell}`;
    if (shrunk.has(key)) continue;
    shrunk.add(key);
    (next[slot.row]?.cells[slot.cell] as TableCell).rowSpan -= 1;
  }
  // cells that start in the removed row and continue below: carry them into the next row
  const starts = startColumns(rows, columns, index);
  const carried: { col: number; cell: TableCell }[] = [];
  rows[index]?.cells.forEach((cell, i) => {
    if (cell.rowSpan > 1) carried.push({ col: starts[i] ?? 0, cell: { ...cell, rowSpan: cell.rowSpan - 1 } });
  });
  if (carried.length && index + 1 < rows.length) {
    const belowStarts = startColumns(rows, columns, index + 1);
    const target = next[index + 1] as TableRow;
    const merged: { col: number; cell: TableCell }[] = target.cells.map((cell, i) => ({ col: belowStarts[i] ?? 0, cell }));
    merged.push(...carried);
    merged.sort((a, b) => a.col - b.col);
    target.cells = merged.map((m) => m.cell);
  }
  next.splice(index, 1);
  return next;
}

/** Insert an empty column at `col` (0 = left) in every row; cells spanning across it widen instead. */
export function insertColumn(table: AppendixTable, col: number): AppendixTable {
  const columns = table.columnWidths.length;
  const avg = table.columnWidths.reduce((a, b) => a + b, 0) / Math.max(1, columns);
  const widths = [...table.columnWidths];
  widths.splice(col, 0, avg || 1);
  const apply = (rows: readonly TableRow[], bold: boolean): TableRow[] => {
    const grid = buildGrid(rows, columns);
    const next = clone(rows);
    rows.forEach((_, r) => {
      const left = col > 0 ? grid[r]?.[col - 1] : null;
      const right = col < columns ? grid[r]?.[col] : null;
      if (left && right && left.row === right.row && left.cell === right.cell) {
        if (left.row === r) (next[r]?.cells[left.cell] as TableCell).colSpan += 1;
        return;
      }
      const starts = startColumns(rows, columns, r);
      let at = starts.findIndex((s) => s >= col);
      if (at < 0) at = (next[r] as TableRow).cells.length;
      (next[r] as TableRow).cells.splice(at, 0, newCell('', bold));
    });
    return next;
  };
  return { columnWidths: widths, headerRows: apply(table.headerRows, true), rows: apply(table.rows, false) };
}

/** Remove column `col`; cells spanning it narrow; a cell only in it disappears (rows keep ≥ 1 cell). */
export function removeColumn(table: AppendixTable, col: number): AppendixTable {
  const columns = table.columnWidths.length;
  if (columns <= 1) return table;
  const apply = (rows: readonly TableRow[]): TableRow[] => {
    const grid = buildGrid(rows, columns);
    const next = clone(rows);
    const removed: { row: number; cell: number }[] = [];
    rows.forEach((_, r) => {
      const slot = grid[r]?.[col];
      if (!slot || slot.row !== r || !slot.origin) return;
      const cell = next[r]?.cells[slot.cell] as TableCell;
      if (cell.colSpan > 1) cell.colSpan -= 1;
      else removed.push({ row: r, cell: slot.cell });
    });
    // cells that start left of col and span over it (counted once, in their own top row)
    rows.forEach((_, r) => {
      const slot = grid[r]?.[col];
      if (!slot || slot.row !== r || slot.origin) return;
      (next[r]?.cells[slot.cell] as TableCell).colSpan -= 1;
    });
    for (const { row, cell } of removed.sort((a, b) => b.cell - a.cell)) (next[row] as TableRow).cells.splice(cell, 1);
    return next.map((r) => (r.cells.length ? r : { cells: [newCell()] }));
  };
  return {
    columnWidths: table.columnWidths.filter((_, i) => i !== col),
    headerRows: apply(table.headerRows),
    rows: apply(table.rows),
  };
}

/** Can cell (r, i) merge with the cell right of it (same top row and same height)? */
export function canMergeRight(rows: readonly TableRow[], columns: number, r: number, i: number): boolean {
  const row = rows[r];
  const cell = row?.cells[i];
  const right = row?.cells[i + 1];
  if (!cell || !right) return false;
  const starts = startColumns(rows, columns, r);
  return (starts[i] ?? 0) + cell.colSpan === starts[i + 1] && right.rowSpan === cell.rowSpan;
}

const joinParagraphs = (a: string[], b: string[]) => [...a, ...b].filter((p, i, all) => p !== '' || all.length === 1 || i === 0);

export function mergeRight(rows: readonly TableRow[], columns: number, r: number, i: number): TableRow[] {
  if (!canMergeRight(rows, columns, r, i)) return clone(rows);
  const next = clone(rows);
  const row = next[r] as TableRow;
  const cell = row.cells[i] as TableCell;
  const right = row.cells[i + 1] as TableCell;
  cell.colSpan += right.colSpan;
  cell.paragraphs = joinParagraphs(cell.paragraphs, right.paragraphs);
  row.cells.splice(i + 1, 1);
  return next;
}

/** The cell directly below cell (r, i): starts in row r + rowSpan at the same column with the same width. */
function cellBelow(rows: readonly TableRow[], columns: number, r: number, i: number): { row: number; cell: number } | null {
  const cell = rows[r]?.cells[i];
  if (!cell) return null;
  const below = r + cell.rowSpan;
  if (below >= rows.length) return null;
  const col = startColumns(rows, columns, r)[i] ?? 0;
  const belowStarts = startColumns(rows, columns, below);
  const j = belowStarts.indexOf(col);
  const target = rows[below]?.cells[j];
  if (j < 0 || !target || target.colSpan !== cell.colSpan) return null;
  // the row below must keep at least one cell
  if ((rows[below]?.cells.length ?? 0) <= 1) return null;
  return { row: below, cell: j };
}

export function canMergeDown(rows: readonly TableRow[], columns: number, r: number, i: number): boolean {
  return cellBelow(rows, columns, r, i) !== null;
}

export function mergeDown(rows: readonly TableRow[], columns: number, r: number, i: number): TableRow[] {
  const below = cellBelow(rows, columns, r, i);
  if (!below) return clone(rows);
  const next = clone(rows);
  const cell = next[r]?.cells[i] as TableCell;
  const target = next[below.row]?.cells[below.cell] as TableCell;
  cell.rowSpan += target.rowSpan;
  cell.paragraphs = joinParagraphs(cell.paragraphs, target.paragraphs);
  (next[below.row] as TableRow).cells.splice(below.cell, 1);
  return next;
}

/** Break a merged cell back into single cells (its text stays in the top-left one). */
export function splitCell(rows: readonly TableRow[], columns: number, r: number, i: number): TableRow[] {
  const cell = rows[r]?.cells[i];
  if (!cell || (cell.colSpan === 1 && cell.rowSpan === 1)) return clone(rows);
  const col = startColumns(rows, columns, r)[i] ?? 0;
  const next = clone(rows);
  const bold = cell.bold;
  (next[r] as TableRow).cells.splice(i, 1, { ...cell, colSpan: 1, rowSpan: 1 }, ...Array.from({ length: cell.colSpan - 1 }, () => newCell('', bold)));
  for (let dr = 1; dr < cell.rowSpan && r + dr < rows.length; dr++) {
    const rr = r + dr;
    const starts = startColumns(rows, columns, rr);
    let at = starts.findIndex((s) => s > col);
    if (at < 0) at = (next[rr] as TableRow).cells.length;
    (next[rr] as TableRow).cells.splice(at, 0, ...Array.from({ length: cell.colSpan }, () => newCell('', bold)));
  }
  return next;
}

/** Cells per row must fill the columns; report rows that are short or overfull (for a warning in the editor). */
export function rowProblems(rows: readonly TableRow[], columns: number): number[] {
  const grid = buildGrid(rows, columns);
  const bad: number[] = [];
  rows.forEach((row, r) => {
    const holes = (grid[r] ?? []).some((s) => s === null);
    let width = 0;
    const starts = startColumns(rows, columns, r);
    row.cells.forEach((c, i) => (width = Math.max(width, (starts[i] ?? columns) + c.colSpan)));
    if (holes || width > columns || starts.length < row.cells.length || starts.some((s) => s === undefined)) bad.push(r);
  });
  return bad;
}
