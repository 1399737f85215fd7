/**
 * Terminating a thread inside a native zlib call aborts the whole Node process ("close before init"); the relay
 * terminates stuck backend threads, so the backend's zlib calls are guarded (electron/backend/files/zlib.ts). A child
 * process starts a zlib-busy thread and terminates it the relay's way, many times at random moments: it must survive.
 * (Without the guard the same child aborts within a few dozen rounds.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

describe('guarded zlib under thread termination', () => {
  it('survives 150 terminations of a thread busy in native deflate/inflate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-zlib-guard-'));
    try {
      const bundle = (name: string) => {
        const outfile = join(dir, `${name}.mjs`);
        buildSync({ entryPoints: [`test/electron/fixtures/${name}.ts`], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
        return outfile;
      };
      const worker = bundle('zlib-terminate-worker');
      const driver = bundle('zlib-terminate-driver');
      const run = spawnSync(process.execPath, [driver, worker, '150'], { encoding: 'utf8', timeout: 120_000 });
      expect({ status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr.slice(0, 500) }).toEqual({
        status: 0,
        signal: null,
        stdout: 'survived',
        stderr: '',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
