/**
 * The web harness as an HTTP boundary: loopback only, Host/Origin checks, no path tricks, and bad input
 * (malformed JSON, a plan that fails the contract) answered with a clear Vietnamese error and nothing written.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
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

function send(path: string, opts: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
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
});
