/**
 * The web harness as an HTTP boundary: loopback only, Host/Origin checks, no path tricks, and bad input
 * (malformed JSON, a plan that fails the contract) answered with a clear Vietnamese error and nothing written.
 */
import { mkdtempSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../scripts/web-harness';

let harness: Harness;
let port = 0;
beforeAll(async () => {
  harness = await startHarness({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'kh-harness-')) });
  port = Number(new URL(harness.url).port);
});
afterAll(() => harness.close());

type Answer = { status: number; body: string; headers: IncomingHttpHeaders };
function send(path: string, opts: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const invoke = (channel: string, input: unknown) =>
  send('/api/invoke', { method: 'POST', body: JSON.stringify({ channel, input }), headers: { 'content-type': 'application/json' } }).then((r) => JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } });

describe('web harness', () => {
  it('listens on loopback and serves the app with the bridge shim before the app scripts', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body.indexOf('harness-bridge.js')).toBeLessThan(page.body.indexOf('type="module"'));
    expect((await send('/harness-bridge.js')).body).toContain("'kehoach'");
  });

  it('refuses foreign Host headers (DNS rebinding), foreign origins and path tricks', async () => {
    expect((await send('/', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    const foreign = await send('/api/invoke', { method: 'POST', body: '{"channel":"app.info"}', headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect([403, 404]).toContain((await send('/..%2F..%2Fpackage.json')).status);
    expect((await send('/api/invoke')).status).toBe(405);
  });

  it('answers malformed JSON and contract violations with Vietnamese errors, and writes nothing', async () => {
    const bad = await send('/api/invoke', { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/JSON/) } });

    const invalidPlan = await invoke('plan.save', { id: 'x', trichYeu: 42 });
    expect(invalidPlan).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/không hợp lệ/) } });
    // zod's own type messages come in Vietnamese too.
    expect(JSON.stringify(invalidPlan)).not.toMatch(/Invalid input|expected string|Required/);
    expect(await invoke('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const list = (await invoke('plan.list', {})) as unknown as { ok: true; data: { total: number } };
    expect(list.data.total).toBe(0);
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    send('/api/invoke', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const vietnameseError = (answer: Answer, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    const parsed = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } };
    expect(parsed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(parsed.error.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵóòỏõọéèẻẽẹ]/);
    return parsed.error.message;
  };

  it('answers a null body, a non-string channel and a malformed % path with 400 and a Vietnamese JSON error', async () => {
    expect(vietnameseError(await post('null'), 400)).toMatch(/đối tượng JSON/);
    expect(vietnameseError(await post('[1,2]'), 400)).toMatch(/đối tượng JSON/);
    expect(vietnameseError(await post('{"channel":{"toString":1},"input":{}}'), 400)).toMatch(/phải là một chuỗi/);
    expect(vietnameseError(await post('{"channel":42}'), 400)).toMatch(/phải là một chuỗi/);
    expect(vietnameseError(await send('/%E0%A4%A'), 400)).toMatch(/Đường dẫn không hợp lệ/);
    expect(vietnameseError(await send('/assets/%'), 400)).toMatch(/Đường dẫn không hợp lệ/);
    // The file channels go through the contract's check too.
    const badSave = JSON.parse((await post('{"channel":"file.chooseSave","input":{"source":{"kind":"nope"}}}')).body) as { error: { code: string } };
    expect(badSave).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await invoke('app.info', {})).ok).toBe(true);
  });

  it('answers a body over 32 MB with 413, whether its length is declared or it comes in chunks', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 0x20);
    expect(vietnameseError(await post(big, { 'content-length': String(big.length) }), 413)).toMatch(/quá lớn/);
    expect(vietnameseError(await post(big, { 'transfer-encoding': 'chunked' }), 413)).toMatch(/quá lớn/);
    expect((await invoke('app.info', {})).ok).toBe(true);
  });

  it('takes a .khbak larger than 32 MB at /api/upload to the backup check, keeps 32 MB for every other call, and refuses more than a backup may be', async () => {
    // 36 MB that are not a backup: past the size limit, the backup check answers (in Vietnamese), not the harness.
    const bytes = Buffer.alloc(36 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
    const base64 = bytes.toString('base64');
    const upload = Buffer.concat([Buffer.from(JSON.stringify({ channel: 'backup.stageFile', input: {} }) + '\n'), Buffer.from(base64, 'latin1')]);
    const staged = await send('/api/upload', { method: 'POST', body: upload, headers: { 'content-type': 'text/plain', 'content-length': String(upload.length) } });
    expect(staged.status).toBe(200);
    expect(JSON.parse(staged.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^Không đọc được tệp sao lưu: tệp không phải bản sao lưu/) } });

    // The same call as one JSON object is held to 32 MB.
    const asJson = await post(JSON.stringify({ channel: 'backup.stageFile', input: { base64 } }));
    expect(vietnameseError(asJson, 413)).toMatch(/tối đa 32 MB/);
    // Only the file-carrying channels come as an upload.
    const notUpload = await send('/api/upload', { method: 'POST', body: '{"channel":"plan.list","input":{}}\nAAAA' });
    expect(vietnameseError(notUpload, 400)).toMatch(/backup\.stageFile/);
    // Over what a 256 MB backup takes as base64: 413 before a byte is kept.
    const overLimit = await send('/api/upload', { method: 'POST', body: 'x', headers: { 'content-length': String(4 * Math.ceil((256 * 1024 * 1024) / 3) + 65 * 1024) } });
    expect(vietnameseError(overLimit, 413)).toMatch(/tối đa 256 MB/);
    expect((await invoke('app.info', {})).ok).toBe(true);
  }, 60_000);

  it('forbids framing on every answer (frame-ancestors, X-Frame-Options)', async () => {
    const answers = [await send('/'), await send('/harness-bridge.js'), await post('{"channel":"app.info"}'), await send('/nope.js'), await post('null'), await send('/', { headers: { host: 'evil.example' } })];
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'");
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
  });
});
