/**
 * The renderer build's map of what each chunk holds, for the start-up checks (test/renderer/startup-bundle.test.ts)
 * and for reading a bundle by hand: `.vite/chunk-modules.json` beside vite's `.vite/manifest.json` in out/renderer,
 * `{ "assets/index-….js": ["node_modules/zod/…", "shared/api/invalidation.ts", …] }` (paths from the repository root).
 */
import { relative } from 'node:path';
import type { Plugin } from 'vite';

export const CHUNK_MODULES_FILE = '.vite/chunk-modules.json';

export function chunkModules(root: string): Plugin {
  return {
    name: 'kehoach-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const map: Record<string, string[]> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        map[fileName] = output.moduleIds.map((id) => relative(root, id.replace(/^\0/u, '').split('?')[0]!).replaceAll('\\', '/')).sort();
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MODULES_FILE, source: `${JSON.stringify(map, null, 1)}\n` });
    },
  };
}
