/**
 * `npm start` on a machine that cannot download the Electron runtime: one line says why, the same app is served
 * in the browser from a data folder in the home directory, and no downloader stack trace reaches the terminal.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

it('falls back to the browser with a one-line reason, no stack trace, data in ~/.kehoach-web', async () => {
  const home = mkdtempSync(join(tmpdir(), 'kh-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/', // nothing listens there: the download fails as it does offline
    electron_config_cache: join(home, 'electron-cache'),
  };
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  delete env['ELECTRON_OVERRIDE_DIST_PATH'];
  const child = spawn(process.execPath, [tsx, 'scripts/start.ts', '--port', '0'], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 90 s:\n${output}`)), 90_000);
      const look = (): void => {
        const m = /Mở địa chỉ: (http:\S+)/.exec(output);
        if (m?.[1] && output.includes('trình duyệt (')) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', look);
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(output).not.toMatch(/TypeError|fetch failed|^\s+at /m);
    expect(output).toContain(join(home, '.kehoach-web'));
    expect(output).toContain('Không tự mở được trình duyệt (không có màn hình đồ họa');
    expect(existsSync(join(home, '.kehoach-web'))).toBe(true);
  } finally {
    child.kill();
  }
}, 120_000);
