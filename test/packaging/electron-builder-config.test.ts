/**
 * Building installers needs internet (electron-builder downloads the Electron runtime), so CI validates
 * the configuration offline with electron-builder's own schema validation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';

const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (cfg: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- untyped YAML, asserted field by field below

describe('electron-builder.yml', () => {
  it('passes electron-builder validation', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validator really rejects a bad key (so the test above can fail)', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), notAnOption: true }, new DebugLogger(false))).rejects.toThrow(/unknown property|notAnOption/);
  });

  it('builds an NSIS installer with a folder choice and a portable exe for Windows, AppImage and deb for Linux', () => {
    const win = (config.win.target as { target: string }[]).map((t) => t.target);
    expect(win).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('ships the built app and templates, and does not rebuild the N-API sqlite binary', () => {
    expect(config.files).toContain('out/**/*');
    expect(config.extraResources[0]).toMatchObject({ from: 'resources/templates', to: 'templates' });
    expect(config.npmRebuild).toBe(false);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.scripts['dist:win']).toContain('--win');
    expect(pkg.scripts['dist:linux']).toContain('--linux');
  });

  it('flips the Electron fuses: no run-as-Node, no NODE_OPTIONS, no inspect, encrypted cookies, only the checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The app is packed into app.asar (the integrity check and onlyLoadAppFromAsar need it).
    expect(config.asar).not.toBe(false);
  });
});
