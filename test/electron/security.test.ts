/**
 * Electron's security checklist asserted on the real main-process code (electron/main/security.ts and ipc.ts).
 * Electron itself cannot start here; these functions take the Electron objects they configure as parameters.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY, createSecureWindow, denyAllPermissions, enforceCsp, isAppUrl, isTrustedSender, lockNavigation, rendererDevOrigin } from '../../electron/main/security';
import { APP_ROOT, appFileFor, appPageUrl, registerAppScheme, respondAppRequest, serveAppProtocol } from '../../electron/main/app-protocol';
import { handleInvoke } from '../../electron/main/ipc';
import { resolveDataDir } from '../../electron/main/paths';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const appRoot = APP_ROOT;

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
    expect(appRoot).toBe('app://kehoach/');
    expect(isAppUrl(`${appRoot}index.html`, appRoot)).toBe(true);
    expect(isAppUrl('app://kehoach.evil/index.html', appRoot)).toBe(false);
    expect(isAppUrl('app://other/index.html', appRoot)).toBe(false);
    expect(isAppUrl('file:///opt/KeHoach/resources/app.asar/out/renderer/index.html', appRoot)).toBe(false);
    expect(isAppUrl('file:///opt/KeHoach/resources/app.asar/out/renderer-evil/index.html', 'file:///opt/KeHoach/resources/app.asar/out/renderer/')).toBe(false);
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

describe('the app:// scheme instead of file://', () => {
  const renderer = mkdtempSync(join(tmpdir(), 'kh-renderer-'));
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(renderer, '..', 'secret.txt'), 'secret');

  it('is declared a standard, secure scheme before the app is ready', () => {
    const declared: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes: unknown[]) => declared.push(...schemes) } as never);
    expect(declared).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('serves the renderer folder with its types and the CSP header on every answer', async () => {
    let handler: ((r: { url: string; method: string }) => Promise<Response>) | undefined;
    serveAppProtocol({ handle: (scheme: string, h: typeof handler) => scheme === 'app' && (handler = h) } as never, renderer);
    const page = await handler!({ url: 'app://kehoach/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<div id="root">');
    const root = await handler!({ url: 'app://kehoach/', method: 'GET' });
    expect(await root.text()).toContain('<div id="root">');
    const script = await handler!({ url: 'app://kehoach/assets/app.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const missing = await handler!({ url: 'app://kehoach/assets/none.js', method: 'GET' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler!({ url: 'app://kehoach/index.html', method: 'POST' })).status).toBe(405);
  });

  it('serves nothing outside the renderer folder or from another host', async () => {
    for (const url of [
      'app://kehoach/../secret.txt',
      'app://kehoach/%2e%2e/secret.txt',
      'app://kehoach/..%2Fsecret.txt',
      'app://kehoach/assets/..%2F..%2Fsecret.txt',
      'app://kehoach/%2Fetc%2Fpasswd',
      'app://kehoach/index.html%00.js',
      'app://kehoach/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const file = appFileFor(url, renderer);
      expect(file === null || file.startsWith(renderer + '/'), `${url} → ${file}`).toBe(true);
      const answer = await respondAppRequest({ url, method: 'GET' }, renderer);
      if (answer.status === 200) expect(await answer.text(), url).not.toContain('secret');
    }
    expect(appFileFor('app://kehoach/../secret.txt', renderer)).not.toBe(join(renderer, '..', 'secret.txt'));
  });

  it('serves the built renderer, and the print window route loads from app:// through the navigation lock', async () => {
    const built = join(__dirname, '../../out/renderer');
    const page = await respondAppRequest({ url: appPageUrl('/print/0b5e7c1e-2f4a-4c8e-9d3b-7a6f5e4d3c2b'), method: 'GET' }, built);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    expect(appPageUrl('/print/abc')).toBe('app://kehoach/index.html#/print/abc');
    expect(isAppUrl(appPageUrl('/print/abc'), APP_ROOT)).toBe(true);
    expect(appPageUrl()).toBe('app://kehoach/index.html');
    expect(appPageUrl('/plans', 'http://localhost:5173')).toBe('http://localhost:5173#/plans');
  });

  it('main loads every window from app://, serves it, and never from file://', () => {
    const main = readFileSync(join(__dirname, '../../electron/main/index.ts'), 'utf8');
    expect(main).not.toMatch(/loadFile\(|pathToFileURL|file:\/\//);
    expect(main).toMatch(/registerAppScheme\(protocol\)/);
    expect(main.indexOf('registerAppScheme(protocol)')).toBeLessThan(main.indexOf('app.whenReady()'));
    expect(main).toMatch(/serveAppProtocol\(protocol, rendererDir\)/);
    expect(main.match(/loadURL\(appPageUrl\(/g)).toHaveLength(2); // the app window and the print window
    expect(main).toMatch(/const appRoot = APP_ROOT;/);
  });
});

describe('the dev server URL', () => {
  it('is honoured only when the app is not packaged, and only on this machine', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererDevOrigin(env, false)).toBe('http://localhost:5173');
    expect(rendererDevOrigin(env, true)).toBeUndefined();
    expect(rendererDevOrigin({}, false)).toBeUndefined();
    expect(rendererDevOrigin({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeUndefined();
    expect(rendererDevOrigin({ ELECTRON_RENDERER_URL: 'file:///tmp/x.html' }, false)).toBeUndefined();
    const main = readFileSync(join(__dirname, '../../electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/rendererDevOrigin\(process\.env, app\.isPackaged\)/);
    expect(main).not.toMatch(/process\.env\['ELECTRON_RENDERER_URL'\]/);
  });
});
