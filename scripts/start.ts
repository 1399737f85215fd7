/**
 * `npm start`: build, then open the desktop app. When the Electron binary cannot be obtained (an offline
 * machine that never downloaded it), say so and open the same app in the browser through the web harness.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from './web-harness';

const build = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const bin = require('electron') as unknown;
    return typeof bin === 'string' ? bin : null;
  } catch {
    return null;
  }
}

async function openInBrowser(reason: string): Promise<void> {
  console.log(`\n${reason}\nMở ứng dụng trong trình duyệt thay thế (bản web, dữ liệu riêng).`);
  const h = await startHarness({ port: 5199, dataDir: join(homedir(), '.kehoach-web') });
  console.log(`Mở địa chỉ: ${h.url}   (Ctrl+C để dừng)`);
}

const bin = electronBinary();
if (!bin) {
  void openInBrowser('Không tìm thấy Electron (máy chưa tải được bản chạy của Electron).');
} else {
  const child = spawn(bin, ['.'], { stdio: 'inherit' });
  child.on('error', (err) => void openInBrowser(`Không khởi động được Electron: ${err.message}`));
  child.on('exit', (code) => {
    if (code && code !== 0) void openInBrowser(`Electron dừng với mã ${code}.`);
  });
}
