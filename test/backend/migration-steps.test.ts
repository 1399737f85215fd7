/**
 * One test per migration, with real rows: a database at the step before, filled as that version of the app wrote it,
 * then the migration, then the rows checked.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { registerContentFunctions } from '../../electron/backend/db/content-codec';
import { migrations } from '../../electron/backend/db/migrations';
import { migrate, type Db } from '../../electron/backend/db/open';
import { foldVietnamese } from '../../shared/format/fold';
import { PlanContent } from '../../shared/model';
import { minimalContent, seedContent } from './fixtures/plans';
import { cleanup, tempDir } from './helpers';

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  cleanup();
});

/** A database file whose schema stops at `version`. */
function databaseAt(version: number): Db {
  const db = new Database(join(tempDir(), 'kehoach.sqlite'));
  opened.push(db);
  registerContentFunctions(db);
  migrate(db, migrations.slice(0, version));
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

const upgrade = (db: Db, to: number) => expect(migrate(db, migrations.slice(0, to))).toBe(to);
const rows = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);

/** A plan as the app of schema 2 wrote it: the plans row, its revisions and its search text (number as typed). */
function insertPlanAtV2(db: Db, id: string, number: string, revisions: { reason: string; savedAt: string }[]): number {
  const content = PlanContent.parse(minimalContent({ header: { ...minimalContent().header, number } }));
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO plans (id, status, revision, number, symbol, trich_yeu, title_folded, issuer_name, year, created_at, updated_at)
       VALUES (?, 'draft', ?, ?, 'HU', ?, ?, ?, 2024, ?, ?)`,
    )
    .run(id, revisions.length, number, content.trichYeu, foldVietnamese(content.trichYeu), content.header.issuer.name, revisions[0]!.savedAt, revisions.at(-1)!.savedAt);
  revisions.forEach((r, i) =>
    db
      .prepare(`INSERT INTO plan_revisions (plan_id, revision, status, reason, trich_yeu, content, saved_at) VALUES (?, ?, 'draft', ?, ?, kh_deflate(?), ?)`)
      .run(id, i + 1, r.reason, content.trichYeu, JSON.stringify(content), r.savedAt),
  );
  const seq = Number(lastInsertRowid);
  db.prepare('INSERT INTO plans_fts (rowid, text) VALUES (?, ?)').run(seq, foldVietnamese(`${number}-KH/HU\n${content.trichYeu}`));
  return seq;
}

const ORG = { id: '0b4a5a3e-7a3c-4c5e-9d4c-1a2b3c4d5e6f', name: 'Đảng ủy xã Bình Lư', kind: 'co-so', search: 'dang uy xa binh lu', created_at: '2025-01-02T03:04:05.000Z', updated_at: '2025-01-02T03:04:05.000Z' };

describe('migration 1 (foundation)', () => {
  it('creates the directory and settings, which then hold rows', () => {
    const db = databaseAt(0);
    upgrade(db, 1);
    db.prepare('INSERT INTO organizations (id, name, kind, search, created_at, updated_at) VALUES (@id, @name, @kind, @search, @created_at, @updated_at)').run(ORG);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('office.id', '\"x\"', 'now')").run();
    expect(rows(db, 'SELECT name, short_name, revision FROM organizations')).toEqual([{ name: ORG.name, short_name: '', revision: 1 }]);
  });
});

describe('migration 2 (plans)', () => {
  it('adds the plan tables and keeps the directory and settings rows', () => {
    const db = databaseAt(1);
    db.prepare('INSERT INTO organizations (id, name, kind, search, created_at, updated_at) VALUES (@id, @name, @kind, @search, @created_at, @updated_at)').run(ORG);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('self.profile', '{\"name\":\"HUYỆN ỦY\"}', 'now')").run();
    const before = [rows(db, 'SELECT * FROM organizations'), rows(db, 'SELECT * FROM settings')];
    upgrade(db, 2);
    expect([rows(db, 'SELECT * FROM organizations'), rows(db, 'SELECT * FROM settings')]).toEqual(before);
    const seq = insertPlanAtV2(db, '2f1d2a57-8a57-4b0e-9f4c-3f7f0f1e2d3c', '315', [{ reason: 'create', savedAt: '2025-01-02T03:04:05.000Z' }]);
    expect(db.prepare("SELECT rowid FROM plans_fts WHERE plans_fts MATCH '\"315\"'").pluck().all()).toEqual([seq]);
  });
});

describe('migration 3 (revision history index)', () => {
  it('keeps every revision and lets the thinning read autosaves from the index alone', () => {
    const db = databaseAt(2);
    const id = '2f1d2a57-8a57-4b0e-9f4c-3f7f0f1e2d3c';
    insertPlanAtV2(db, id, '', [
      { reason: 'create', savedAt: '2025-01-02T03:04:05.000Z' },
      { reason: 'save', savedAt: '2025-01-02T03:04:06.000Z' },
      { reason: 'save', savedAt: '2025-01-02T03:05:06.000Z' },
    ]);
    const before = rows(db, 'SELECT plan_id, revision, reason, saved_at, kh_inflate(content) AS content FROM plan_revisions ORDER BY revision');
    upgrade(db, 3);
    expect(rows(db, 'SELECT plan_id, revision, reason, saved_at, kh_inflate(content) AS content FROM plan_revisions ORDER BY revision')).toEqual(before);
    const plan = rows(db, "EXPLAIN QUERY PLAN SELECT revision, saved_at FROM plan_revisions WHERE plan_id = ? AND reason = 'save'", id) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/COVERING INDEX plan_revisions_by_reason/);
  });
});

describe('migration 4 (search by printed numbers)', () => {
  it('re-indexes every plan so "05-KH" finds the plan numbered 5, and changes nothing else', () => {
    const db = databaseAt(3);
    const five = insertPlanAtV2(db, '2f1d2a57-8a57-4b0e-9f4c-3f7f0f1e2d3c', '5', [{ reason: 'create', savedAt: '2025-01-02T03:04:05.000Z' }]);
    const big = insertPlanAtV2(db, '7c9e6679-7425-40de-944b-e07fc1f90ae7', '315', [{ reason: 'create', savedAt: '2025-01-03T03:04:05.000Z' }]);
    // A seed-sized plan's body becomes searchable too (the old index of this row held only the number and title).
    db.prepare("UPDATE plan_revisions SET content = kh_deflate(?) WHERE plan_id = '7c9e6679-7425-40de-944b-e07fc1f90ae7'").run(JSON.stringify(PlanContent.parse(seedContent())));
    const search = (q: string) => db.prepare('SELECT rowid FROM plans_fts WHERE plans_fts MATCH ? ORDER BY rowid').pluck().all(q);
    expect(search('"05" "kh"')).toEqual([]);
    const tables = () => [rows(db, 'SELECT * FROM plans ORDER BY seq'), rows(db, 'SELECT plan_id, revision, content FROM plan_revisions ORDER BY plan_id, revision')];
    const before = tables();
    upgrade(db, 4);
    expect(search('"05" "kh"')).toEqual([five]);
    expect(search('"315" "kh" "hu"')).toEqual([big]);
    expect(search('"na" "phat"')).toEqual([big]);
    expect(tables()).toEqual(before);
  });
});

describe('migration 5 (revision checksums)', () => {
  it('gives every intact revision the CRC-32 of its blob and marks a revision that no longer inflates as damaged', () => {
    const db = databaseAt(4);
    const id = '2f1d2a57-8a57-4b0e-9f4c-3f7f0f1e2d3c';
    insertPlanAtV2(db, id, '7', [
      { reason: 'create', savedAt: '2025-01-02T03:04:05.000Z' },
      { reason: 'save', savedAt: '2025-01-02T03:04:06.000Z' },
    ]);
    // Revision 1 was damaged on disk before this version: its blob cut short (a flipped byte inside a string's literal
    // would still inflate to valid JSON, which only a checksum taken when it was written can catch).
    const blob = db.prepare<[], Buffer>('SELECT content FROM plan_revisions WHERE revision = 1').pluck().get()!;
    const damaged = Buffer.from(blob.subarray(0, Math.floor(blob.length / 2)));
    db.prepare('UPDATE plan_revisions SET content = ? WHERE revision = 1').run(damaged);
    const before = rows(db, 'SELECT plan_id, revision, reason, saved_at, content FROM plan_revisions ORDER BY revision');
    upgrade(db, 5);
    expect(rows(db, 'SELECT plan_id, revision, reason, saved_at, content FROM plan_revisions ORDER BY revision')).toEqual(before);
    const marks = rows(db, 'SELECT revision, checksum, damaged_at FROM plan_revisions ORDER BY revision') as { revision: number; checksum: number | null; damaged_at: string | null }[];
    expect(marks[0]).toMatchObject({ revision: 1, checksum: null, damaged_at: expect.any(String) });
    const intact = db.prepare<[], Buffer>('SELECT content FROM plan_revisions WHERE revision = 2').pluck().get()!;
    expect(marks[1]).toEqual({ revision: 2, checksum: crc32(intact), damaged_at: null });
  });
});

describe('migration 6 (task tracking)', () => {
  it('adds the tracking tables without touching plans, and keeps progress reports append-only', () => {
    const db = databaseAt(5);
    const id = '3a1d2a57-8a57-4b0e-9f4c-3f7f0f1e2d3c';
    insertPlanAtV2(db, id, '8', [{ reason: 'create', savedAt: '2025-01-02T03:04:05.000Z' }]);
    const before = rows(db, 'SELECT plan_id, revision, reason, saved_at, content FROM plan_revisions ORDER BY revision');
    upgrade(db, 6);
    expect(rows(db, 'SELECT plan_id, revision, reason, saved_at, content FROM plan_revisions ORDER BY revision')).toEqual(before);
    db.prepare(
      `INSERT INTO tracked_tasks (id, plan_id, source, source_id, position, text, due_kind, tracked_from, created_at, updated_at)
       VALUES ('t1', ?, 'task', 't1', 0, 'Nhiệm vụ', 'none', '2025-01-02', 'x', 'x')`,
    ).run(id);
    db.prepare(`INSERT INTO task_reports (id, task_id, date, text, created_at) VALUES ('r1', 't1', '2025-01-03', 'Đã làm', 'x')`).run();
    expect(() => db.prepare(`UPDATE task_reports SET text = 'khác' WHERE id = 'r1'`).run()).toThrow(/append-only/);
  });
});

describe('migration 8 (task status today)', () => {
  it('keeps tracked tasks and their facts, adding the kept status columns empty (recomputed on first read)', () => {
    const db = databaseAt(7);
    const id = '4b1d2a57-8a57-4b0e-9f4c-3f7f0f1e2d3c';
    insertPlanAtV2(db, id, '9', [{ reason: 'create', savedAt: '2025-01-02T03:04:05.000Z' }]);
    db.prepare(
      `INSERT INTO tracked_tasks (id, plan_id, source, source_id, position, text, due_kind, due_day, tracked_from, completed_at, created_at, updated_at)
       VALUES ('t1', ?, 'task', 't1', 0, 'Nhiệm vụ', 'dates', '2025-03-31', '2025-01-02', '2025-03-30', 'x', 'x')`,
    ).run(id);
    const before = rows(db, 'SELECT * FROM tracked_tasks');
    upgrade(db, 8);
    const after = rows(db, 'SELECT * FROM tracked_tasks') as Record<string, unknown>[];
    expect(after.map(({ status_today, due_today, ...rest }) => (expect([status_today, due_today]).toEqual([null, '~']), rest))).toEqual(before);
    expect(rows(db, 'SELECT * FROM task_status_day')).toEqual([]);
  });
});

describe('migration 10 (task list search)', () => {
  it('gives each tracked task its plan’s term and indexes its folded words; both follow later changes', () => {
    const db = databaseAt(9);
    const id = '5c1d2a57-8a57-4b0e-9f4c-3f7f0f1e2d3c';
    insertPlanAtV2(db, id, '10', [{ reason: 'create', savedAt: '2025-01-02T03:04:05.000Z' }]);
    db.prepare(`UPDATE plans SET term = '2020-2025' WHERE id = ?`).run(id);
    db.prepare(
      `INSERT INTO tracked_tasks (id, plan_id, source, source_id, position, text, search_folded, due_kind, tracked_from, created_at, updated_at)
       VALUES ('t1', ?, 'task', 't1', 0, 'Tổ chức đại hội điểm', 'to chuc dai hoi diem 10-kh/hu', 'none', '2025-01-02', 'x', 'x')`,
    ).run(id);
    const before = rows(db, 'SELECT * FROM tracked_tasks');
    upgrade(db, 10);
    const after = rows(db, 'SELECT * FROM tracked_tasks') as Record<string, unknown>[];
    expect(after.map(({ term, ...rest }) => (expect(term).toBe('2020-2025'), rest))).toEqual(before);
    const found = (words: string) => rows(db, 'SELECT rowid FROM tracked_tasks_fts WHERE tracked_tasks_fts MATCH ?', words).length;
    expect(found('"dai" "hoi" "die"*')).toBe(1);

    db.prepare(`UPDATE plans SET term = '2025-2030' WHERE id = ?`).run(id);
    expect(rows(db, 'SELECT term FROM tracked_tasks')).toEqual([{ term: '2025-2030' }]);
    db.prepare(`UPDATE tracked_tasks SET search_folded = 'kiem tra cong tac' WHERE id = 't1'`).run();
    expect([found('"dai"'), found('"kiem" "tra"')]).toEqual([0, 1]);
    db.prepare(`DELETE FROM plans WHERE id = ?`).run(id);
    expect(found('"kiem"')).toBe(0);
  });
});

describe('migration 11 (shared directory entries)', () => {
  it('keeps every directory entry as it was, none shared until the clerk says so', () => {
    const db = databaseAt(10);
    db.prepare(
      `INSERT INTO organizations (id, name, short_name, kind, notes, search, created_at, updated_at)
       VALUES ('o1', 'Ban Tuyên giáo', 'BTG', 'ban-dang', '', 'ban tuyen giao btg', 'x', 'x')`,
    ).run();
    const before = rows(db, 'SELECT * FROM organizations');
    upgrade(db, 11);
    const after = rows(db, 'SELECT * FROM organizations') as Record<string, unknown>[];
    expect(after.map(({ shared, ...rest }) => (expect(shared).toBe(0), rest))).toEqual(before);
    expect(() => db.prepare(`UPDATE organizations SET shared = 2`).run()).toThrow(/CHECK/u);
  });
});
