/**
 * Security scan of the Electron sources with @doyensec/electronegativity: no HIGH finding allowed.
 * The release-list check needs the internet, so it is excluded; everything else runs offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('electronegativity', () => {
  it('finds no HIGH issue in electron/', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kh-eneg-')), 'report.csv');
    const bin = join('node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    const run = spawnSync(process.execPath, [bin, '-i', 'electron', '-e', '45.4.1', '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    // The scan must have looked at our files (a scan that parsed nothing would also report no HIGH).
    expect(rows.join('\n')).toMatch(/main\/security\.ts/);
    const high = rows.filter((r) => /^[A-Z_]+,"HIGH"/.test(r));
    expect(high, high.join('\n')).toEqual([]);
  }, 120_000);
});
