/**
 * Before any test: Node 22 (better-sqlite3 and Electron need it), the project's shared folder beside the repository
 * (../shared: the format checker and the seed plans the tests compare with), the system programs the tests use
 * (scripts/ensure-system-deps.sh installs them where it may, else names them and the install command), and a
 * fresh build of out/ for the end-to-end tests. When one is missing the run stops here with one line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureBuild } from '../scripts/ensure-build';

function stop(line: string): never {
  console.error(`\n${line}\n`);
  process.exit(1);
}

export default function setup(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22) stop(`The tests need Node.js 22, not ${process.version}: run them with \`npm test\` after \`npm install\` (it puts Node 22 in node_modules/.bin).`);
  const shared = ['../shared/tools/thethuc_check.py', '../shared/seeds'].filter((p) => !existsSync(p));
  if (shared.length > 0) stop(`The tests need the project's shared folder beside this repository; missing: ${shared.join(', ')}.`);
  const deps = spawnSync('bash', ['scripts/ensure-system-deps.sh'], { stdio: 'inherit' });
  if (deps.error) stop(`Cannot check the programs the tests need (${deps.error.message}): the tests run on Linux with bash.`);
  if (deps.status !== 0) process.exit(1); // the script printed what is missing and how to install it
  if (!ensureBuild()) stop('electron-vite build failed before the end-to-end tests.');
}
