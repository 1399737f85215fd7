import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { plan40Tasks } from '../fixtures/report-40-tasks';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const cli = join(root, 'scripts/kehoach-cli.ts');
const checker = join(root, '../shared/tools/thethuc_check.py');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kehoach(...args: string[]) {
  const r = spawnSync(process.execPath, [tsx, cli, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A data folder holding the 40-task plan; returns the plan's id. */
async function dataWithPlan(data: string): Promise<string> {
  const backend = createBackend({ dataDir: data, appVersion: '9.9.9-test' });
  try {
    const saved = await backend.invoke('plan.save', { ...plan40Tasks(), id: crypto.randomUUID(), baseRevision: null });
    if (!saved.ok) throw new Error(saved.error.message);
    return saved.data.id;
  } finally {
    backend.close();
  }
}

async function reportsIn(data: string): Promise<string[]> {
  const backend = createBackend({ dataDir: data, appVersion: '9.9.9-test' });
  try {
    const list = await backend.invoke('plan.list', { query: '', docType: 'BC' });
    if (!list.ok) throw new Error(list.error.message);
    return list.data.items.map((p) => p.id);
  } finally {
    backend.close();
  }
}

describe('kehoach report', () => {
  it('drafts and stores the report of a plan that has none, prints it as a .docx the checker passes, then reuses it', { timeout: 300_000 }, async () => {
    const data = join(dir, 'data');
    const planId = await dataWithPlan(data);
    const out = join(dir, 'report.docx');
    const first = kehoach('report', planId, '--data', data, '-o', out, '--period', '2025-H1');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [reportId] = await reportsIn(data);
    expect(first.stdout).toContain(`Đã lập báo cáo mới: ${reportId}`);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    const check = spawnSync('/usr/bin/python3', [checker, out, '--json'], { encoding: 'utf8' });
    const result = JSON.parse(check.stdout) as { errors: number; warnings: number; rules: { rule: string; detail: string }[] };
    expect([result.errors, result.warnings]).toEqual([0, 0]);
    expect(result.rules.find((r) => r.rule === 'R12a')?.detail).toContain('BÁO CÁO');
    expect(result.rules.find((r) => r.rule === 'R10')?.detail).toBe("number line 'Số -BC/HU'");

    const again = kehoach('report', planId, '--data', data, '-o', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Dùng báo cáo đã có: ${reportId}`);
    expect(await reportsIn(data)).toEqual([reportId]);

    const fresh = kehoach('report', planId, '--data', data, '-o', out, '--new');
    expect(fresh.code).toBe(0);
    expect(await reportsIn(data)).toHaveLength(2);
  });

  it('names what is wrong and writes nothing: an unknown plan, a bad period, no data folder, no output', async () => {
    const data = join(dir, 'data2');
    const planId = await dataWithPlan(data);
    const out = join(dir, 'never.docx');
    const unknown = kehoach('report', crypto.randomUUID(), '--data', data, '-o', out);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Không tìm thấy kế hoạch/u);
    const period = kehoach('report', planId, '--data', data, '-o', out, '--period', '2025-Q7');
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('Kỳ báo cáo');
    const noData = kehoach('report', planId, '--data', join(dir, 'nowhere'), '-o', out);
    expect(noData.code).toBe(2);
    expect(noData.stderr).toContain('không có dữ liệu');
    expect(kehoach('report', planId, '--data', data).code).toBe(2);
    expect(() => readFileSync(out)).toThrow();
    expect(await reportsIn(data)).toEqual([]);
  });
});
