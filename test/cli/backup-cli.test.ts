/** `npm run kehoach -- backup …` as an admin runs it: the real CLI in a child process, on real data folders. */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { minimalContent } from '../backend/fixtures/plans';
import { main } from '../../scripts/kehoach-cli';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const cli = join(root, 'scripts/kehoach-cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-backup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kehoach(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [tsx, cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A data folder holding the given plans (written through the real backend). */
async function dataFolder(name: string, titles: string[]) {
  const dataDir = join(dir, name);
  const backend = createBackend({ dataDir });
  for (const trichYeu of titles) await backend.invoke('plan.save', { ...minimalContent({ trichYeu }), id: randomUUID(), baseRevision: null });
  return { dataDir, backend };
}

async function titlesIn(dataDir: string) {
  const backend = createBackend({ dataDir });
  try {
    const r = await backend.invoke('plan.list', { query: '' });
    if (!r.ok) throw new Error(r.error.message);
    return r.data.items.map((p) => p.trichYeu).sort();
  } finally {
    backend.close();
  }
}

describe('kehoach backup', () => {
  it('create, list, verify, restore by name; a damaged backup fails verify with exit 1', async () => {
    const { dataDir, backend } = await dataFolder('a', ['Kế hoạch một']);
    backend.close();
    const created = kehoach(['backup', 'create', '--data', dataDir]);
    expect(created.code, created.stderr).toBe(0);
    const [name] = readdirSync(join(dataDir, 'backups'));
    expect(created.stdout).toContain(name);
    const listed = kehoach(['backup', 'list', '--data', dataDir]);
    expect(listed.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${name}\tmanual\t`))]);
    const verified = kehoach(['backup', 'verify', '--data', dataDir]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/TỐT .*1 kế hoạch/);

    const more = createBackend({ dataDir });
    await more.invoke('plan.save', { ...minimalContent({ trichYeu: 'Kế hoạch hai' }), id: randomUUID(), baseRevision: null });
    more.close();
    const restored = kehoach(['backup', 'restore', '--data', dataDir, name!]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Đã khôi phục: .*1 kế hoạch/);
    expect(restored.stdout).toMatch(/before-restore\.sqlite/);
    expect(await titlesIn(dataDir)).toEqual(['Kế hoạch một']);

    // One flipped byte in a revision's content: the file is sound, the revision scan names the revision.
    const path = join(dataDir, 'backups', name!);
    const original = readFileSync(path);
    const edit = new Database(path);
    const row = edit.prepare('SELECT rowid, content FROM plan_revisions').get() as { rowid: number; content: Buffer };
    row.content[10]! ^= 0x41;
    edit.prepare('UPDATE plan_revisions SET content = ? WHERE rowid = ?').run(row.content, row.rowid);
    edit.close();
    const scanned = kehoach(['backup', 'verify', '--data', dataDir, name!]);
    expect(scanned.code).toBe(1);
    expect(scanned.stderr).toMatch(/HỎNG .*1 phiên bản kế hoạch sai mã kiểm tra/);
    expect(scanned.stderr).toContain('Kế hoạch một');
    writeFileSync(path, original);

    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 2, 4096 * 3);
    writeFileSync(path, bytes);
    const damaged = kehoach(['backup', 'verify', '--data', dataDir, name!]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/HỎNG\/TỪ CHỐI .*bị hỏng/);
    expect(kehoach(['backup', 'restore', '--data', dataDir, name!]).code).toBe(1);
    expect(await titlesIn(dataDir)).toEqual(['Kế hoạch một']);
  });

  it('verifies and restores a .khbak, an encrypted one with KEHOACH_PASSPHRASE; a newer app’s is refused, naming it', async () => {
    const { backend } = await dataFolder('b', ['Từ USB']);
    const plain = await backend.invoke('backup.exportFile', {});
    const secret = await backend.invoke('backup.exportFile', { passphrase: 'mật khẩu dài' });
    backend.close();
    if (!plain.ok || !secret.ok) throw new Error('export failed');
    const plainFile = join(dir, 'a.khbak');
    const secretFile = join(dir, 'b.khbak');
    writeFileSync(plainFile, Buffer.from(plain.data.base64, 'base64'));
    writeFileSync(secretFile, Buffer.from(secret.data.base64, 'base64'));

    const target = (await dataFolder('c', ['Dữ liệu khác'])).dataDir;
    createBackend({ dataDir: target }).close();
    expect(kehoach(['backup', 'verify', '--data', target, plainFile]).code).toBe(0);
    const noPass = kehoach(['backup', 'restore', '--data', target, secretFile]);
    expect(noPass.code).toBe(1);
    expect(noPass.stderr).toMatch(/KEHOACH_PASSPHRASE/);
    expect(await titlesIn(target)).toEqual(['Dữ liệu khác']);
    const ok = kehoach(['backup', 'restore', '--data', target, secretFile], { KEHOACH_PASSPHRASE: 'mật khẩu dài' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(await titlesIn(target)).toEqual(['Từ USB']);

    // A backup written by a newer release of the app.
    const newer = createBackend({ dataDir: join(dir, 'd'), appVersion: '99.1.0' });
    await newer.invoke('backup.create', {});
    newer.close();
    const [name] = readdirSync(join(dir, 'd', 'backups'));
    const refused = kehoach(['backup', 'restore', '--data', join(dir, 'd'), name!]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/phiên bản 99\.1\.0/);
  });

  it('bad usage exits 2 with the usage named, and changes nothing', async () => {
    expect(kehoach(['backup', 'list']).code).toBe(2); // once through the real process
    const errors: string[] = [];
    const io = { out: () => undefined, err: (line: string) => errors.push(line) };
    const empty = join(dir, 'e');
    expect(await main(['backup', 'frobnicate', '--data', dir], io)).toBe(2);
    expect(await main(['backup', 'restore', '--data', empty], io)).toBe(2);
    expect(await main(['backup', 'restore', '--data', empty, join(dir, 'không-có.khbak')], io)).toBe(2);
    expect(await main(['backup', 'create', '--data', dir, 'thừa'], io)).toBe(2);
    expect(await main(['backup', 'create', '--data'], io)).toBe(2);
    expect(errors.join('\n')).toMatch(/Cách dùng: npm run kehoach -- backup/);
    expect(errors.join('\n')).toMatch(/Không tìm thấy tệp/);
    expect(existsSync(empty)).toBe(false);
  });
});
