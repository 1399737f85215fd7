/**
 * The relay main uses, against the BUILT backend worker (out/main/worker.js, the file the app ships): calls go
 * through worker_threads to a real SQLite file and come back in the contract's shape.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BackendWorker } from '../../electron/main/backend-worker';

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
});
