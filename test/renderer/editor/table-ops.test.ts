import type { AppendixTable, TableRow } from '../../../shared/model';
import { buildGrid, canMergeDown, canMergeRight, insertColumn, insertRow, mergeDown, mergeRight, removeColumn, removeRow, rowProblems, splitCell } from '../../../renderer/src/editor/model/table';
import { newCell, newRow } from '../../../renderer/src/editor/model/blocks';

const text = (rows: TableRow[]) => rows.map((r) => r.cells.map((c) => `${c.paragraphs.join('/')}${c.colSpan > 1 ? `<${c.colSpan}` : ''}${c.rowSpan > 1 ? `^${c.rowSpan}` : ''}`));
const row = (...t: string[]): TableRow => ({ cells: t.map((x) => newCell(x)) });

describe('appendix table editing (merged cells)', () => {
  it('builds the seed 02 header: "Thời gian" over two rows, "Nội dung công việc" over two columns', () => {
    let rows = [row('Thời gian', 'Nội dung công việc', ''), row('', 'Cấp tỉnh', 'Cấp huyện')];
    rows = mergeRight(rows, 3, 0, 1);
    expect(text(rows)).toEqual([['Thời gian', 'Nội dung công việc<2'], ['', 'Cấp tỉnh', 'Cấp huyện']]);
    expect(canMergeDown(rows, 3, 0, 0)).toBe(true);
    rows = mergeDown(rows, 3, 0, 0);
    expect(text(rows)).toEqual([['Thời gian^2', 'Nội dung công việc<2'], ['Cấp tỉnh', 'Cấp huyện']]);
    expect(rowProblems(rows, 3)).toEqual([]);
    const grid = buildGrid(rows, 3);
    expect(grid[1]?.[0]).toMatchObject({ row: 0, cell: 0, origin: false });
    expect(grid[1]?.[1]).toMatchObject({ row: 1, cell: 0, origin: true });
  });

  it('merges keep multi-paragraph text; split gives back single cells', () => {
    let rows = [row('a', 'b'), row('c', 'd')];
    rows[0]!.cells[0]!.paragraphs = ['- một', '- hai'];
    rows = mergeRight(rows, 2, 0, 0);
    expect(rows[0]!.cells[0]!.paragraphs).toEqual(['- một', '- hai', 'b']);
    expect(canMergeRight(rows, 2, 0, 0)).toBe(false);
    rows = splitCell(rows, 2, 0, 0);
    expect(text(rows)).toEqual([['- một/- hai/b', ''], ['c', 'd']]);
  });

  it('inserting and removing rows grows and shrinks spans across them', () => {
    let rows = [row('x', 'a'), row('b'), row('c', 'd')];
    rows[0]!.cells[0]!.rowSpan = 2; // x spans rows 0-1
    expect(rowProblems(rows, 2)).toEqual([]);
    rows = insertRow(rows, 2, 1);
    expect(text(rows)).toEqual([['x^3', 'a'], [''], ['b'], ['c', 'd']]);
    rows = removeRow(rows, 2, 0); // the spanning cell moves down
    expect(text(rows)).toEqual([['x^2', ''], ['b'], ['c', 'd']]);
    expect(rowProblems(rows, 2)).toEqual([]);
  });

  it('inserting and removing columns widen and narrow spanning cells', () => {
    const table: AppendixTable = { columnWidths: [1, 2, 2], headerRows: [row('T', 'N', '')], rows: [row('1', '2', '3')] };
    table.headerRows = mergeRight(table.headerRows, 3, 0, 1);
    let next = insertColumn(table, 2);
    expect(next.columnWidths).toHaveLength(4);
    expect(text(next.headerRows)).toEqual([['T', 'N<3']]);
    expect(text(next.rows)).toEqual([['1', '2', '', '3']]);
    next = removeColumn(next, 1);
    expect(text(next.headerRows)).toEqual([['T', 'N<2']]);
    expect(text(next.rows)).toEqual([['1', '', '3']]);
    expect(removeColumn({ columnWidths: [1], headerRows: [], rows: [newRow(1)] }, 0).columnWidths).toEqual([1]);
  });
});
