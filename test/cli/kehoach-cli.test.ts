import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../scripts/kehoach-cli';
import { MAX_BODY_DEPTH } from '../../shared/model';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const cli = join(root, 'scripts/kehoach-cli.ts');
const checker = join(root, '../shared/tools/thethuc_check.py');
const seed01 = join(root, 'resources/templates/seed-01-huyen-uy-dai-hoi-diem.json');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI as `npm run kehoach` does (tsx scripts/kehoach-cli.ts). */
function kehoach(...args: string[]) {
  const r = spawnSync(process.execPath, [tsx, cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const seedContent = () => (JSON.parse(readFileSync(seed01, 'utf8')) as { content: Record<string, unknown> }).content;

describe('kehoach render', () => {
  it('writes a .docx from a template file that the format checker passes, and leaves no temp file', () => {
    const out = join(dir, 'seed-01.docx');
    const r = kehoach('render', seed01, '-o', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    const check = spawnSync('/usr/bin/python3', [checker, out], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('accepts a bare PlanContent as well', () => {
    const plan = join(dir, 'bare.json');
    writeFileSync(plan, JSON.stringify(seedContent()));
    const out = join(dir, 'bare.docx');
    const r = kehoach('render', plan, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('bad JSON: exit 2, a Vietnamese message naming the file, nothing written', () => {
    const plan = join(dir, 'broken.json');
    writeFileSync(plan, '{ "header": { "issuer": ');
    const out = join(dir, 'broken.docx');
    const r = kehoach('render', plan, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không phải JSON hợp lệ');
    expect(r.stderr).toContain('broken.json');
    expect(existsSync(out)).toBe(false);
  });

  it('a plan with format errors (day 32, number "31a") is not printed: exit 1, each error with its field, nothing written', () => {
    const content = seedContent();
    (content.header as { date: { day: string } }).date.day = '32';
    (content.header as { number: string }).number = '31a';
    const plan = join(dir, 'invalid.json');
    writeFileSync(plan, JSON.stringify({ id: 'x', name: 'x', description: '', kind: 'seed', content }));
    const out = join(dir, 'invalid.docx');
    const r = kehoach('render', plan, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('còn 2 lỗi thể thức');
    expect(r.stderr).toContain('header.date.day');
    expect(r.stderr).toContain('header.number');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.invalid'))).toEqual([]);
  });

  it('--draft prints a draft with format errors anyway, as typed', () => {
    const content = seedContent();
    (content.header as { number: string }).number = '31a';
    const plan = join(dir, 'draft-errors.json');
    writeFileSync(plan, JSON.stringify(content));
    const out = join(dir, 'draft-errors.docx');
    const r = kehoach('render', plan, '-o', out, '--draft');
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('a schema-invalid plan (a part of the wrong shape): exit 2, the field named, nothing written', () => {
    const content = seedContent();
    (content as { body: unknown }).body = 'không phải danh sách';
    const plan = join(dir, 'shape.json');
    writeFileSync(plan, JSON.stringify({ id: 'x', name: 'x', description: '', kind: 'seed', content }));
    const out = join(dir, 'shape.docx');
    const r = kehoach('render', plan, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không hợp lệ');
    expect(r.stderr).toContain('trường content.body');
    expect(existsSync(out)).toBe(false);
  });

  it('a missing required part is named in Vietnamese', () => {
    const content = seedContent();
    delete content.signature;
    const plan = join(dir, 'nosig.json');
    writeFileSync(plan, JSON.stringify(content));
    const r = kehoach('render', plan, '-o', join(dir, 'nosig.docx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/trường signature: .*không hợp lệ/);
    expect(existsSync(join(dir, 'nosig.docx'))).toBe(false);
  });

  it('usage errors exit 2 and write nothing', () => {
    expect(kehoach('render', seed01).code).toBe(2);
    expect(kehoach('render', join(dir, 'missing.json'), '-o', join(dir, 'm.docx'))).toMatchObject({ code: 2, stderr: expect.stringContaining('Không tìm thấy tệp') });
    expect(kehoach('render', seed01, '-o', join(dir, 'no-such-folder', 'x.docx'))).toMatchObject({ code: 2, stderr: expect.stringContaining('không tồn tại') });
    expect(kehoach('frobnicate').code).toBe(2);
    expect(kehoach().code).toBe(2);
    expect(existsSync(join(dir, 'm.docx'))).toBe(false);
  });

  it('refuses an output path that is a folder, a device or a symbolic link: exit 2, said so, nothing replaced', () => {
    const folder = join(dir, 'a-folder.docx');
    mkdirSync(folder);
    expect(kehoach('render', seed01, '-o', folder)).toMatchObject({ code: 2, stderr: expect.stringContaining('là một thư mục') });
    expect(statSync(folder).isDirectory()).toBe(true);

    // As root a rename over /dev/full once replaced the device node with a .docx.
    const device = '/dev/full';
    if (existsSync(device)) {
      expect(kehoach('render', seed01, '-o', device)).toMatchObject({ code: 2, stderr: expect.stringContaining('không phải tệp thường') });
      expect(statSync(device).isCharacterDevice()).toBe(true);
    } else console.log('no /dev/full on this machine: the device case is not tried');

    const real = join(dir, 'real.docx');
    writeFileSync(real, 'kept');
    const link = join(dir, 'link.docx');
    symlinkSync(real, link);
    expect(kehoach('render', seed01, '-o', link)).toMatchObject({ code: 2, stderr: expect.stringContaining('liên kết (symlink)') });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('kept');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it(`a plan nested deeper than ${MAX_BODY_DEPTH} levels is bad input: exit 2, the limit named, nothing written`, () => {
    const levels = 800;
    const deep = '{"kind":"section","id":"%ID%","title":"Mục","children":['.repeat(levels) + ']}'.repeat(levels);
    let n = 0;
    const withIds = deep.replace(/%ID%/g, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
    const plan = join(dir, 'deep.json');
    writeFileSync(plan, JSON.stringify({ ...seedContent(), body: [] }).replace('"body":[]', `"body":[${withIds}]`));
    const out = join(dir, 'deep.docx');
    const r = kehoach('render', plan, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lồng quá ${MAX_BODY_DEPTH} cấp`);
    expect(existsSync(out)).toBe(false);
  });

  it('an unexpected error prints a Vietnamese message without a stack trace or a source path, exit 1', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    COMMANDS['fails'] = () => Promise.reject(Object.assign(new TypeError(`Cannot read properties of undefined at ${cli}:12:3`), { code: 'ERR_TEST' }));
    try {
      expect(await main(['fails'], io)).toBe(1);
    } finally {
      delete COMMANDS['fails'];
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Lỗi không mong đợi khi thực hiện lệnh fails \(TypeError ERR_TEST\)/);
    expect(lines[0]).not.toMatch(/scripts|\.ts|at |Cannot read/);
  });

  it('replaces an existing output file whole', () => {
    const out = join(dir, 'again.docx');
    writeFileSync(out, 'old');
    expect(kehoach('render', seed01, '-o', out).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('kehoach lint', () => {
  it('a seed template lints clean: exit 0', () => {
    const r = kehoach('lint', seed01);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 lỗi');
  });

  it('errors print with their field and exit 1; --json prints the findings', () => {
    const blank = join(root, 'resources/templates/blank-huyen-uy.json');
    const r = kehoach('lint', blank);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('LỖI [title.trich-yeu-missing] trichYeu: Chưa có trích yếu');
    const j = kehoach('lint', blank, '--json');
    expect(j.code).toBe(1);
    const findings = JSON.parse(j.stdout) as { rule: string; path: unknown[] }[];
    expect(findings.find((f) => f.rule === 'signature.signer-missing')?.path).toEqual(['signature', 'signer']);
  });

  it('warnings alone exit 0', () => {
    const content = seedContent();
    (content.pilotUnits as { deadline: string }[])[0]!.deadline = '2024-10-01';
    const plan = join(dir, 'warn.json');
    writeFileSync(plan, JSON.stringify(content));
    const r = kehoach('lint', plan);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CẢNH BÁO [pilot.deadline-before-plan] pilotUnits.0.deadline');
  });

  it('bad input exits 2', () => {
    const plan = join(dir, 'array.json');
    writeFileSync(plan, '[]');
    expect(kehoach('lint', plan)).toMatchObject({ code: 2, stderr: expect.stringContaining('đối tượng JSON') });
    writeFileSync(join(dir, 'broken2.json'), '{"trichYeu": }');
    expect(kehoach('lint', join(dir, 'broken2.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('không phải JSON hợp lệ') });
  });
});

describe('kehoach tasks', () => {
  it('lists the tasks of a data folder with their status on the day: --json gives id, planId, body, text, due, status, statusLabel', async () => {
    const { createBackend } = await import('../../electron/backend');
    const dataDir = join(dir, 'tasks-data');
    const backend = createBackend({ dataDir, revisionScanDelayMs: null });
    const saved = await backend.invoke('plan.save', { ...seedContent(), id: '5d0c3b2e-6f1a-4c8e-9b7d-2a4f6e8c0b1d', baseRevision: null } as never);
    expect(saved.ok).toBe(true);
    expect((await backend.invoke('plan.issue', { id: '5d0c3b2e-6f1a-4c8e-9b7d-2a4f6e8c0b1d' })).ok).toBe(true);
    backend.close();

    const r = kehoach('tasks', '--data', dataDir, '--on', '2025-02-01', '--json');
    expect(r.code, r.stderr).toBe(0);
    const tasks = JSON.parse(r.stdout) as { id: string; planId: string; body: string; text: string; due: unknown; dueDay: string | null; status: string; statusLabel: string }[];
    expect(tasks).toHaveLength(22);
    const unit = tasks.find((t) => t.dueDay === '2025-01-10' && t.text.startsWith('Hoàn thành đại hội điểm tại '))!;
    expect(unit).toMatchObject({ planId: '5d0c3b2e-6f1a-4c8e-9b7d-2a4f6e8c0b1d', status: 'overdue', statusLabel: 'Quá hạn', due: { dates: ['2025-01-10'] } });
    // Bình Lư's own tasks prepare that congress: they fall due with it.
    expect(tasks.filter((t) => t.dueDay === '2025-01-10').map((t) => t.body)).toEqual(['Đảng bộ xã Bình Lư', 'Đảng bộ xã Bình Lư', unit.body]);
    expect(tasks.every((t) => t.id && t.body && t.text && t.statusLabel)).toBe(true);

    const table = kehoach('tasks', '--data', dataDir, '--on', '2025-02-01');
    expect(table.stdout).toMatch(/10\/01\/2025 +Quá hạn +315-KH\/HU/);
    expect(table.stdout).toContain('22 nhiệm vụ, tình trạng tính đến ngày 01/02/2025.');
    expect(kehoach('tasks', '--data', dataDir, '--on', '2025-02-30')).toMatchObject({ code: 2, stderr: expect.stringContaining('Ngày --on không hợp lệ') });
    expect(kehoach('tasks', '--data', join(dir, 'khong-co'))).toMatchObject({ code: 2, stderr: expect.stringContaining('Không tìm thấy dữ liệu') });
    expect(existsSync(join(dir, 'khong-co'))).toBe(false);
  });
});
