/**
 * Electron's security checklist asserted on the real main-process code (electron/main/security.ts and ipc.ts).
 * Electron itself cannot start here; these functions take the Electron objects they configure as parameters.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY, createSecureWindow, denyAllPermissions, enforceCsp, isAppUrl, isTrustedSender, lockNavigation } from '../../electron/main/security';
import { handleInvoke } from '../../electron/main/ipc';
import { resolveDataDir } from '../../electron/main/paths';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const appRoot = 'file:///opt/KeHoach/resources/app.asar/out/renderer/';

class CapturingWindow {
  static last: BrowserWindowConstructorOptions | undefined;
  constructor(options: BrowserWindowConstructorOptions) {
    CapturingWindow.last = options;
  }
}

describe('window options', () => {
  const win = createSecureWindow(CapturingWindow, '/x/preload/index.cjs');
  const prefs = CapturingWindow.last!.webPreferences!;
  it('isolates and sandboxes the page with no Node', () => {
    expect(win).toBeInstanceOf(CapturingWindow);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and every risky feature off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.preload).toBe('/x/preload/index.cjs');
  });
});

describe('content security policy', () => {
  it('allows only the app itself: no remote hosts, no eval, no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|\*/);
  });
  it('is added to every response header', () => {
    let listener: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    enforceCsp({ webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } } as never);
    let out: Record<string, string[]> | undefined;
    listener!({ responseHeaders: { 'X-A': ['1'] } }, (r) => (out = r.responseHeaders));
    expect(out!['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out!['X-A']).toEqual(['1']);
  });
  it('the renderer page declares the same policy in a meta tag', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('renderer/index.html', 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(html).not.toMatch(/content="[^"]*https?:/);
  });
});

describe('navigation and windows', () => {
  const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: () => { action: string }) => void; openHandler?: () => { action: string } };
  contents.setWindowOpenHandler = (h) => (contents.openHandler = h);
  lockNavigation(contents as never, appRoot);
  const navigate = (event: string, url: string) => {
    let prevented = false;
    contents.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  it('blocks navigation and redirects to anything but the app', () => {
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', `${appRoot}index.html#/plans`)).toBe(false);
  });
  it('denies new windows and webviews', () => {
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    expect(navigate('will-attach-webview', '')).toBe(true);
  });
  it('recognises the app URL and rejects look-alikes', () => {
    expect(isAppUrl(`${appRoot}index.html`, appRoot)).toBe(true);
    expect(isAppUrl('file:///opt/KeHoach/resources/app.asar/out/renderer-evil/index.html', appRoot)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', appRoot, 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', appRoot, 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('not a url', appRoot)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as never);
    let granted: boolean | undefined;
    request!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(check!()).toBe(false);
  });
});

describe('IPC sender and input checks', () => {
  const relayed: unknown[] = [];
  const relay = async (channel: string, input: unknown) => {
    relayed.push([channel, input]);
    return { ok: true as const, data: { name: 'x', version: '1', dataDir: '/d', schemaVersion: 1, platform: 'linux' } };
  };
  const fromApp = { senderFrame: { url: `${appRoot}index.html`, parent: null } };
  it('rejects calls from other pages and from sub-frames', async () => {
    const foreign = await handleInvoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {}, relay as never, appRoot);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const sub = await handleInvoke({ senderFrame: { url: `${appRoot}index.html`, parent: {} } }, 'app.info', {}, relay as never, appRoot);
    expect(sub).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(relayed).toHaveLength(0);
  });
  it('rejects unknown channels and invalid input before reaching the backend', async () => {
    expect(await handleInvoke(fromApp, 'fs.readFile', {}, relay as never, appRoot)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = await handleInvoke(fromApp, 'org.remove', { id: 'not-a-uuid' }, relay as never, appRoot);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/không hợp lệ.*id/);
    expect(relayed).toHaveLength(0);
  });
  it('relays a valid call from the app page', async () => {
    const ok = await handleInvoke(fromApp, 'app.info', {}, relay as never, appRoot);
    expect(ok.ok).toBe(true);
    expect(relayed).toEqual([['app.info', {}]]);
  });
  it('isTrustedSender needs a frame', () => {
    expect(isTrustedSender({ senderFrame: null }, appRoot)).toBe(false);
  });
});

describe('data folder', () => {
  it('uses the user data folder when installed', () => {
    expect(resolveDataDir({ exePath: '/opt/KeHoach/kehoach', userDataDir: '/home/u/.config/KeHoach' })).toEqual({ dataDir: '/home/u/.config/KeHoach', portable: false });
  });
  it('keeps data beside the portable exe', () => {
    expect(resolveDataDir({ portableExecutableDir: 'E:\\KeHoach', exePath: 'C:\\Temp\\x\\kehoach.exe', userDataDir: 'C:\\Users\\u' })).toEqual({ dataDir: join('E:\\KeHoach', 'KeHoachData'), portable: true });
  });
  it('honours a portable.flag file beside the executable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-portable-'));
    writeFileSync(join(dir, 'portable.flag'), '');
    expect(resolveDataDir({ exePath: join(dir, 'kehoach'), userDataDir: '/u' })).toEqual({ dataDir: join(dir, 'KeHoachData'), portable: true });
  });
});
