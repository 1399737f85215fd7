/**
 * The built Electron entry points (what electron-builder packs): the preload is CommonJS (a sandboxed preload
 * cannot be an ES module), needs nothing but `electron`, and exposes exactly `window.kehoach`; main finds the
 * preload and the worker where the build puts them.
 */
import { existsSync, readFileSync } from 'node:fs';

describe('built entry points', () => {
  const preload = readFileSync('out/preload/index.cjs', 'utf8');
  const main = readFileSync('out/main/index.js', 'utf8');

  it('preload is CommonJS requiring only electron', () => {
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('preload exposes exactly one API, kehoach, with only invoke', () => {
    const exposed = [...preload.matchAll(/exposeInMainWorld\("([^"]+)"/g)].map((m) => m[1]);
    expect(exposed).toEqual(['kehoach']);
    expect(preload).toMatch(/\{\s*invoke:/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|on)\b/);
  });

  it('main loads the preload and the backend worker from the build', () => {
    expect(main).toContain('../preload/index.cjs');
    expect(main).toContain('worker.js');
    expect(existsSync('out/main/worker.js')).toBe(true);
    expect(existsSync('out/renderer/index.html')).toBe(true);
  });
});
