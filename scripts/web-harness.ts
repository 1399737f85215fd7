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
import { evidenceFileName } from '../electron/backend/files/evidence-name';
import { produceSaveSource } from '../electron/backend/files/save-source';
import { FILE_KINDS, MAX_BACKUP_OPEN_BYTES, MAX_OPEN_BYTES, parseCall, saveSourceKind, type ApiError, type ParsedInput } from '../shared/api';

const HOST = '127.0.0.1';
const MAX_BODY = 32 * 1024 * 1024;
/**
 * The calls that carry a whole file (a .khbak for `backup.stageFile`, up to MAX_BACKUP_OPEN_BYTES) come to
 * `/api/upload` instead: the call without its `base64` as one JSON line, then the base64 text itself, so the server
 * reads it into one buffer and makes one string of it (no JSON parse of hundreds of MB). Every other call keeps MAX_BODY.
 */
const UPLOAD_CHANNELS = new Set(['backup.stageFile']);
const MAX_UPLOAD_HEAD = 64 * 1024;
const MAX_UPLOAD_BODY = MAX_UPLOAD_HEAD + 4 * Math.ceil(MAX_BACKUP_OPEN_BYTES / 3);

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
    if (url.pathname === '/api/invoke' || url.pathname === '/api/upload') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, 'text/plain', 'Forbidden origin');
      const upload = url.pathname === '/api/upload';
      const limit = upload ? MAX_UPLOAD_BODY : MAX_BODY;
      const tooLarge = upload ? harnessMessages.uploadTooLarge : harnessMessages.tooLarge;
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > limit) return refuseTooLarge(req, res, tooLarge);
      // The body is read and made into the call in one step, so its buffer is not kept while the backend works.
      const call = await readBody(req, limit).then((raw) => (raw === null ? null : upload ? uploadCall(raw) : jsonCall(raw)));
      if (call === null) return refuseTooLarge(req, res, tooLarge);
      if ('refused' in call) return badRequest(res, call.refused);
      const { channel, input } = call;
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
      // The browser's download is the harness's "written": it is handed over with this answer.
      await file.written?.();
      const { mime } = FILE_KINDS[saveSourceKind(source)];
      const data = { saved: true, fileName: file.fileName, ...(file.exchange ? { exchange: file.exchange } : {}) };
      return { ok: true, data, file: { base64: Buffer.from(file.bytes).toString('base64'), mime } };
    } catch (err) {
      return fail(fileApiError(err));
    }
  }
  if (call.channel === 'file.openEvidence') {
    const { sha256 } = call.input as ParsedInput<'file.openEvidence'>;
    const r = await backend.invoke('task.evidence', { sha256 });
    if (!r.ok) return r;
    const fileName = evidenceFileName(r.data.fileName, r.data.mediaType);
    return { ok: true, data: { opened: true, fileName }, file: { base64: r.data.base64, mime: r.data.mediaType } };
  }
  if (call.channel === 'file.chooseOpen' || call.channel === 'file.chooseOpenMany') {
    const { kinds } = call.input as ParsedInput<'file.chooseOpen'>;
    const accept = kinds.flatMap((k) => [...FILE_KINDS[k].extensions.map((e) => `.${e}`), FILE_KINDS[k].mime]);
    return { ok: true, accept: accept.join(',') };
  }
  return fail({ code: 'UNKNOWN_CHANNEL', message: `Kênh ${call.channel} được trả lời ngay trong trang, không qua máy chủ thử nghiệm.` });
}

type Call = { channel: string; input: unknown } | { refused: string };

/** A call posted to /api/invoke: one JSON object with a string channel. */
function jsonCall(raw: Buffer): Call {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return { refused: harnessMessages.notJson };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { refused: harnessMessages.notCall };
  const { channel, input } = body as { channel?: unknown; input?: unknown };
  if (typeof channel !== 'string') return { refused: harnessMessages.channelNotString };
  return { channel, input };
}

/**
 * A call posted to /api/upload: its JSON line (channel and input without `base64`), a newline, then the file as
 * base64 text, which becomes the input's `base64`. Only the channels of UPLOAD_CHANNELS come this way.
 */
function uploadCall(raw: Buffer): Call {
  const newline = raw.indexOf(0x0a);
  if (newline < 0 || newline > MAX_UPLOAD_HEAD) return { refused: harnessMessages.notUpload };
  const head = jsonCall(raw.subarray(0, newline));
  if ('refused' in head) return head;
  if (!UPLOAD_CHANNELS.has(head.channel)) return { refused: harnessMessages.notUpload };
  const input = head.input ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) return { refused: harnessMessages.notCall };
  // base64 is ASCII: latin1 makes the one string the contract takes, byte for byte, without decoding UTF-8.
  return { channel: head.channel, input: { ...input, base64: raw.toString('latin1', newline + 1) } };
}

/**
 * The request body, or null when it is larger than `limit`: the rest is then read and dropped (not kept), so the
 * client can be answered 413 instead of finding its connection reset. A declared length is read straight into one
 * buffer of that size (a large upload is held once, not once in chunks and again joined).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length']);
    const whole = Number.isInteger(declared) && declared > 0 && declared <= limit ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      const start = size;
      size += c.length;
      if (size > limit) chunks.length = 0;
      else if (whole) c.copy(whole, start); // Node's parser never delivers more than the declared length
      else chunks.push(c);
    });
    req.on('end', () => ok(size > limit ? null : whole ? whole.subarray(0, size) : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

export const harnessMessages = {
  notJson: 'Yêu cầu không phải JSON hợp lệ.',
  notCall: 'Yêu cầu phải là một đối tượng JSON có "channel" và "input".',
  channelNotString: 'Tên kênh ("channel") phải là một chuỗi, ví dụ "plan.list".',
  badPath: 'Đường dẫn không hợp lệ (mã % không giải được).',
  tooLarge: `Yêu cầu quá lớn: tối đa ${MAX_BODY / 1024 / 1024} MB.`,
  uploadTooLarge: `Tệp gửi lên quá lớn: tệp sao lưu tối đa ${MAX_BACKUP_OPEN_BYTES / 1024 / 1024} MB.`,
  notUpload: 'Tệp gửi lên phải có dòng đầu là lời gọi JSON của một kênh nhận tệp (backup.stageFile), rồi nội dung base64.',
  internal: 'Lỗi trong máy chủ thử nghiệm; yêu cầu chưa được thực hiện.',
};

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message } });
}

/**
 * 413 for a body over its limit. The connection closes after the answer; what the client still sends is read and
 * dropped meanwhile (up to a few seconds), so it reads the answer rather than a reset.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, message: string): void {
  res.shouldKeepAlive = false;
  sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message } });
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
