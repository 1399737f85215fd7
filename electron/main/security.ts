/**
 * Electron security checklist, as plain functions so tests can assert them on the real code.
 * Nothing here imports the electron runtime (types only).
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The page may load only our own files; no remote anything. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type WindowCtor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Create an app window with the security checklist applied: isolated, sandboxed, no Node, no remote content.
 * The constructor is passed in so tests can capture the exact options the app uses. A 'print' window (Xuất PDF)
 * is never shown and keeps rendering while hidden.
 */
export function createSecureWindow<W>(BrowserWindow: WindowCtor<W>, preloadPath: string, purpose: 'app' | 'print' = 'app'): W {
  return new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'KẾ HOẠCH',
    backgroundColor: '#ffffff',
    ...(purpose === 'print' ? { skipTaskbar: true, focusable: false } : {}),
    webPreferences: {
      ...(purpose === 'print' ? { backgroundThrottling: false } : {}),
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
}

/**
 * True when `url` is the app's own page: under `appRoot` (app://kehoach/, the app's own scheme; the same scheme, host
 * and path prefix), or, in development, exactly the dev server origin.
 */
export function isAppUrl(url: string, appRoot: string, devOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devOrigin) {
    return parsed.origin === new URL(devOrigin).origin;
  }
  const root = new URL(appRoot);
  if (parsed.protocol !== root.protocol || parsed.host !== root.host) return false;
  try {
    return decodeURIComponent(parsed.pathname).startsWith(decodeURIComponent(root.pathname));
  } catch {
    return false;
  }
}

/**
 * The dev server to load the renderer from: ELECTRON_RENDERER_URL (set by electron-vite dev), honoured only when the
 * app is not packaged, and only an http(s) URL on this machine. An installed app always loads its own files.
 */
export function rendererDevOrigin(env: Record<string, string | undefined>, isPackaged: boolean): string | undefined {
  const url = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !url) return undefined;
  try {
    const parsed = new URL(url);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && local ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Minimal shape of an IPC event we need to check the sender. */
export interface SenderInfo {
  senderFrame: { url: string; parent: unknown } | null;
}

/** Every IPC call must come from the app's own top-level page. */
export function isTrustedSender(event: SenderInfo, appRoot: string, devOrigin?: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, appRoot, devOrigin);
}

/** Deny every permission request (camera, notifications, geolocation…): the app needs none. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** No navigation away from the app, no new windows, no webviews. */
export function lockNavigation(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, appRoot: string, devOrigin?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appRoot, devOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appRoot, devOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Add the CSP header to every response the session serves (belt and braces with the meta tag). */
export function enforceCsp(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
