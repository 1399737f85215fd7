/**
 * The relay main uses, against the BUILT backend worker (out/main/worker.js, the file the app ships): calls go
 * through worker_threads to a real SQLite file and come back in the contract's shape.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { storedContent } from '../../electron/backend/db/content-codec';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { BackendWorker } from '../../electron/main/backend-worker';
import { minimalContent, seedContent } from '../backend/fixtures/plans';

const workerFile = resolve('out/main/worker.js');

describe('BackendWorker with the built worker', () => {
  it('is built', () => {
    expect(existsSync(workerFile)).toBe(true);
  });

  it('relays calls, validates input, persists across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-worker-'));
    const config = { dataDir, resourcesDir: resolve('resources'), appVersion: '0.0.0-test' };
    const w1 = new BackendWorker(workerFile, config);
    const info = await w1.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, data: { dataDir, version: '0.0.0-test' } });
    const bad = await w1.invoke('org.save', { name: '', kind: 'khac' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const saved = await w1.invoke('org.save', { name: 'Ban Tổ chức Huyện ủy', kind: 'ban-dang' });
    expect(saved.ok).toBe(true);
    const templates = await w1.invoke('template.list', {});
    expect(templates.ok && templates.data.length).toBeGreaterThanOrEqual(6);
    await w1.stop();

    const w2 = new BackendWorker(workerFile, config);
    const list = await w2.invoke('org.list', { query: 'ban to chuc' });
    expect(list.ok && list.data.map((o) => o.name)).toEqual(['Ban Tổ chức Huyện ủy']);
    await w2.stop();
  });

  const newConfig = () => ({ dataDir: mkdtempSync(join(tmpdir(), 'kh-worker-')), resourcesDir: resolve('resources'), appVersion: '0.0.0-test' });

  /** A relay whose threads the test can reach (to kill one as a crash would, at a moment Node survives: zlib.ts). */
  function relay(config = newConfig(), callTimeoutMs?: number) {
    const threads: { thread: Worker; kill: () => Promise<number> }[] = [];
    const worker = new BackendWorker(workerFile, config, { callTimeoutMs, onStart: (thread, kill) => threads.push({ thread, kill }) });
    return { worker, threads, config };
  }

  it('fails the call in flight when the thread is killed, then restarts it and reopens the database', async () => {
    const { worker, threads } = relay();
    const id = randomUUID();
    expect(await worker.invoke('plan.save', { ...minimalContent(), id, baseRevision: null })).toMatchObject({ ok: true });

    const inFlight = worker.invoke('plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null });
    const alsoInFlight = worker.invoke('plan.list', {});
    await threads[0]!.kill();
    const [killed, killedToo] = await Promise.all([inFlight, alsoInFlight]);
    expect(killed).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/Phần xử lý dữ liệu đã dừng bất ngờ/) } });
    expect(killedToo).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const after = await worker.invoke('plan.get', { id });
    expect(after).toMatchObject({ ok: true, data: { id, revision: 1 } });
    expect(threads).toHaveLength(2);
    // And again: every death is followed by a working thread.
    await threads[1]!.kill();
    expect(await worker.invoke('plan.get', { id })).toMatchObject({ ok: true, data: { id } });
    await worker.stop();
  });

  it('fails a call that takes longer than its timeout with a Vietnamese message, replaces a stuck thread, answers the next call', async () => {
    const { worker, threads } = relay();
    const seed = await worker.invoke('plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null });
    if (!seed.ok) throw new Error(seed.error.message);
    const started = performance.now();
    // A .docx of the seed plan takes far more than 1 ms: the thread answers nothing within the timeout.
    const late = await worker.invoke('plan.renderDocx', { id: seed.data.id }, { timeoutMs: 1 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(late).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/không trả lời sau 1 giây/) } });
    expect(await worker.invoke('plan.get', { id: seed.data.id })).toMatchObject({ ok: true, data: { revision: 1 } });
    expect(threads).toHaveLength(2);
    await worker.stop();
  });

  it('fails the pending calls when a reply cannot cross to main (messageerror), and keeps answering', async () => {
    const { worker, config } = relay();
    const id = randomUUID();
    expect(await worker.invoke('plan.save', { ...minimalContent(), id, baseRevision: null })).toMatchObject({ ok: true });
    // A plan stored by an older version, nested far deeper than a reply can be deserialised: plan.get returns it as stored.
    const levels = 5000; // JSON built as text: JSON.stringify itself would recurse that deep
    const deep = '{"kind":"section","title":"","children":['.repeat(levels) + '{"kind":"paragraph","text":"sâu"}' + ']}'.repeat(levels);
    const content = JSON.stringify({ ...minimalContent(), body: [] }).replace('"body":[]', `"body":[${deep}]`);
    const db = new Database(join(config.dataDir, DATABASE_FILE));
    const stored = storedContent(content);
    db.prepare('UPDATE plan_revisions SET content = ?, checksum = ? WHERE plan_id = ?').run(stored.blob, stored.checksum, id);
    db.close();
    const unreadable = await worker.invoke('plan.get', { id });
    expect(unreadable).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/không đọc được|không chuyển được/) } });
    expect(await worker.invoke('app.info', {})).toMatchObject({ ok: true });
    await worker.stop();
  });

  it('answers every call after stop with a message instead of hanging', async () => {
    const { worker } = relay();
    await worker.stop();
    expect(await worker.invoke('app.info', {})).toMatchObject({ ok: false, error: { message: 'Phần xử lý dữ liệu đã đóng.' } });
  });
});
