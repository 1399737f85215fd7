/**
 * A package of many issued plans: their tracked tasks are created together once every plan is written, so the
 * tasks' search index takes them in one pass, each task with its own id (two plans whose content shares ids as well),
 * listed and searchable, exactly as issuing each plan here would make them.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/backend/db/open';
import { renewIds } from '../../../shared/model/renew-ids';
import { templateContent } from '../fixtures/plans';
import { call, cleanup, openBackend, tempDir } from '../helpers';
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

describe('importing many issued plans', () => {
  it('indexes the plans and creates every tracked task at once: listed, searchable, distinct ids; the search indexes written in a few segments', async () => {
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
    const base64 = await exportFrom(again);

    const receiverDir = tempDir();
    const receiver = openBackend(receiverDir);
    await call(receiver, 'org.saveSelf', communeProfile);
    const imported = await call(receiver, 'exchange.import', { base64, trust: true });
    expect(imported.opened && imported.inspection.counts.new).toBe(12);

    const db = new Database(join(receiverDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare<[], { id: string; plan_id: string; source_id: string }>(
      'SELECT id, plan_id, source_id FROM tracked_tasks ORDER BY seq',
    ).all();
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
});
