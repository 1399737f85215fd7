import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { MAX_BODY_DEPTH } from '../../shared/model';
import { minimalContent, nestedContent } from './fixtures/plans';
import { cleanup, tempDir } from './helpers';
import { startWorker } from './worker-client';

afterEach(cleanup);

describe('the backend worker thread', () => {
  it('opens the store, answers invoke messages by id, and closes cleanly', async () => {
    const dataDir = tempDir();
    const worker = startWorker({ dataDir, appVersion: '1.2.3' });
    expect(await worker.ready).toEqual({ type: 'ready', ok: true, schemaVersion: LATEST_SCHEMA_VERSION });

    const [info, saved, bad, unknown] = await Promise.all([
      worker.invoke('app.info', {}),
      worker.invoke('plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null }),
      worker.invoke('plan.get', { id: 'nope' }),
      worker.invoke('plan.explode', {}),
    ]);
    expect(info).toMatchObject({ ok: true, data: { version: '1.2.3', dataDir, schemaVersion: LATEST_SCHEMA_VERSION } });
    expect(saved).toMatchObject({ ok: true, data: { revision: 1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const list = await worker.invoke('template.list', {});
    expect(list.ok && (list.data as unknown[]).length).toBeGreaterThan(0);
    await worker.close();
  });

  it('stays up when the store cannot open and answers every call with the Vietnamese reason', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const worker = startWorker({ dataDir });
    const ready = await worker.ready;
    expect(ready).toMatchObject({ ok: false, error: { code: 'DB_NEWER' } });
    const result = await worker.invoke('plan.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DB_NEWER', message: expect.stringMatching(/phiên bản mới hơn/) } });
    await worker.close();
  });

  it('stays up after malformed channel names and answers each with UNKNOWN_CHANNEL', async () => {
    const worker = startWorker({ dataDir: tempDir() });
    await worker.ready;
    // { toString: 1 } cannot be turned into a string: formatting it once threw outside the error handling.
    for (const channel of [{ toString: 1 }, { name: 'plan.list' }, null, 42, ['plan.list'], '']) {
      expect(await worker.invoke(channel as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(await worker.invoke('plan.list', {})).toMatchObject({ ok: true });
    await worker.close();
  });

  it(`refuses a body nested deeper than ${MAX_BODY_DEPTH} levels with VALIDATION, and keeps answering`, async () => {
    const worker = startWorker({ dataDir: tempDir() });
    await worker.ready;
    const ok = await worker.invoke('plan.save', { ...nestedContent(MAX_BODY_DEPTH), id: randomUUID(), baseRevision: null });
    expect(ok).toMatchObject({ ok: true });
    for (const depth of [MAX_BODY_DEPTH + 1, 800]) {
      const id = randomUUID();
      const started = performance.now();
      const refused = await worker.invoke('plan.save', { ...nestedContent(depth), id, baseRevision: null });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/lồng quá 12 cấp/) } });
      expect(await worker.invoke('plan.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const list = await worker.invoke('plan.list', {});
    expect(list.ok && (list.data as { total: number }).total).toBe(1);
    await worker.close();
  });
});
