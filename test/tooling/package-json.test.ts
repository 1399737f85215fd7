/**
 * package.json: every dependency pinned to an exact version (the lock and a fresh install agree), runtime
 * dependencies only for what the app itself imports (they ship inside the installers), and the Node 22 that the
 * npm scripts run on (the registry's `node` package in node_modules/.bin) matching `engines` and .nvmrc.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function appSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return appSources(p);
    return /\.(ts|tsx|css)$/.test(name) ? [readFileSync(p, 'utf8')] : [];
  });
}

it('pins every dependency to an exact version', () => {
  const loose = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
  expect(loose).toEqual([]);
});

it('lists as runtime dependencies only packages the app imports (electron/, shared/, renderer/)', () => {
  const sources = ['electron', 'shared', 'renderer'].flatMap((d) => appSources(join(root, d))).join('\n');
  const unused = Object.keys(pkg.dependencies).filter((name) => !sources.includes(`'${name}'`) && !sources.includes(`'${name}/`));
  expect(unused).toEqual([]);
});

it('runs the npm scripts on the Node 22 that engines and .nvmrc ask for', () => {
  const major = (v: string): string => /(\d+)/.exec(v)?.[1] ?? '';
  expect(major(pkg.devDependencies['node'] ?? '')).toBe('22');
  expect(major(pkg.engines.node)).toBe('22');
  expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe('22');
  expect(process.versions.node.split('.')[0]).toBe('22');
});
