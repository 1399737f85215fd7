import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
