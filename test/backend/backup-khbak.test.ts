/**
 * The .khbak file ("Sao lưu ra USB"): written whole, encrypted when asked and always when a plan has a secrecy mark,
 * read back checked whole before anything in the data folder changes.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { isEncrypted } from '../../electron/backend/backup/khbak';
import type { Backend } from '../../electron/backend';
import { minimalContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend, tempDir } from './helpers';

afterAll(cleanup);

function newPlan(trichYeu: string, secrecy: '' | 'MẬT' = '') {
  const content = minimalContent({ trichYeu });
  return { ...content, header: { ...content.header, secrecy }, id: randomUUID(), baseRevision: null };
}

/** The data folder's entries with their sizes and times: "nothing changed" is checked on this. */
const folderState = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const info = statSync(join(dir, name));
      return `${name} ${info.size} ${info.mtimeMs}`;
    });

async function titles(backend: Backend) {
  return (await call(backend, 'plan.list', { query: '' })).items.map((p) => p.trichYeu).sort();
}

describe('.khbak', () => {
  it('carries everything to another machine: export, read, preview, restore', async () => {
    const source = openBackend();
    await call(source, 'plan.save', newPlan('Kế hoạch A'));
    const b = await call(source, 'plan.save', newPlan('Kế hoạch B'));
    await call(source, 'plan.allocateNumber', { id: b.id });
    const file = await call(source, 'backup.exportFile', {});
    expect(file.encrypted).toBe(false);
    const zip = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(zip).sort()).toEqual(['kehoach.sqlite', 'manifest.json']);
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'kehoach-khbak', appVersion: '9.9.9-test', counts: { plans: 2, registerEntries: 1 } });
    expect(manifest.entries[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const target = openBackend();
    await call(target, 'plan.save', newPlan('Dữ liệu cũ của máy mới'));
    const staged = await call(target, 'backup.stageFile', { base64: file.base64 });
    if (!staged.staged) throw new Error('not staged');
    expect(staged.preview).toMatchObject({ refusal: null, appVersion: '9.9.9-test', counts: manifest.counts });
    expect(await titles(target)).toEqual(['Dữ liệu cũ của máy mới']); // reading changed nothing
    const restored = await call(target, 'backup.restore', { source: { from: 'file', id: staged.id } });
    expect(restored.beforeRestore).toMatch(/-before-restore\.sqlite$/);
    expect(await titles(target)).toEqual(['Kế hoạch A', 'Kế hoạch B']);
    expect((await call(target, 'register.list', {})).entries).toHaveLength(1);
    // The staged copy is spent.
    expect((await callError(target, 'backup.restore', { source: { from: 'file', id: staged.id } })).code).toBe('NOT_FOUND');
  });

  it('is always encrypted when a plan carries a secrecy mark; the passphrase opens it, a wrong one says so', async () => {
    const source = openBackend();
    await call(source, 'plan.save', newPlan('Kế hoạch mật', 'MẬT'));
    expect((await call(source, 'backup.secretPlans', {})).secretPlans).toBe(true);
    const refused = await callError(source, 'backup.exportFile', {});
    expect(refused.message).toMatch(/độ mật.*mật khẩu/);
    const file = await call(source, 'backup.exportFile', { passphrase: 'mật khẩu dài' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(file.encrypted).toBe(true);
    expect(isEncrypted(bytes)).toBe(true);
    expect(bytes[9]).toBe(15); // scrypt N = 2^15
    expect(bytes.includes(Buffer.from('Kế hoạch mật'))).toBe(false);

    const target = openBackend();
    expect(await call(target, 'backup.stageFile', { base64: file.base64 })).toEqual({ staged: false, needsPassphrase: true });
    expect((await callError(target, 'backup.stageFile', { base64: file.base64, passphrase: 'sai mật khẩu' })).message).toMatch(/mật khẩu không đúng/);
    const staged = await call(target, 'backup.stageFile', { base64: file.base64, passphrase: 'mật khẩu dài' });
    if (!staged.staged) throw new Error('not staged');
    await call(target, 'backup.restore', { source: { from: 'file', id: staged.id } });
    expect(await titles(target)).toEqual(['Kế hoạch mật']);
  });

  it('refuses a damaged or altered file with a Vietnamese reason, and the data folder does not change', async () => {
    const source = openBackend();
    await call(source, 'plan.save', newPlan('Kế hoạch gốc'));
    const good = Buffer.from((await call(source, 'backup.exportFile', {})).base64, 'base64');
    const encrypted = Buffer.from((await call(source, 'backup.exportFile', { passphrase: 'mật khẩu dài' })).base64, 'base64');

    const dataDir = tempDir();
    const target = openBackend(dataDir);
    await call(target, 'plan.save', newPlan('Giữ nguyên'));
    const before = folderState(dataDir);

    const truncated = good.subarray(0, good.length - 100);
    const flipped = Buffer.from(encrypted);
    flipped[flipped.length - 40]! ^= 1;
    const zip = unzipSync(good);
    const db = Buffer.from(zip['kehoach.sqlite']!);
    db[db.length - 10]! ^= 0xff;
    const altered = zipSync({ 'manifest.json': zip['manifest.json']!, 'kehoach.sqlite': db });
    const extra = zipSync({ ...zip, 'thêm.exe': strToU8('x') });
    const notABackup = Buffer.from('Đây không phải tệp sao lưu');
    const cases: [Uint8Array, string | undefined, RegExp][] = [
      [truncated, undefined, /không phải bản sao lưu \.khbak hoặc đã bị hỏng/],
      [flipped, 'mật khẩu dài', /mật khẩu không đúng, hoặc tệp đã bị sửa đổi/],
      [altered, undefined, /kehoach\.sqlite bị thiếu hoặc sai mã kiểm tra/],
      [extra, undefined, /thành phần lạ/],
      [notABackup, undefined, /không phải bản sao lưu/],
    ];
    for (const [bytes, passphrase, message] of cases) {
      const error = await callError(target, 'backup.stageFile', { base64: Buffer.from(bytes).toString('base64'), passphrase });
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Dữ liệu hiện có không bị thay đổi/);
    }
    expect(folderState(dataDir)).toEqual(before);
    expect(await titles(target)).toEqual(['Giữ nguyên']);
  });
});
