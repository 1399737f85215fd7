/**
 * `npm start`: build when the sources changed, then open the desktop app. When the Electron runtime cannot be
 * obtained (an offline machine that never downloaded it) or does not start, say so in one line and serve the same
 * app through the web harness, opening it in the browser. `npm start -- --port N` picks the harness port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuild } from './ensure-build';
import { startHarness } from './web-harness';

/** Where the browser fallback keeps its data (README: "Where data lives"). */
const WEB_DATA_DIR = join(homedir(), '.kehoach-web');

const require = createRequire(import.meta.url);

function portArgument(): number {
  const i = process.argv.indexOf('--port');
  const port = i >= 0 ? Number(process.argv[i + 1]) : 5199;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('Cổng không hợp lệ: --port cần một số từ 0 đến 65535.');
    process.exit(1);
  }
  return port;
}

/**
 * The Electron executable, downloading the runtime first when it is missing (npm install does not run Electron's
 * own download script). The downloader's output is kept: offline it is a long network stack trace.
 */
function findElectron(): { bin: string } | { reason: string } {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const present = existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!present && !process.env['ELECTRON_OVERRIDE_DIST_PATH']) {
    console.log('Đang tải bản chạy của Electron…');
    const download = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (download.status !== 0) return { reason: 'Không tải được bản chạy của Electron (máy không có mạng hoặc không tới được máy chủ tải).' };
  }
  try {
    const bin = require('electron') as unknown;
    return typeof bin === 'string' ? { bin } : { reason: 'Không tìm thấy bản chạy của Electron.' };
  } catch {
    return { reason: 'Không tìm thấy bản chạy của Electron.' };
  }
}

/** The command that opens a URL in the default browser here, or why there is none. */
function browserOpener(url: string): { command: string; args: string[] } | { reason: string } {
  if (process.platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return { reason: 'không có màn hình đồ họa, chưa đặt DISPLAY' };
  const which = spawnSync('sh', ['-c', 'command -v xdg-open'], { stdio: 'ignore' });
  if (which.status !== 0) return { reason: 'không có xdg-open' };
  return { command: 'xdg-open', args: [url] };
}

function openUrl(url: string): void {
  const opener = browserOpener(url);
  if ('reason' in opener) {
    console.log(`Không tự mở được trình duyệt (${opener.reason}): hãy mở địa chỉ trên.`);
    return;
  }
  const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: true });
  child.on('error', (err) => console.log(`Không tự mở được trình duyệt (${err.message}): hãy mở địa chỉ trên.`));
  child.unref();
}

async function openInBrowser(reason: string, port: number): Promise<void> {
  console.log(`\n${reason}\nMở ứng dụng trong trình duyệt thay thế (bản web, dữ liệu riêng ở ${WEB_DATA_DIR}).`);
  const h = await startHarness({ port, dataDir: WEB_DATA_DIR });
  console.log(`Mở địa chỉ: ${h.url}   (Ctrl+C để dừng)`);
  openUrl(h.url);
}

const port = portArgument();
if (!ensureBuild()) process.exit(1);
const electron = findElectron();
const fallback = (reason: string): void => {
  openInBrowser(reason, port).catch((err: unknown) => {
    console.error(`Không mở được bản web trên cổng ${port}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
};
if ('reason' in electron) {
  fallback(electron.reason);
} else {
  const child = spawn(electron.bin, ['.'], { stdio: 'inherit' });
  child.on('error', (err) => fallback(`Không khởi động được Electron: ${err.message}`));
  child.on('exit', (code) => {
    if (code && code !== 0) fallback(`Electron dừng với mã ${code}.`);
  });
}
