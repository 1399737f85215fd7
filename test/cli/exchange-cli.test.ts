/** `npm run kehoach -- exchange …`: export, inspect and import between two data folders, with the exit codes. */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { minimalContent } from '../backend/fixtures/plans';
import { main } from '../../scripts/kehoach-cli';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-exchange-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kehoach exchange', () => {
  it('exports everything the office owns, inspects without and with a data folder, imports once (--trust), then says so', async () => {
    const commune = join(dir, 'commune');
    const province = join(dir, 'province');
    mkdirSync(province);
    const backend = createBackend({ dataDir: commune });
    const titles = ['Kế hoạch một', 'Kế hoạch hai'];
    for (const trichYeu of titles) await backend.invoke('plan.save', { ...minimalContent({ trichYeu }), id: randomUUID(), baseRevision: null });
    backend.close();
    const file = join(dir, 'goi.khx');

    const exported = await run(['exchange', 'export', '--data', commune, '-o', file]);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/Chưa có hồ sơ cơ quan: gói ghi đơn vị gửi bằng mã [0-9a-f-]{36} và dấu vân tay \d{5}( \d{5}){5}\./u);
    expect(exported.out).toMatch(/Đã ghi .*goi\.khx: 2 kế hoạch/u);

    const plain = await run(['exchange', 'inspect', file]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('Chữ ký: HỢP LỆ');

    const seen = await run(['exchange', 'inspect', file, '--data', province]);
    expect(seen.out).toMatch(/CHƯA tin cậy/u);
    expect(seen.out).toMatch(/2 bản ghi: 2 mới/u);

    const refused = await run(['exchange', 'import', file, '--data', province]);
    expect([refused.code, refused.err]).toEqual([1, expect.stringMatching(/Gói chưa được nhập\.$/u)]);
    const imported = await run(['exchange', 'import', file, '--data', province, '--trust']);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/2 mới, 0 cập nhật, 0 xung đột, 0 trùng, 0 bị từ chối/u);
    const again = await run(['exchange', 'import', file, '--data', province]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Gói này đã được nhập ngày/u);
  });

  it('--term and --since-last choose what goes; several files import at once with one summary', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const one = createBackend({ dataDir: a });
    await one.invoke('plan.save', { ...minimalContent({ trichYeu: 'Nhiệm kỳ trước' }), term: '2020-2025', id: randomUUID(), baseRevision: null });
    await one.invoke('plan.save', { ...minimalContent({ trichYeu: 'Nhiệm kỳ này' }), term: '2025-2030', id: randomUUID(), baseRevision: null });
    const two = createBackend({ dataDir: b });
    const card = await two.invoke('exchange.exportKeyCard', {});
    const bId = await two.invoke('exchange.identity', {});
    two.close();
    if (!card.ok || !bId.ok) throw new Error('no card');
    await one.invoke('exchange.enrolKeyCards', { files: [card.data] });
    one.close();
    const term = await run(['exchange', 'export', '--data', a, '--term', '2020-2025', '-o', join(dir, 'term.khx')]);
    expect(term.out).toMatch(/: 1 kế hoạch, 0 tệp \.docx chính thức, 0 nhiệm vụ, 0 báo cáo tiến độ/u);
    const first = await run(['exchange', 'export', '--data', a, '--since-last', '--to', bId.data.officeId, '-o', join(dir, 'first.khx')]);
    expect(first.out).toMatch(/Chưa gửi gói nào cho đơn vị này[\s\S]*: 2 kế hoạch/u);
    const second = await run(['exchange', 'export', '--data', a, '--since-last', '--to', bId.data.officeId, '-o', join(dir, 'second.khx')]);
    expect(second.out).toMatch(/Phần thay đổi từ gói trước[\s\S]*: 0 kế hoạch/u);
    expect((await run(['exchange', 'export', '--data', a, '--since-last', '-o', join(dir, 'x.khx')])).code).toBe(2);
    expect((await run(['exchange', 'export', '--data', a, '--since-last', '--term', '2020-2025', '--to', bId.data.officeId, '-o', join(dir, 'x.khx')])).code).toBe(2);

    const junk = join(dir, 'hong.khx');
    writeFileSync(junk, 'không phải gói');
    const many = await run(['exchange', 'import', join(dir, 'term.khx'), junk, join(dir, 'first.khx'), '--data', b, '--trust']);
    expect(many.code).toBe(1);
    expect(many.out).toMatch(/hong\.khx: Tệp không phải gói KẾ HOẠCH/u);
    expect(many.out).toMatch(/3 gói: 2 đã nhập, 0 đã nhập trước đó, 1 bị từ chối\. Bản ghi: 2 mới, 0 cập nhật, 0 xung đột, 1 trùng/u);
  });

  it('exit 1 for a file that is not a package; exit 2 for bad usage', async () => {
    const junk = join(dir, 'junk.khx');
    writeFileSync(junk, 'PK\u0003\u0004 không phải zip');
    expect(await run(['exchange', 'inspect', junk])).toMatchObject({ code: 1, err: expect.stringMatching(/^Tệp không phải gói KẾ HOẠCH/u) });
    expect((await run(['exchange', 'inspect'])).code).toBe(2);
    expect((await run(['exchange', 'import', junk])).code).toBe(2);
    expect((await run(['exchange', 'export', '--data', join(dir, 'none'), '-o', join(dir, 'x.khx')])).code).toBe(2);
    expect((await run(['exchange', 'frobnicate'])).code).toBe(2);
    mkdirSync(join(dir, 'empty'));
    expect((await run(['exchange', 'export', '--data', join(dir, 'empty'), '--plans', 'abc', '-o', join(dir, 'y.khx')])).code).toBe(2);
  });

  it('as a child process: the exit code reaches the shell', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/kehoach-cli.ts'), 'exchange', 'inspect', join(dir, 'missing.khx')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect([r.status, r.stderr.trim()]).toEqual([2, expect.stringMatching(/^Không tìm thấy tệp/u)]);
  });
});
