/**
 * Web harness: serves the built renderer and the same backend over HTTP on 127.0.0.1 only, with a
 * `window.kehoach` shim identical to the preload's (harness-bridge.js). For end-to-end tests in a real browser and
 * for development on machines where the Electron binary cannot be downloaded. Never exposed beyond loopback.
 * The file channels that main answers in the app are answered here with a download (save) or an upload (open):
 * the harness produces the bytes (a PDF through headless Chromium), the bridge hands them to the browser.
 *
 *   npm run web -- --port 5199 --data <dir>
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { createBackend, type Backend } from '../electron/backend/index';
import { fileApiError, fileMessages } from '../electron/backend/files/errors';
import { produceSaveSource } from '../electron/backend/files/save-source';
import { ChooseOpenInput, ChooseSaveInput, FILE_KINDS, MAX_BACKUP_OPEN_BYTES, MAX_OPEN_BYTES, saveSourceKind, validationError, type ApiError } from '../shared/api';

const HOST = '127.0.0.1';
const MAX_BODY = 32 * 1024 * 1024;

const MIME: Record<string, string> = {
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

export interface HarnessOptions {
  port: number;
  dataDir: string;
  rendererDir?: string;
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const rendererDir = resolve(opts.rendererDir ?? join(here, '../out/renderer'));
  await stat(join(rendererDir, 'index.html')).catch(() => {
    throw new Error(`Chưa có bản dựng giao diện tại ${rendererDir}. Chạy "npm run build" trước.`);
  });
  mkdirSync(opts.dataDir, { recursive: true });
  const backend = createBackend({ dataDir: opts.dataDir, automaticBackups: true, recoverDamaged: true });
  const bridgeJs = (await readFile(join(here, 'harness-bridge.js'), 'utf8')).replace(
    '/*CONFIG*/ null',
    JSON.stringify({
      maxOpenBytes: MAX_OPEN_BYTES,
      maxBackupBytes: MAX_BACKUP_OPEN_BYTES,
      messages: { tokenSpent: fileMessages.tokenSpent, tooLarge: fileMessages.tooLarge(MAX_OPEN_BYTES), backupTooLarge: fileMessages.tooLarge(MAX_BACKUP_OPEN_BYTES) },
    }),
  );
  const indexHtml = (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace(
    '<head>',
    '<head>\n    <script src="./harness-bridge.js"></script>',
  );

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, 500, 'text/plain; charset=utf-8', `Lỗi máy chủ: ${err instanceof Error ? err.message : String(err)}`);
    });
  });

  let port = opts.port;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Loopback only, and no DNS-rebinding: the Host header must be ours.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return send(res, 403, 'text/plain', 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, 'text/plain', 'Forbidden origin');
      let body: { channel?: unknown; input?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Yêu cầu không phải JSON hợp lệ.' } });
      }
      const channel = String(body.channel ?? '');
      if (channel.startsWith('file.')) return sendJson(res, 200, await fileCall(channel, body.input, backend, `http://${HOST}:${port}/`));
      const result = await backend.invoke(channel, body.input);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/harness-bridge.js') return send(res, 200, MIME['.js']!, bridgeJs);
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, MIME['.html']!, indexHtml);
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + sep)) return send(res, 403, 'text/plain', 'Forbidden path');
    try {
      const data = await readFile(file);
      return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', data);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, HOST, () => ok());
  });
  const addr = server.address();
  if (addr && typeof addr === 'object') port = addr.port;
  return {
    url: `http://${HOST}:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          backend.close();
          ok();
        });
      }),
  };
}

/**
 * The harness's half of the file channels (the bridge does the browser's half): `file.chooseSave` answers with the
 * bytes to download, `file.chooseOpen` with the accepted types for the upload; `file.read` never leaves the page.
 */
async function fileCall(channel: string, input: unknown, backend: Backend, appUrl: string): Promise<object> {
  const fail = (error: ApiError) => ({ ok: false, error });
  if (channel === 'file.chooseSave') {
    const parsed = ChooseSaveInput.safeParse(input ?? {});
    if (!parsed.success) return fail(validationError(parsed.error));
    const { source } = parsed.data;
    try {
      const printPdf = async (id: string) => (await import('./print-pdf')).printStoredPlanPdf(appUrl, id);
      const file = await produceSaveSource(source, (c, i) => backend.invoke(c, i), printPdf);
      const { mime } = FILE_KINDS[saveSourceKind(source)];
      return { ok: true, data: { saved: true, fileName: file.fileName }, file: { base64: Buffer.from(file.bytes).toString('base64'), mime } };
    } catch (err) {
      return fail(fileApiError(err));
    }
  }
  if (channel === 'file.chooseOpen') {
    const parsed = ChooseOpenInput.safeParse(input ?? {});
    if (!parsed.success) return fail(validationError(parsed.error));
    const accept = parsed.data.kinds.flatMap((k) => [...FILE_KINDS[k].extensions.map((e) => `.${e}`), FILE_KINDS[k].mime]);
    return { ok: true, accept: accept.join(',') };
  }
  return fail({ code: 'UNKNOWN_CHANNEL', message: `Kênh không tồn tại: ${channel.slice(0, 80)}` });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('Yêu cầu quá lớn'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function parseArgs(argv: string[]): HarnessOptions {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = Number(get('--port') ?? 5199);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port phải là số cổng hợp lệ');
  const dataDir = resolve(get('--data') ?? join(process.cwd(), '.tmp/web-data'));
  return { port, dataDir };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  startHarness(opts)
    .then((h) => {
      console.log(`KẾ HOẠCH (web harness) đang chạy: ${h.url}  — dữ liệu: ${opts.dataDir}`);
      const stop = () => void h.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
