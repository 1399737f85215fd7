import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { minimalContent } from './fixtures/plans';
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
});
