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
import { MIME_TYPES } from '../electron/main/app-protocol';
import { fileApiError, fileMessages } from '../electron/backend/files/errors';
import { produceSaveSource } from '../electron/backend/files/save-source';
import { FILE_KINDS, MAX_BACKUP_OPEN_BYTES, MAX_OPEN_BYTES, parseCall, saveSourceKind, type ApiError, type ParsedInput } from '../shared/api';

const HOST = '127.0.0.1';
const MAX_BODY = 32 * 1024 * 1024;

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
      process.stderr.write(`web harness: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: harnessMessages.internal } });
      else res.destroy();
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
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY) return refuseTooLarge(req, res);
      const raw = await readBody(req);
      if (raw === null) return refuseTooLarge(req, res);
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return badRequest(res, harnessMessages.notJson);
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return badRequest(res, harnessMessages.notCall);
      const { channel, input } = body as { channel?: unknown; input?: unknown };
      if (typeof channel !== 'string') return badRequest(res, harnessMessages.channelNotString);
      if (channel.startsWith('file.')) return sendJson(res, 200, await fileCall(channel, input, backend, `http://${HOST}:${port}/`));
      const result = await backend.invoke(channel, input);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/harness-bridge.js') return send(res, 200, MIME_TYPES['.js']!, bridgeJs);
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, MIME_TYPES['.html']!, indexHtml);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return badRequest(res, harnessMessages.badPath);
    }
    const file = normalize(join(rendererDir, path));
    if (!file.startsWith(rendererDir + sep)) return send(res, 403, 'text/plain', 'Forbidden path');
    try {
      const data = await readFile(file);
      return send(res, 200, MIME_TYPES[extname(file)] ?? 'application/octet-stream', data);
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
  const call = parseCall(channel, input);
  if (!call.ok) return call;
  if (call.channel === 'file.chooseSave') {
    const { source } = call.input as ParsedInput<'file.chooseSave'>;
    try {
      const printPdf = async (id: string) => (await import('./print-pdf')).printStoredPlanPdf(appUrl, id);
      const file = await produceSaveSource(source, (c, i) => backend.invoke(c, i), printPdf);
      const { mime } = FILE_KINDS[saveSourceKind(source)];
      return { ok: true, data: { saved: true, fileName: file.fileName }, file: { base64: Buffer.from(file.bytes).toString('base64'), mime } };
    } catch (err) {
      return fail(fileApiError(err));
    }
  }
  if (call.channel === 'file.chooseOpen') {
    const { kinds } = call.input as ParsedInput<'file.chooseOpen'>;
    const accept = kinds.flatMap((k) => [...FILE_KINDS[k].extensions.map((e) => `.${e}`), FILE_KINDS[k].mime]);
    return { ok: true, accept: accept.join(',') };
  }
  return fail({ code: 'UNKNOWN_CHANNEL', message: `Kênh ${call.channel} được trả lời ngay trong trang, không qua máy chủ thử nghiệm.` });
}

/**
 * The request body as text, or null when it is larger than MAX_BODY: the rest is then read and dropped (not kept),
 * so the client can be answered 413 instead of finding its connection reset.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => ok(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

export const harnessMessages = {
  notJson: 'Yêu cầu không phải JSON hợp lệ.',
  notCall: 'Yêu cầu phải là một đối tượng JSON có "channel" và "input".',
  channelNotString: 'Tên kênh ("channel") phải là một chuỗi, ví dụ "plan.list".',
  badPath: 'Đường dẫn không hợp lệ (mã % không giải được).',
  tooLarge: `Yêu cầu quá lớn: tối đa ${MAX_BODY / 1024 / 1024} MB.`,
  internal: 'Lỗi trong máy chủ thử nghiệm; yêu cầu chưa được thực hiện.',
};

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message } });
}

/**
 * 413 for a body over MAX_BODY. The connection closes after the answer; what the client still sends is read and
 * dropped meanwhile (up to a few seconds), so it reads the answer rather than a reset.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.shouldKeepAlive = false;
  sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: harnessMessages.tooLarge } });
  if (!req.complete) {
    req.resume();
    setTimeout(() => req.socket.destroy(), 5000).unref();
  }
}

/** Every answer: no caching, no sniffing, no referrer, and never inside a frame (clickjacking). */
function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "frame-ancestors 'none'",
    'x-frame-options': 'DENY',
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
