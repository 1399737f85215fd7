/**
 * A snapshot of a database's schema (tables with their columns, indexes, triggers, views) and the growth rule a later
 * migration must keep: it may add, never drop or change. Modelled on Actual Budget's schema guard.
 *
 * Write the committed snapshots (test/backend/fixtures/schema.json) after adding a migration:
 *   npx tsx test/backend/schema-snapshot.ts --write
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerContentFunctions } from '../../electron/backend/db/content-codec';
import { migrations, type Migration } from '../../electron/backend/db/migrations';
import { migrate, type Db } from '../../electron/backend/db/open';

export interface ColumnShape {
  type: string;
  notNull: boolean;
  default: string | null;
  primaryKey: number;
  hidden: number;
}
export interface IndexShape {
  table: string;
  unique: boolean;
  partial: boolean;
  columns: string[];
  sql: string | null;
}
export interface SchemaSnapshot {
  tables: Record<string, { sql: string | null; columns: Record<string, ColumnShape> }>;
  indexes: Record<string, IndexShape>;
  other: Record<string, string | null>;
}

const squash = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').trim());

export function snapshotSchema(db: Db): SchemaSnapshot {
  const objects = db
    .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name")
    .all();
  const snapshot: SchemaSnapshot = { tables: {}, indexes: {}, other: {} };
  for (const o of objects) {
    if (o.type !== 'table') continue;
    const columns: Record<string, ColumnShape> = {};
    const info = db.prepare(`SELECT * FROM pragma_table_xinfo(?)`).all(o.name) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }[];
    for (const c of info) columns[c.name] = { type: c.type, notNull: c.notnull === 1, default: c.dflt_value, primaryKey: c.pk, hidden: c.hidden };
    snapshot.tables[o.name] = { sql: squash(o.sql), columns };
    const indexes = db.prepare(`SELECT * FROM pragma_index_list(?)`).all(o.name) as { name: string; unique: number; partial: number }[];
    for (const index of indexes) {
      const cols = db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(index.name) as (string | null)[];
      const sql = objects.find((x) => x.type === 'index' && x.name === index.name)?.sql ?? null;
      snapshot.indexes[index.name] = { table: o.name, unique: index.unique === 1, partial: index.partial === 1, columns: cols.map((c) => c ?? '<expr>'), sql: squash(sql) };
    }
  }
  for (const o of objects) if (o.type === 'trigger' || o.type === 'view') snapshot.other[`${o.type} ${o.name}`] = squash(o.sql);
  return snapshot;
}

/** Snapshots after each migration of `list`, on a fresh in-memory database: `{ "1": …, "2": … }`. */
export function snapshotsPerVersion(list: readonly Migration[] = migrations): Record<string, SchemaSnapshot> {
  const db = new Database(':memory:');
  registerContentFunctions(db);
  const out: Record<string, SchemaSnapshot> = {};
  try {
    for (let i = 0; i < list.length; i++) {
      migrate(db, list.slice(0, i + 1));
      out[String(list[i]!.version)] = snapshotSchema(db);
    }
  } finally {
    db.close();
  }
  return out;
}

/**
 * What `next` dropped or changed of `previous` (empty when it only added). A table rebuilt by a migration (the SQLite
 * way to change a column) shows up as changed columns or a changed CREATE statement.
 */
export function schemaViolations(previous: SchemaSnapshot, next: SchemaSnapshot): string[] {
  const problems: string[] = [];
  for (const [name, table] of Object.entries(previous.tables)) {
    const now = next.tables[name];
    if (!now) {
      problems.push(`table ${name} was dropped`);
      continue;
    }
    for (const [column, shape] of Object.entries(table.columns)) {
      const after = now.columns[column];
      if (!after) problems.push(`column ${name}.${column} was dropped`);
      else if (JSON.stringify(after) !== JSON.stringify(shape)) problems.push(`column ${name}.${column} changed: ${JSON.stringify(shape)} → ${JSON.stringify(after)}`);
    }
  }
  for (const [name, index] of Object.entries(previous.indexes)) {
    const now = next.indexes[name];
    if (!now) problems.push(`index ${name} was dropped`);
    else if (JSON.stringify(now) !== JSON.stringify(index)) problems.push(`index ${name} changed`);
  }
  for (const [name, sql] of Object.entries(previous.other)) {
    if (!(name in next.other)) problems.push(`${name} was dropped`);
    else if (next.other[name] !== sql) problems.push(`${name} changed`);
  }
  return problems;
}

export const SNAPSHOT_FILE = fileURLToPath(new URL('./fixtures/schema.json', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(snapshotsPerVersion(), null, 2)}\n`);
  process.stdout.write(`wrote ${SNAPSHOT_FILE}\n`);
}
