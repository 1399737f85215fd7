/**
 * scripts/ensure-system-deps.sh, which `npm test` (test/global-setup.ts) and CI run first: silent when the system
 * programs are there; for a user who cannot install them, one line naming what is missing and the install command.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const script = join(root, 'scripts/ensure-system-deps.sh');

/** Which of the given commands exist here, by absolute path. */
function locate(names: string[]): string[] {
  return names.flatMap((name) => {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    return r.status === 0 ? [r.stdout.trim()] : [];
  });
}

it('is silent and succeeds when every program the tests use is installed', () => {
  const r = spawnSync('bash', [script], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it('names the missing programs and the install command in one line when it may not install them', () => {
  // A PATH without LibreOffice, pdftotext and sudo, a Chromium path that does not exist, and (as root) the
  // unprivileged user `nobody`: the script can neither find the programs nor install them.
  const bin = mkdtempSync(join(tmpdir(), 'kh-bin-'));
  chmodSync(bin, 0o755);
  for (const tool of locate(['dpkg-query', 'fc-list', 'grep'])) symlinkSync(tool, join(bin, tool.split('/').pop()!));
  const asNobody = process.getuid?.() === 0 ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const [command, ...args] = [...asNobody, '/bin/bash', script];
  const r = spawnSync(command!, args, { encoding: 'utf8', env: { PATH: bin, CHROMIUM_PATH: '/nonexistent/chromium' } });
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toEqual([
    'Missing for the tests: soffice (LibreOffice), pdftotext, /nonexistent/chromium. ' +
      'Install with: sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils chromium',
  ]);
  expect(r.status).toBe(1);
});
