/**
 * The office's private key (signed exchange) leaves the machine only inside an encrypted .khbak the clerk asked for:
 * never in a plain .khbak, an automatic backup or a package; restoring that .khbak brings the same identity back.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { decrypt } from '../../electron/backend/backup/khbak';
import { seedContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend } from './helpers';

afterAll(cleanup);

const PASS = 'mật khẩu đủ dài';
const privateKeyOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'identity', 'office-key.json'), 'utf8')) as { privateKey: string }).privateKey;
/** Every byte of a zip's entries, as text (the key is base64 text in a JSON file). */
const allText = (zip: Uint8Array) => Object.values(unzipSync(zip)).map((b) => Buffer.from(b).toString('latin1')).join('\n');

describe('the office key', () => {
  it('is in no plain .khbak, automatic backup or package', async () => {
    const backend = openBackend();
    const key = privateKeyOf(backend.dataDir);
    const plan = await call(backend, 'plan.save', { ...seedContent(), id: crypto.randomUUID(), baseRevision: null });
    await call(backend, 'plan.issue', { id: plan.id });
    const plain = await call(backend, 'backup.exportFile', {});
    expect(allText(Buffer.from(plain.base64, 'base64'))).not.toContain(key);
    const kept = await call(backend, 'backup.create', {});
    expect(readFileSync(join(backend.dataDir, 'backups', kept.name)).toString('latin1')).not.toContain(key);
    const pkg = await call(backend, 'exchange.exportPackage', {});
    expect(allText(Buffer.from(pkg.base64, 'base64'))).not.toContain(key);
  });

  it('goes into a .khbak only when asked and only encrypted; restoring it elsewhere brings the identity back', async () => {
    const source = openBackend();
    const key = privateKeyOf(source.dataDir);
    const identity = await call(source, 'exchange.identity', {});
    expect((await callError(source, 'backup.exportFile', { includeOfficeKey: true })).message).toMatch(/kèm khóa của cơ quan phải đặt mật khẩu/u);
    const file = await call(source, 'backup.exportFile', { includeOfficeKey: true, passphrase: PASS });
    expect(file.encrypted).toBe(true);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.toString('latin1')).not.toContain(key);
    const inside = unzipSync(decrypt(bytes, PASS));
    expect(strFromU8(inside['manifest.json']!)).toContain('identity/office-key.json');
    expect(allText(decrypt(bytes, PASS))).toContain(key);

    const target = openBackend();
    expect((await call(target, 'exchange.identity', {})).fingerprint).not.toBe(identity.fingerprint);
    const staged = await call(target, 'backup.stageFile', { base64: file.base64, passphrase: PASS });
    if (!staged.staged) throw new Error('not staged');
    await call(target, 'backup.restore', { source: { from: 'file', id: staged.id } });
    expect(await call(target, 'exchange.identity', {})).toMatchObject({ officeId: identity.officeId, fingerprint: identity.fingerprint });
    expect(privateKeyOf(target.dataDir)).toBe(key);
    if (process.platform !== 'win32') expect(statSync(join(target.dataDir, 'identity', 'office-key.json')).mode & 0o777).toBe(0o600);
  });
});
