/**
 * `npm run kehoach -- import`: the real CLI on real files. A plan is recognised (exit 0, --json, -o a plan file the
 * other commands take); bad input gets a clear Vietnamese message, exit 1, and nothing written; bad usage exit 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { PlanContent, TemplateFile } from '../../shared/model';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const cli = join(root, 'scripts/kehoach-cli.ts');
const seed01 = join(root, 'resources/templates/seed-01-huyen-uy-dai-hoi-diem.json');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kehoach(...args: string[]) {
  const r = spawnSync(process.execPath, [tsx, cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 32 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let docx: string;
beforeAll(async () => {
  docx = join(dir, 'seed-01.docx');
  writeFileSync(docx, await renderPlanDocx(TemplateFile.parse(JSON.parse(readFileSync(seed01, 'utf8'))).content));
});

describe('kehoach import', () => {
  it('--json prints the plan, the confidence of each field and the dropped text', () => {
    const r = kehoach('import', docx, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { plan: unknown; confidence: Record<string, number>; dropped: string[] };
    expect(Object.keys(out).sort()).toEqual(['confidence', 'dropped', 'plan']);
    const plan = PlanContent.parse(out.plan);
    expect(plan.header.number).toBe('315');
    expect(plan.signature.signer).toBe('Tần Thị Quế');
    expect(out.confidence['header.number']).toBeGreaterThan(0.9);
    for (const v of Object.values(out.confidence)) expect(v).toBeGreaterThanOrEqual(0);
    expect(out.dropped).toEqual([]);
  });

  it('-o writes the plan content alone, a plan file that render and lint take', () => {
    const plan = join(dir, 'imported.json');
    const r = kehoach('import', docx, '-o', plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Tần Thị Quế');
    expect(() => PlanContent.parse(JSON.parse(readFileSync(plan, 'utf8')))).not.toThrow();
    const lint = kehoach('lint', plan);
    expect(lint.code, lint.stdout).toBe(0);
    const render = kehoach('render', plan, '-o', join(dir, 'again.docx'));
    expect(render.code, render.stderr).toBe(0);
  });

  it('reads a pasted text file, dropping a web page\'s boilerplate and listing it', () => {
    const txt = join(dir, 'web.txt');
    writeFileSync(
      txt,
      [
        'Trang chủ > Văn bản > Kế hoạch',
        'Cập nhật lúc 08:15 ngày 12/3/2025',
        'Lượt xem: 1.234',
        'ĐẢNG BỘ TỈNH LAI CHÂU',
        'HUYỆN ỦY TAM ĐƯỜNG',
        '*',
        'Số 12-KH/HU',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Tam Đường, ngày 10 tháng 3 năm 2025',
        'KẾ HOẠCH',
        'tuyên truyền kỷ niệm ngày thành lập Đảng',
        'Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:',
        'I. MỤC ĐÍCH, YÊU CẦU',
        'Tuyên truyền sâu rộng trong cán bộ, đảng viên.',
        'Nơi nhận:',
        '- Ban Tuyên giáo Tỉnh ủy (b/c),',
        '- Lưu Văn phòng Huyện ủy.',
        'T/M BAN THƯỜNG VỤ',
        'BÍ THƯ',
        'Tần Thị Quế',
        'Chia sẻ',
        'In bài viết',
      ].join('\n'),
    );
    const r = kehoach('import', txt, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { plan: PlanContent; dropped: string[] };
    expect(out.plan.header.issuer.name).toBe('HUYỆN ỦY TAM ĐƯỜNG');
    expect(out.plan.trichYeu).toBe('tuyên truyền kỷ niệm ngày thành lập Đảng');
    expect(out.dropped).toEqual(['Trang chủ > Văn bản > Kế hoạch', 'Cập nhật lúc 08:15 ngày 12/3/2025', 'Lượt xem: 1.234', 'Chia sẻ', 'In bài viết']);
  });
});

describe('kehoach import refuses what is no plan: message, exit 1, nothing written', () => {
  const ole = (extra: Buffer) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra, Buffer.alloc(1024)]);
  const cases: Array<[string, string, () => Buffer, RegExp]> = [
    ['a password-protected .docx (an encrypted OLE package)', 'mat-khau.docx', () => ole(Buffer.from('EncryptedInfo\0EncryptedPackage', 'utf16le')), /mật khẩu/u],
    ['an old binary .doc', 'cu.doc', () => ole(Buffer.from('WordDocument', 'utf16le')), /Word cũ \(\.doc\)/u],
    ['the empty text of an image-only PDF', 'anh.txt', () => Buffer.from('\n\n\f\n  \n'), /không có chữ/u],
    ['a zip that is not a .docx', 'nen.docx', () => Buffer.from(zipSync({ 'a.txt': new TextEncoder().encode('xin chào') })), /không phải văn bản Word/u],
    ['a broken .docx', 'hong.docx', () => Buffer.from('PK\u0003\u0004 hỏng'), /hỏng/u],
    ['a text that is no plan', 'thu.txt', () => Buffer.from('Kính gửi anh Nam,\nHẹn anh chiều mai họp.\nTrân trọng.'), /Không nhận ra kế hoạch/u],
    ['a 50 MB file', 'lon.docx', () => Buffer.alloc(50 * 1024 * 1024, 0x41), /quá lớn/u],
  ];
  it.each(cases)('%s', (_what, name, bytes, message) => {
    const file = join(dir, name);
    writeFileSync(file, bytes());
    const out = join(dir, `${name}.json`);
    const r = kehoach('import', file, '-o', out);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Không có gì được ghi/u);
    expect(existsSync(out)).toBe(false);
    rmSync(file);
  });
});

describe('kehoach import usage', () => {
  it('a missing argument or an unreadable path is exit 2', () => {
    expect(kehoach('import').code).toBe(2);
    const missing = kehoach('import', join(dir, 'none.docx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp/u);
    expect(kehoach('import', dir).code).toBe(2);
  });
});
