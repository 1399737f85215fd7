/**
 * The app's pages come from its own scheme, app://kehoach/, not from file://: a file:// page could read any local file
 * the renderer names, and file:// has no origin of its own. The handler serves only files inside the built renderer
 * folder (out/renderer), each with the CSP header. Types only from electron: tests run these functions in plain Node.
 */
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kehoach';
/** The app's root URL: every page of the app starts with it (navigation lock, IPC sender check). */
export const APP_ROOT = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_INDEX = `${APP_ROOT}index.html`;

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Declare app:// a standard, secure scheme (an origin of its own, 'self' in the CSP, fetch for the app's own
 * files). Must run before the app is ready.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file inside `rendererDir` that an app:// URL names, or null for anything else: another host, a path that
 * cannot be decoded, a path leaving the folder (../, an encoded %2F.., an absolute path), a NUL byte.
 */
export function appFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(join(root, path));
  const inside = relative(root, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

const headers = (type: string): Record<string, string> => ({
  'content-type': type,
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
});

/** The answer to one app:// request: the file with its type and the CSP header, or 404/405. */
export async function respondAppRequest(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: headers('text/plain') });
  const file = appFileFor(request.url, rendererDir);
  if (!file) return new Response(null, { status: 404, headers: headers('text/plain') });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response(null, { status: 404, headers: headers('text/plain') });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: headers(MIME_TYPES[extname(file)] ?? 'application/octet-stream'),
  });
}

/** Serve app:// from `rendererDir` on the default session (after the app is ready). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondAppRequest(request, rendererDir));
}

/** The URL of an app page: the route (e.g. `/print/<id>`) in the hash, on app:// or on the dev server. */
export function appPageUrl(route?: string, devOrigin?: string): string {
  const base = devOrigin ?? APP_INDEX;
  return route ? `${base}#${route}` : base;
}
