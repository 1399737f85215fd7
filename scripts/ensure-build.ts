/**
 * Build out/ (main, preload, renderer) with electron-vite when it is missing or older than the sources, so
 * `npm start` and the end-to-end tests use what the sources say without rebuilding on every run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['renderer', 'shared', 'electron'];
const BUILT = join('out', 'renderer', 'index.html'); // written last by electron-vite build

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIsFresh(): boolean {
  return existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
}

/** Builds when stale; returns false when the build failed (its output went to the terminal). */
export function ensureBuild(): boolean {
  if (buildIsFresh()) return true;
  const run = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' });
  return run.status === 0;
}
