/**
 * Many rows into one table with few statements: `INSERT INTO t (a, b) VALUES (?, ?), (?, ?), …` with the values bound
 * as parameters. A row at a time costs a statement run per row (and, for a table with a search-index trigger, an FTS5
 * segment per statement); rows passed as one JSON text cost a JSON extraction per column. The rows are cut into
 * chunks whose sizes are powers of two (at most `MAX_CHUNK` rows and `MAX_VARIABLES` parameters), so a table needs at
 * most a dozen prepared statements whatever the row counts; rows go in in their order.
 */
import type { Db } from './open';

/** SQLite's default limit on bound parameters is 32,766; a chunk stays below it. */
const MAX_VARIABLES = 30_000;
const MAX_CHUNK = 1024;

export type RowValue = string | number | bigint | Buffer | null;

export interface RowInserter<Row> {
  /** Insert the rows in order; nothing for none. */
  insert(rows: readonly Row[]): void;
}

/**
 * An inserter for `columns` of `table`; `values(row)` gives a row's values in the columns' order. `tail` goes after
 * the VALUES list (e.g. an ON CONFLICT clause).
 */
export function rowInserter<Row>(db: Db, table: string, columns: readonly string[], values: (row: Row) => RowValue[], tail = ''): RowInserter<Row> {
  const statements = new Map<number, ReturnType<Db['prepare']>>();
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  let largest = 1;
  while (largest * 2 <= MAX_CHUNK && largest * 2 * columns.length <= MAX_VARIABLES) largest *= 2;
  const statement = (n: number) => {
    let st = statements.get(n);
    if (!st) {
      st = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => placeholders).join(', ')} ${tail}`);
      statements.set(n, st);
    }
    return st;
  };
  return {
    insert(rows) {
      let at = 0;
      while (at < rows.length) {
        let n = largest;
        while (n > rows.length - at) n /= 2;
        const params: RowValue[] = [];
        for (let i = at; i < at + n; i++) {
          const v = values(rows[i]!);
          for (let j = 0; j < v.length; j++) params.push(v[j]!);
        }
        statement(n).run(params);
        at += n;
      }
    },
  };
}
