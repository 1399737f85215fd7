/**
 * End-to-end tests drive the built renderer through the web harness. Build it once before the run when the
 * build is missing or older than the sources, so `npm test` works right after `npm install`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const built = 'out/renderer/index.html'; // written last by electron-vite build (main, preload, renderer)
  const sources = Math.max(newestMtime('renderer'), newestMtime('shared'), newestMtime('electron'));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const run = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('electron-vite build failed before the end-to-end tests');
}
