/**
 * What the window loads before its first page draws, read from the BUILT renderer (out/renderer, rebuilt by the
 * global setup when the sources are newer): vite's manifest (which chunk imports which) and the build's
 * `.vite/chunk-modules.json` (which modules each chunk holds, scripts/chunk-modules.ts). The start-up graph of a
 * page is the entry's static imports, plus, for a page loaded on demand, its chunk's static imports (main.tsx
 * preloads it before the first render).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_MODULES_FILE } from '../../scripts/chunk-modules';

const OUT = join(import.meta.dirname, '../../out/renderer');

type Manifest = Record<string, { file: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; src?: string }>;
const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Manifest;
const chunkModules = JSON.parse(readFileSync(join(OUT, CHUNK_MODULES_FILE), 'utf8')) as Record<string, string[]>;

const entryKey = () => {
  const keys = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  expect(keys).toHaveLength(1);
  return keys[0]!;
};

/** The manifest keys of the chunks loaded before a page can draw: `from` and their static imports, transitively. */
function staticGraph(from: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key]?.imports ?? []));
  }
  return seen;
}

/** The start-up graph of a page: the entry's, with the page's own chunk when it is loaded on demand. */
function startupOf(pageSource?: string): Set<string> {
  const roots = [entryKey()];
  if (pageSource) {
    const page = Object.keys(manifest).find((k) => manifest[k]!.src === pageSource);
    expect(page, `${pageSource} is a chunk of its own`).toBeDefined();
    roots.push(page!);
  }
  return staticGraph(roots);
}

/** The modules the start-up graph holds that it must not: zod, and the contract's schemas (all of shared/api but its invalidation map). */
function schemaModules(graph: Set<string>): string[] {
  const found: string[] = [];
  for (const key of graph) {
    const file = manifest[key]!.file;
    for (const id of chunkModules[file] ?? []) {
      const zod = /(^|\/)node_modules\/zod\//u.test(id);
      const contract = /^shared\/api\//u.test(id) && id !== 'shared/api/invalidation.ts';
      if (zod || contract) found.push(`${file}: ${id}`);
    }
  }
  return found;
}

describe('the start-up bundle', () => {
  it('knows what every chunk holds (the check below can find zod where it is)', () => {
    const all = Object.values(chunkModules).flat();
    expect(all.some((id) => id.includes('node_modules/zod/'))).toBe(true);
    expect(all).toContain('shared/model/plan.ts');
    expect(schemaModules(new Set(Object.keys(manifest).filter((k) => manifest[k]!.file.endsWith('.js')))).length).toBeGreaterThan(0);
  });

  it('loads neither zod nor the contract schemas for the plans list and Tổng quan (in the first bundle)', () => {
    const graph = startupOf();
    expect([...graph].map((k) => manifest[k]!.file)).toContain(manifest[entryKey()]!.file);
    expect(schemaModules(graph)).toEqual([]);
  });

  it('loads neither zod nor the contract schemas for the Nhiệm vụ page (preloaded before the first render)', () => {
    expect(schemaModules(startupOf('src/pages/tasks/TasksPage.tsx'))).toEqual([]);
  });

  it('holds the Vietnamese texts of the shell and pages only: the editor’s texts and English come on demand', () => {
    const modules = (graph: Set<string>) => [...graph].flatMap((k) => chunkModules[manifest[k]!.file] ?? []);
    for (const page of [undefined, 'src/pages/tasks/TasksPage.tsx']) {
      const locales = modules(startupOf(page)).filter((id) => id.includes('/i18n/locales/'));
      expect(locales, page ?? 'first bundle').toEqual(['renderer/src/i18n/locales/vi/common.json']);
    }
    expect(modules(startupOf('src/editor/PlanEditorPage.tsx')).filter((id) => id.includes('/locales/en/'))).toEqual([]);
  });

  it('opens in few requests: the first bundle is one script; the Nhiệm vụ page adds its own and the inputs it shares', () => {
    expect(startupOf().size).toBe(1);
    // Its chunk and the form inputs it shares with the other pages (select, number, date, text area, their positioning).
    expect(startupOf('src/pages/tasks/TasksPage.tsx').size).toBeLessThanOrEqual(7);
  });

  it('still has the forms validate: the editor page loads zod on demand', () => {
    expect(schemaModules(startupOf('src/editor/PlanEditorPage.tsx')).some((m) => m.includes('node_modules/zod/'))).toBe(true);
  });
});
