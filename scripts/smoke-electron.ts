/**
 * `npm run smoke:electron`: the real desktop app end to end, where the Electron runtime is installed. Launches the
 * built app (under Xvfb on a Linux machine without a display) with a throw-away data folder, opens a sample plan,
 * exports it as .docx and as PDF through the real main process (its save dialog answered with a temp path), checks
 * the two files, and saves screenshots to test-results/smoke-electron/.
 * Where the Electron runtime is missing (it cannot be downloaded offline), it says so and exits 0 with "skipped".
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(root, 'test-results', 'smoke-electron');
const SEED = 'seed-01-huyen-uy-dai-hoi-diem';
const seedId = () => (JSON.parse(readFileSync(join(root, 'resources', 'templates', `${SEED}.json`), 'utf8')) as { id: string }).id;

/** The Electron executable when it is really there; never triggers the package's download attempt. */
export function installedElectron(): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const bin = override ? join(override, relative || 'electron') : join(pkg, 'dist', relative);
  return existsSync(bin) ? bin : null;
}

/** A display for the window: the current one, or a private Xvfb on Linux. */
async function display(): Promise<{ env: Record<string, string>; stop: () => void } | string> {
  if (process.platform !== 'linux' || process.env['DISPLAY']) return { env: {}, stop: () => undefined };
  if (spawnSync('which', ['Xvfb']).status !== 0) return 'no display and no Xvfb (apt-get install xvfb)';
  const number = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb: ChildProcess = spawn('Xvfb', [number, '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1000));
  if (xvfb.exitCode !== null) return `Xvfb ${number} did not start`;
  return { env: { DISPLAY: number }, stop: () => xvfb.kill() };
}

async function exportThroughMain(app: ElectronApplication, button: string, target: string): Promise<Buffer> {
  // Electron's own save dialog, answered with the target path (the only stand-in: nobody is there to click it).
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, target);
  const page = await app.firstWindow();
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText(/Đã lưu tệp/).last().waitFor({ timeout: 90_000 });
  return readFileSync(target);
}

async function main(): Promise<number> {
  const bin = installedElectron();
  if (!bin) {
    console.log('smoke:electron skipped: the Electron runtime is not installed here (node_modules/electron/dist is missing; `npm install` downloads it on a machine with internet).');
    return 0;
  }
  const screen = await display();
  if (typeof screen === 'string') {
    console.error(`smoke:electron cannot run: ${screen}.`);
    return 1;
  }
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;

  // Portable mode keeps the data beside the "executable": a temp folder, never the user's own data.
  const work = mkdtempSync(join(tmpdir(), 'kh-smoke-electron-'));
  mkdirSync(shots, { recursive: true });
  const app = await electron.launch({
    executablePath: bin,
    args: [root],
    cwd: root,
    env: { ...process.env, ...screen.env, PORTABLE_EXECUTABLE_DIR: work } as Record<string, string>,
    timeout: 60_000,
  });
  try {
    const page = await app.firstWindow();
    page.setDefaultTimeout(30_000);
    await page.getByRole('navigation').waitFor();
    const plan = await page.evaluate((templateId) => window.kehoach.invoke('template.instantiate', { templateId }), seedId());
    if (!plan.ok) throw new Error(plan.error.message);
    await page.evaluate((id) => (location.hash = `#/plans/${id}`), plan.data.id);
    await page.locator('.kh-page').first().waitFor();
    await page.screenshot({ path: join(shots, 'editor.png') });

    const docx = await exportThroughMain(app, 'Xuất .docx', join(work, 'ke-hoach.docx'));
    if (docx.subarray(0, 2).toString('latin1') !== 'PK') throw new Error('the exported .docx is not a zip');
    const pdf = await exportThroughMain(app, 'Xuất PDF', join(work, 'ke-hoach.pdf'));
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the exported PDF does not start with %PDF-');
    await page.screenshot({ path: join(shots, 'exported.png') });
    console.log(`smoke:electron passed: .docx ${docx.byteLength} bytes, PDF ${pdf.byteLength} bytes; screenshots in ${shots}`);
    return 0;
  } finally {
    await app.close();
    screen.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`smoke:electron failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
