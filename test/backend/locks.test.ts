/**
 * Another program holding the database (a second copy of the app, a backup tool, a database browser): a save waits
 * for the lock without holding the backend (reads issued after it are answered at once), fails with the Vietnamese
 * "in use" message when the lock stays, and goes through, in order, once the other program lets go. The lock is held by
 * a real second process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { LOCK_WAIT_MS } from '../../electron/backend/dispatch';
import { minimalContent } from './fixtures/plans';
import { call, cleanup, openBackend, tempDir } from './helpers';

const holders: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const h of holders.splice(0)) h.kill('SIGKILL');
  cleanup();
});

/** A second process that opens the file, takes the lock with `sql` and writes a row, then holds it until told. */
async function holdLock(file: string, setup: string, sql: string) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    ${setup}
    db.exec(${JSON.stringify(sql)});
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('other.program', '1', '2025-01-01')").run();
    process.stdout.write('held\\n');
    process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: join(__dirname, '../..') });
  holders.push(child);
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => (out += c));
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  while (!out.includes('held')) {
    if (child.exitCode !== null) throw new Error(`lock holder failed: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    async release() {
      child.stdin.write('go\n');
      await once(child, 'exit');
    },
  };
}

const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
};

describe('the database held by another program', () => {
  it('a save held out past the wait answers DB_LOCKED in Vietnamese while reads answer at once, and saves again once the lock is gone', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const plan = await call(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null });

    const holder = await holdLock(join(dataDir, DATABASE_FILE), '', 'BEGIN EXCLUSIVE');
    const [refused, waited] = await timed(() =>
      backend.invoke('plan.save', { ...minimalContent({ trichYeu: 'Sửa khi tệp đang bị giữ' }), id: plan.id, baseRevision: plan.revision }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_LOCKED', message: expect.stringMatching(/đang bị chương trình khác sử dụng/) } });
    expect(JSON.stringify(refused)).not.toMatch(/database is locked|SQLITE_BUSY/);
    expect(waited).toBeLessThan(LOCK_WAIT_MS + 1500);
    console.log(`save refused after ${Math.round(waited)} ms (waits up to ${LOCK_WAIT_MS} ms)`);

    // WAL: a write lock held elsewhere does not stop reads.
    const [list, listMs] = await timed(() => backend.invoke('plan.list', {}));
    const [got, getMs] = await timed(() => backend.invoke('plan.get', { id: plan.id }));
    expect(list).toMatchObject({ ok: true, data: { total: 1 } });
    expect(got).toMatchObject({ ok: true, data: { revision: 1, trichYeu: plan.trichYeu } });
    expect(listMs + getMs).toBeLessThan(400);
    console.log(`reads with the write lock held elsewhere: plan.list ${Math.round(listMs)} ms, plan.get ${Math.round(getMs)} ms`);

    await holder.release();
    const saved = await call(backend, 'plan.save', { ...minimalContent({ trichYeu: 'Sửa khi tệp đã rảnh' }), id: plan.id, baseRevision: plan.revision });
    expect(saved.revision).toBe(2);
  }, 30_000);

  it('a save waiting for a RESERVED lock (BEGIN IMMEDIATE) held elsewhere does not hold up reads issued after it; saves land in order once it is released', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const plan = await call(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null });
    const holder = await holdLock(join(dataDir, DATABASE_FILE), '', 'BEGIN IMMEDIATE');

    const finished: string[] = [];
    const issued = performance.now();
    const first = backend.invoke('plan.save', { ...minimalContent({ trichYeu: 'Lần sửa thứ nhất' }), id: plan.id, baseRevision: plan.revision });
    const second = backend.invoke('plan.save', { ...minimalContent({ trichYeu: 'Lần sửa thứ hai' }), id: plan.id, baseRevision: plan.revision + 1 });
    void first.then(() => finished.push('first'));
    void second.then(() => finished.push('second'));

    // Issued after the waiting saves, while the lock is still held: answered at once (timed from the first save's
    // call, since a backend that blocks would block inside that call), from the data as it was.
    const list = await backend.invoke('plan.list', {});
    const listMs = performance.now() - issued;
    const [got, getMs] = await timed(() => backend.invoke('plan.get', { id: plan.id }));
    console.log(`reads behind two waiting saves: plan.list answered ${Math.round(listMs)} ms after the first save was sent, plan.get ${Math.round(getMs)} ms`);
    expect(list).toMatchObject({ ok: true, data: { total: 1 } });
    expect(got).toMatchObject({ ok: true, data: { revision: 1 } });
    expect(listMs).toBeLessThan(100);
    expect(getMs).toBeLessThan(100);
    expect(finished).toEqual([]);

    await new Promise((r) => setTimeout(r, 150));
    await holder.release();
    // The first save lands before the second (which is based on it), and both land.
    expect(await first).toMatchObject({ ok: true, data: { revision: 2, trichYeu: 'Lần sửa thứ nhất' } });
    expect(await second).toMatchObject({ ok: true, data: { revision: 3, trichYeu: 'Lần sửa thứ hai' } });
    expect(finished).toEqual(['first', 'second']);
    expect(await call(backend, 'plan.get', { id: plan.id })).toMatchObject({ revision: 3, trichYeu: 'Lần sửa thứ hai' });
  }, 30_000);

  it('a RESERVED lock (BEGIN IMMEDIATE) held elsewhere: reads answer quickly, a save behind it no longer waits 10 s', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const plan = await call(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null });
    const holder = await holdLock(join(dataDir, DATABASE_FILE), '', 'BEGIN IMMEDIATE');
    // A save and a read sent together: the read is answered right after the save gives up, not 10 s later.
    const [[save, read], both] = await timed(() =>
      Promise.all([
        backend.invoke('plan.save', { ...minimalContent({ trichYeu: 'Lưu khi bị giữ' }), id: plan.id, baseRevision: plan.revision }),
        backend.invoke('plan.get', { id: plan.id }),
      ]),
    );
    expect(save).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
    expect(read).toMatchObject({ ok: true, data: { revision: 1 } });
    expect(both).toBeLessThan(LOCK_WAIT_MS + 1500);
    const [, readMs] = await timed(() => backend.invoke('plan.list', {}));
    expect(readMs).toBeLessThan(300);
    await holder.release();
  }, 30_000);
});
