/**
 * A package of many issued plans: the import queues their tracked tasks (task_sync_queue) instead of creating them in
 * its transaction; they are created soon after in background steps, or at once before anything reads tasks, and
 * after a restart. Created together, the tasks' search index takes them in a few passes, each task with its own id
 * (two plans whose content shares ids as well), listed and searchable, exactly as issuing each plan here would make
 * them, tracked from the day of the import.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { DATABASE_FILE } from '../../../electron/backend/db/open';
import { renewIds } from '../../../shared/model/renew-ids';
import { templateContent } from '../fixtures/plans';
import { call, cleanup, openBackend, tempDir, until } from '../helpers';
import { communeProfile, exportFrom, provinceProfile } from './helpers';

afterEach(cleanup);

const SEEDS = ['seed-01-huyen-uy-dai-hoi-diem.json', 'seed-02-tinh-uy-thuc-hien-chi-thi-35.json'].map(templateContent);

/**
 * How many segments FTS5 has ever written for a table: the write counter of its structure record (row 10 of
 * `<table>_data`: a 4-byte cookie, the optional version-2 marker FF 00 00 01, then varints: levels, segments, writes).
 */
function ftsSegmentsWritten(dbFile: string, table: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    const blob = db.prepare<[], { block: Buffer }>(`SELECT block FROM ${table}_data WHERE id = 10`).get()!.block;
    let i = 4;
    if (blob[i] === 0xff && blob[i + 1] === 0 && blob[i + 2] === 0 && blob[i + 3] === 1) i += 4;
    const varint = () => {
      let v = 0;
      for (;;) {
        const b = blob[i++]!;
        v = v * 128 + (b & 0x7f);
        if (b < 0x80) return v;
      }
    };
    varint(); // levels
    varint(); // segments
    return varint();
  } finally {
    db.close();
  }
}

/** A package of 12 issued plans (the first two share their content ids), and the plans' ids in order. */
async function twelvePlans(): Promise<{ base64: string; ids: string[] }> {
  const senderDir = tempDir();
  const sender = openBackend(senderDir);
  await call(sender, 'org.saveSelf', provinceProfile);
  const shared = renewIds(SEEDS[0]!, randomUUID);
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    // The first two plans share their content ids (as a copy made without new ids would).
    const content = i < 2 ? shared : renewIds(SEEDS[i % SEEDS.length]!, randomUUID);
    ids.push((await call(sender, 'plan.save', { ...content, id: randomUUID(), baseRevision: null })).id);
  }
  sender.close();
  // Issued as they are (issuing here would lint and render each .docx, not what is tested).
  const raw = new Database(join(senderDir, DATABASE_FILE));
  raw.prepare("UPDATE plans SET status = 'issued'").run();
  raw.close();
  const again = openBackend(senderDir);
  return { base64: await exportFrom(again), ids };
}

/** What the receiver's database holds: the queue, and the tracked tasks in order. */
function stored(dataDir: string) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return {
      queued: db.prepare<[], { plan_id: string; tracked_from: string }>('SELECT plan_id, tracked_from FROM task_sync_queue ORDER BY rowid').all(),
      rows: db.prepare<[], { id: string; plan_id: string; source_id: string; tracked_from: string }>(
        'SELECT id, plan_id, source_id, tracked_from FROM tracked_tasks ORDER BY seq',
      ).all(),
    };
  } finally {
    db.close();
  }
}

describe('importing many issued plans', () => {
  it('queues the plans\' tracked tasks and creates them in the background: listed, searchable, distinct ids; the search indexes written in a few segments', async () => {
    const { base64, ids } = await twelvePlans();
    const receiverDir = tempDir();
    const receiver = openBackend(receiverDir);
    await call(receiver, 'org.saveSelf', communeProfile);
    const imported = await call(receiver, 'exchange.import', { base64, trust: true });
    expect(imported.opened && imported.inspection.counts.new).toBe(12);
    // Committed with the plans: the queue, in the plans' order, and no task yet.
    const right = stored(receiverDir);
    expect(right.queued.map((q) => q.plan_id)).toEqual(ids);
    expect(right.rows).toEqual([]);
    // The background steps empty it, with nothing asking for tasks.
    await until(() => stored(receiverDir).queued.length === 0, 'the background steps');
    const { rows } = stored(receiverDir);

    const db = new Database(join(receiverDir, DATABASE_FILE), { readonly: true });
    const perPlan = db.prepare<[], { plan_id: string; n: number }>('SELECT plan_id, count(*) AS n FROM tasks GROUP BY plan_id').all();
    const pilotUnits = db.prepare<[], number>('SELECT count(*) FROM pilot_units').pluck().get()!;
    db.close();
    // Every task and pilot unit of every plan is tracked once, in the plans' order, each with its own id.
    expect(rows.length).toBe(perPlan.reduce((n, p) => n + p.n, 0) + pilotUnits);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect([...new Set(rows.map((r) => r.plan_id))]).toEqual(ids);
    const [first, second] = [rows.filter((r) => r.plan_id === ids[0]), rows.filter((r) => r.plan_id === ids[1])];
    expect(second.map((r) => r.source_id)).toEqual(first.map((r) => r.source_id));
    expect(first.every((r) => r.id === r.source_id)).toBe(true);
    expect(second.every((r) => r.id !== r.source_id)).toBe(true);

    // Listed with a status, and found by the words of their text.
    const listed = await call(receiver, 'task.list', { planId: ids[1]!, limit: 500 });
    expect(listed.total).toBe(second.length);
    expect(listed.items.every((t) => t.status)).toBe(true);
    const word = listed.items[0]!.text.split(/\s+/u).find((w) => w.length > 4)!;
    const found = await call(receiver, 'task.list', { planId: ids[1]!, search: word, limit: 500 });
    expect(found.items.map((t) => t.id)).toContain(listed.items[0]!.id);

    // Each plan found by the words of its trích yếu.
    const title = (await call(receiver, 'plan.get', { id: ids[5]! })).trichYeu;
    const byTitle = await call(receiver, 'plan.list', { query: title, origin: 'received' });
    expect(byTitle.items.map((p) => p.id)).toContain(ids[5]);

    // A task (or a plan) at a time, FTS5 writes a segment per task (hundreds here) and per plan; together, a few.
    expect(rows.length).toBeGreaterThan(100);
    expect(ftsSegmentsWritten(join(receiverDir, DATABASE_FILE), 'tracked_tasks_fts')).toBeLessThan(10);
    expect(ftsSegmentsWritten(join(receiverDir, DATABASE_FILE), 'plans_fts')).toBeLessThan(4);
  });

  it('a read of tasks right after the import creates the queued ones first: nothing is ever missing', async () => {
    const { base64, ids } = await twelvePlans();
    const receiverDir = tempDir();
    const receiver = openBackend(receiverDir);
    await call(receiver, 'exchange.import', { base64, trust: true });
    expect(stored(receiverDir).queued).toHaveLength(12);
    const summary = await call(receiver, 'task.summary', { withinDays: 7, limit: 5 });
    const { queued, rows } = stored(receiverDir);
    expect(queued).toEqual([]);
    expect(summary.rollUp.total).toBe(rows.length);
    expect([...new Set(rows.map((r) => r.plan_id))]).toEqual(ids);
    // The filter's options read the same tasks.
    const options = await call(receiver, 'task.filterOptions', {});
    expect(options.bodies.length).toBeGreaterThan(0);
  });

  it('a store locked by another program: a read answers without the queued tasks, and they come once it is free', async () => {
    const { base64, ids } = await twelvePlans();
    const receiverDir = tempDir();
    const receiver = openBackend(receiverDir);
    await call(receiver, 'exchange.import', { base64, trust: true });
    const other = new Database(join(receiverDir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      expect((await call(receiver, 'task.list', { limit: 10 })).total).toBe(0);
      expect(stored(receiverDir).queued).toHaveLength(12);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await until(() => stored(receiverDir).queued.length === 0, 'the retry once the lock is gone');
    const { rows } = stored(receiverDir);
    expect([...new Set(rows.map((r) => r.plan_id))]).toEqual(ids);
    expect((await call(receiver, 'task.list', { limit: 10 })).total).toBe(rows.length);
  });

  it('a queue left by a closed app is created at the next start, tracked from the day of the import', async () => {
    const { base64, ids } = await twelvePlans();
    const receiverDir = tempDir();
    const importDay = Date.parse('2026-03-02T08:00:00Z');
    const first = createBackend({ dataDir: receiverDir, appVersion: '9.9.9-test', clock: () => importDay, revisionScanDelayMs: null });
    try {
      await call(first, 'exchange.import', { base64, trust: true });
    } finally {
      // Closed before the first background step.
      first.close();
    }
    expect(stored(receiverDir).queued.map((q) => q.plan_id)).toEqual(ids);
    expect(stored(receiverDir).queued.every((q) => q.tracked_from === '2026-03-02')).toBe(true);

    const later = createBackend({ dataDir: receiverDir, appVersion: '9.9.9-test', clock: () => importDay + 5 * 86_400_000, revisionScanDelayMs: null });
    try {
      await until(() => stored(receiverDir).queued.length === 0, 'the steps after the restart');
      const { rows } = stored(receiverDir);
      expect([...new Set(rows.map((r) => r.plan_id))]).toEqual(ids);
      expect(rows.every((r) => r.tracked_from === '2026-03-02')).toBe(true);
      expect((await call(later, 'task.list', { planId: ids[3]!, limit: 500 })).total).toBe(rows.filter((r) => r.plan_id === ids[3]).length);
    } finally {
      later.close();
    }
  });
});
