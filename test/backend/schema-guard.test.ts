/**
 * The schema only grows: after each migration the schema is compared with the committed snapshot
 * (fixtures/schema.json), and a later migration may add tables, columns and indexes but never drop or change what
 * exists, so an older app's queries keep working on data a newer one upgraded, and exports stay readable.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations, type Migration } from '../../electron/backend/db/migrations';
import { SNAPSHOT_FILE, schemaViolations, snapshotsPerVersion, type SchemaSnapshot } from './schema-snapshot';

const committed = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, SchemaSnapshot>;
const latest = migrations.length;

/** The violations a migration appended after the released ones brings. */
function violationsOf(bad: Omit<Migration, 'version'>): string[] {
  const snapshots = snapshotsPerVersion([...migrations, { ...bad, version: latest + 1 } as Migration]);
  return schemaViolations(snapshots[String(latest)]!, snapshots[String(latest + 1)]!);
}

describe('schema guard', () => {
  it('the schema after each migration is the committed snapshot (npx tsx test/backend/schema-snapshot.ts --write after adding one)', () => {
    const now = snapshotsPerVersion();
    expect(Object.keys(committed)).toEqual(Object.keys(now));
    for (const version of Object.keys(now)) expect(now[version], `schema after migration ${version}`).toEqual(committed[version]);
  });

  it('each migration only adds to the schema before it', () => {
    for (let v = 2; v <= latest; v++) expect(schemaViolations(committed[String(v - 1)]!, committed[String(v)]!), `migration ${v}`).toEqual([]);
  });

  it('accepts a migration that adds a table, a column and an index', () => {
    expect(
      violationsOf({
        name: 'grows',
        sql: `ALTER TABLE tasks ADD COLUMN progress INTEGER NOT NULL DEFAULT 0;
              CREATE TABLE sync_log (id TEXT PRIMARY KEY NOT NULL, at TEXT NOT NULL) STRICT;
              CREATE INDEX tasks_by_progress ON tasks (progress);`,
      }),
    ).toEqual([]);
  });

  it('fails a migration that drops a column, a table or an index', () => {
    expect(violationsOf({ name: 'drops-column', sql: 'ALTER TABLE plans DROP COLUMN issuer_name;' })).toEqual(['column plans.issuer_name was dropped']);
    expect(violationsOf({ name: 'drops-table', sql: 'DROP TABLE recipients;' })).toContain('table recipients was dropped');
    expect(violationsOf({ name: 'drops-index', sql: 'DROP INDEX tasks_by_due;' })).toEqual(['index tasks_by_due was dropped']);
  });

  it('fails a code migration that changes a column by rebuilding its table', () => {
    const problems = violationsOf({
      name: 'changes-column',
      up(db) {
        db.exec(`CREATE TABLE settings_new (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL, revision INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL) STRICT;
                 INSERT INTO settings_new SELECT * FROM settings;
                 DROP TABLE settings;
                 ALTER TABLE settings_new RENAME TO settings;`);
      },
    });
    expect(problems).toContainEqual(expect.stringMatching(/^column settings\.value changed/));
  });
});
