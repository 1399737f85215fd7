/**
 * Main's file channels on the real code: the real backend (SQLite in a temp folder) renders, the real safe write
 * writes into a temp folder. Electron's API is replaced at its boundary only: the `dialog` object answers with a
 * path, the print window is a stand-in whose printToPDF returns bytes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { createBackend, type Backend } from '../../electron/backend';
import { createNativeDialogs, withExtension, type DialogApi } from '../../electron/main/file-dialogs';
import { mountRoots, removableDrives } from '../../electron/main/removable-drives';
import { fileApiError } from '../../electron/backend/files/errors';
import { answerFileChannels, createFileService } from '../../electron/main/file-service';
import { handleInvoke } from '../../electron/main/ipc';
import { createPathTokens } from '../../electron/main/path-tokens';
import { PDF_OPTIONS, printRouteToPdf, type PrintWindow } from '../../electron/main/print-to-pdf';
import { createSecureWindow } from '../../electron/main/security';
import { planFileName } from '../../shared/format/file-name';
import { TemplateFile, type Plan } from '../../shared/model';
import { unzipSync } from 'fflate';

const PDF_BYTES = Buffer.from('%PDF-1.7\n% a printed plan\n%%EOF\n');
const window = {} as BaseWindow;

/** Electron's dialog, answering from a queue and keeping the options it was shown with. */
function fakeDialog(answers: (string | string[] | null)[]) {
  const shown: { kind: 'save' | 'open'; window: unknown; options: SaveDialogOptions | OpenDialogOptions }[] = [];
  const next = async () => answers.shift() ?? null;
  const api = {
    showSaveDialog: async (w: unknown, o?: SaveDialogOptions) => {
      const options = (o ?? w) as SaveDialogOptions;
      shown.push({ kind: 'save', window: o ? w : null, options });
      const filePath = (await next()) as string | null;
      return { canceled: filePath === null, filePath: filePath ?? '' };
    },
    showOpenDialog: async (w: unknown, o?: OpenDialogOptions) => {
      const options = (o ?? w) as OpenDialogOptions;
      shown.push({ kind: 'open', window: o ? w : null, options });
      const chosen = await next();
      const filePaths = chosen === null ? [] : Array.isArray(chosen) ? chosen : [chosen];
      return { canceled: filePaths.length === 0, filePaths };
    },
  } as unknown as DialogApi;
  return { api, shown };
}

let dir = '';
let backend: Backend;
let plan: Plan;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kh-main-files-'));
  backend = createBackend({ dataDir: join(dir, 'data') });
  const content = TemplateFile.parse(JSON.parse(readFileSync('resources/templates/seed-01-huyen-uy-dai-hoi-diem.json', 'utf8'))).content;
  const saved = await backend.invoke('plan.save', { ...content, id: '0b7a6a52-5a3e-4a8e-9d7e-3c2f1b0a9e11', baseRevision: null });
  if (!saved.ok) throw new Error(saved.error.message);
  plan = saved.data;
});
afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(answers: (string | string[] | null)[], printed: string[] = []) {
  const dialog = fakeDialog(answers);
  const files = createFileService({
    invoke: (channel, input) => backend.invoke(channel, input),
    dialogs: createNativeDialogs(dialog.api, () => join(dir, 'Documents')),
    printPdf: async (id) => (printed.push(id), PDF_BYTES),
    tokens: createPathTokens(),
  });
  return { files, shown: dialog.shown };
}

describe('file.chooseSave', () => {
  it('renders the .docx in the backend, asks where with the plan file name, and writes that document', async () => {
    const out = join(dir, 'chosen', 'ke-hoach.docx');
    mkdirSync(join(dir, 'chosen'));
    const { files, shown } = service([out]);
    const result = await files.chooseSave({ source: { kind: 'plan.docx', id: plan.id } }, window);
    expect(result).toEqual({ saved: true, fileName: 'ke-hoach.docx' }); // the name only: the renderer never sees a folder
    const rendered = await backend.invoke('plan.renderDocx', { id: plan.id });
    if (!rendered.ok) throw new Error(rendered.error.message);
    // the same document as the backend renders (a .docx carries its creation time, so compare the parts)
    const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([name]) => name !== 'docProps/core.xml'));
    expect(parts(readFileSync(out))).toEqual(parts(Buffer.from(rendered.data.base64, 'base64')));
    expect(readdirSync(join(dir, 'chosen'))).toEqual(['ke-hoach.docx']); // no temporary file left
    expect(shown).toHaveLength(1);
    expect(shown[0]!.window).toBe(window);
    const options = shown[0]!.options as SaveDialogOptions;
    expect(options.defaultPath).toBe(join(dir, 'Documents', rendered.data.fileName));
    expect(options.filters).toEqual([{ name: 'Văn bản Word (.docx)', extensions: ['docx'] }]);
  });

  it('prints the plan to PDF and saves it under the name the user typed, adding the extension', async () => {
    const printed: string[] = [];
    const { files, shown } = service([join(dir, 'ban-in')], printed);
    const result = await files.chooseSave({ source: { kind: 'plan.pdf', id: plan.id } }, window);
    expect(result).toEqual({ saved: true, fileName: 'ban-in.pdf' });
    expect(printed).toEqual([plan.id]);
    expect(readFileSync(join(dir, 'ban-in.pdf')).equals(PDF_BYTES)).toBe(true);
    expect((shown[0]!.options as SaveDialogOptions).defaultPath).toBe(join(dir, 'Documents', planFileName(plan, 'pdf')));
    expect(planFileName(plan, 'pdf')).toBe('KH-315-KH-HU-2024.pdf');
  });

  it('writes nothing when the user cancels, and starts the next dialog in the last chosen folder', async () => {
    const sub = join(dir, 'last');
    mkdirSync(sub);
    const { files, shown } = service([join(sub, 'a.docx'), null]);
    await files.chooseSave({ source: { kind: 'plan.docx', id: plan.id } }, window);
    expect(await files.chooseSave({ source: { kind: 'plan.docx', id: plan.id } }, window)).toEqual({ saved: false });
    expect(readdirSync(sub)).toEqual(['a.docx']);
    expect((shown[1]!.options as SaveDialogOptions).defaultPath!.startsWith(join(sub, 'KH-'))).toBe(true);
  });

  it('an unknown plan is an error before any dialog', async () => {
    const { files, shown } = service([join(dir, 'never.docx')]);
    const err = await files.chooseSave({ source: { kind: 'plan.docx', id: '5d0f0f33-3a3b-4c1e-8f7a-1a2b3c4d5e6f' } }, window).catch((e: unknown) => e);
    expect(fileApiError(err)).toMatchObject({ code: 'NOT_FOUND' });
    expect(shown).toHaveLength(0);
    expect(existsSync(join(dir, 'never.docx'))).toBe(false);
  });

  it('a folder that vanished before the write is an IO error in Vietnamese', async () => {
    const { files } = service([join(dir, 'usb-removed', 'a.docx')]);
    const err = await files.chooseSave({ source: { kind: 'plan.docx', id: plan.id } }, window).catch((e: unknown) => e);
    expect(fileApiError(err)).toEqual({ code: 'IO', message: 'Không lưu được tệp: thư mục hoặc tệp không còn tồn tại (ổ USB đã bị rút?).' });
  });
});

describe('file.chooseOpen and file.read', () => {
  it('hands out a single-use token for the chosen file, never its path', async () => {
    const src = join(dir, 'nhan-tu-usb.json');
    writeFileSync(src, '{"a":1}');
    const { files, shown } = service([src]);
    const chosen = await files.chooseOpen({ kinds: ['json'] }, window);
    expect(chosen).toMatchObject({ opened: true, fileName: 'nhan-tu-usb.json', size: 7 });
    expect(JSON.stringify(chosen)).not.toContain(dir);
    expect((shown[0]!.options as OpenDialogOptions).filters).toEqual([{ name: 'Tệp dữ liệu JSON (.json)', extensions: ['json'] }]);
    const token = chosen.opened ? chosen.token : '';
    expect(await files.read({ token })).toEqual({ fileName: 'nhan-tu-usb.json', base64: Buffer.from('{"a":1}').toString('base64') });
    const again = await files.read({ token }).catch((e: unknown) => e);
    expect(fileApiError(again)).toMatchObject({ code: 'NOT_FOUND', message: 'Tệp đã chọn không còn dùng được nữa. Hãy chọn lại tệp.' });
  });

  it('cancelling opens nothing', async () => {
    const { files } = service([null]);
    expect(await files.chooseOpen({ kinds: ['docx', 'pdf'] }, null)).toEqual({ opened: false });
  });
});

describe('exchange packages and key cards through the file channels', () => {
  it('saves a package of the chosen plans, says what went in it, and the saved file inspects as valid', async () => {
    const out = join(dir, 'stick', 'goi.khx');
    mkdirSync(join(dir, 'stick'), { recursive: true });
    const { files, shown } = service([out]);
    const result = await files.chooseSave({ source: { kind: 'exchange.khx', export: { planIds: [plan.id] } } }, window);
    expect(result).toMatchObject({ saved: true, fileName: 'goi.khx', exchange: { plans: 1, encrypted: false, skipped: [] } });
    expect((shown[0]!.options as SaveDialogOptions).filters).toEqual([{ name: 'Gói trao đổi KẾ HOẠCH (.khx)', extensions: ['khx'] }]);
    const inspected = await backend.invoke('exchange.inspect', { base64: readFileSync(out).toString('base64') });
    expect(inspected).toMatchObject({ ok: true, data: { opened: true, inspection: { standing: 'self', records: [{ id: plan.id }] } } });
  });

  it('enters a package in the Sổ trao đổi only once its file is written: a cancelled dialog leaves no line', async () => {
    const sentLines = async () => {
      const log = await backend.invoke('exchange.log', {});
      if (!log.ok) throw new Error(log.error.message);
      return log.data.filter((l) => l.direction === 'out');
    };
    const before = (await sentLines()).length;
    const cancelled = service([null]);
    expect(await cancelled.files.chooseSave({ source: { kind: 'exchange.khx', export: { planIds: [plan.id] } } }, window)).toEqual({ saved: false });
    expect(await sentLines()).toHaveLength(before);
    const out = join(dir, 'stick', 'goi-2.khx');
    const saved = service([out]);
    const result = await saved.files.chooseSave({ source: { kind: 'exchange.khx', export: { planIds: [plan.id] } } }, window);
    expect(result.saved).toBe(true);
    const lines = await sentLines();
    expect(lines).toHaveLength(before + 1);
    expect(lines.map((l) => l.packageId)).toContain(result.saved ? result.exchange?.packageId : '');
  });

  it('saves the office key card', async () => {
    const out = join(dir, 'stick', 'the-khoa');
    const { files } = service([out]);
    expect(await files.chooseSave({ source: { kind: 'exchange.khkey' } }, window)).toEqual({ saved: true, fileName: 'the-khoa.khkey' });
    const card = await backend.invoke('exchange.checkKeyCards', { files: [{ fileName: 'the-khoa.khkey', base64: readFileSync(`${out}.khkey`).toString('base64') }] });
    expect(card).toMatchObject({ ok: true, data: [{ verdict: 'self', error: null }] });
  });

  it('chooses several files at once, a token for each; cancelling chooses none', async () => {
    const a = join(dir, 'stick', 'a.khx');
    const b = join(dir, 'stick', 'b.khx');
    writeFileSync(a, 'aa');
    writeFileSync(b, 'bbb');
    const { files, shown } = service([[a, b], null]);
    const chosen = await files.chooseOpenMany({ kinds: ['khx'] }, window);
    expect(chosen.files.map((f) => [f.fileName, f.size])).toEqual([['a.khx', 2], ['b.khx', 3]]);
    expect((shown[0]!.options as OpenDialogOptions).properties).toContain('multiSelections');
    expect(await files.read({ token: chosen.files[1]!.token })).toEqual({ fileName: 'b.khx', base64: Buffer.from('bbb').toString('base64') });
    expect(await files.chooseOpenMany({ kinds: ['khx'] }, window)).toEqual({ files: [] });
  });
});

describe('backups through the file channels', () => {
  it('"Sao lưu ra USB" saves the whole data as a .khbak, which opens and reads back for a restore', async () => {
    const out = join(dir, 'usb', 'sao-luu.khbak');
    mkdirSync(join(dir, 'usb'));
    const { files, shown } = service([out, out]);
    const saved = await files.chooseSave({ source: { kind: 'backup.khbak' } }, window);
    expect(saved).toEqual({ saved: true, fileName: 'sao-luu.khbak' });
    expect((shown[0]!.options as SaveDialogOptions).defaultPath).toMatch(/kehoach-sao-luu-.*\.khbak$/);
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain('manifest.json');
    const opened = await files.chooseOpen({ kinds: ['khbak'] }, window);
    if (!opened.opened) throw new Error('not opened');
    const read = await files.read({ token: opened.token });
    const staged = await backend.invoke('backup.stageFile', { base64: read.base64 });
    expect(staged).toMatchObject({ ok: true, data: { staged: true, preview: { counts: { plans: 1 }, refusal: null } } });
  });

  it('a .khbak may be larger than other files (up to 256 MB), others stay within 32 MB', async () => {
    const big = join(dir, 'lon.khbak');
    writeFileSync(big, Buffer.alloc(40 * 1024 * 1024));
    const bigJson = join(dir, 'lon.json');
    writeFileSync(bigJson, Buffer.alloc(40 * 1024 * 1024));
    const { files } = service([big, bigJson]);
    expect(await files.chooseOpen({ kinds: ['khbak'] }, window)).toMatchObject({ opened: true, size: 40 * 1024 * 1024 });
    await expect(files.chooseOpen({ kinds: ['json'] }, window)).rejects.toThrow(/lớn quá 32 MB/);
  });
});

describe('native dialogs', () => {
  it('shows one dialog per window at a time', async () => {
    let release: (v: { canceled: boolean; filePath: string }) => void = () => {};
    let calls = 0;
    const api = {
      showSaveDialog: () => (calls++, new Promise((r) => (release = r))),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    } as unknown as DialogApi;
    const dialogs = createNativeDialogs(api, () => '/home/u');
    const first = dialogs.chooseSavePath(window, 'a.docx', 'docx');
    expect(await dialogs.chooseSavePath(window, 'b.docx', 'docx')).toBeNull(); // the second asks nothing
    expect(calls).toBe(1);
    release({ canceled: false, filePath: '/home/u/a.docx' });
    expect(await first).toBe('/home/u/a.docx');
  });

  it('keeps a typed extension of the kind and adds it otherwise; macOS names come back composed', async () => {
    expect(withExtension('/x/Báo cáo.DOCX', 'docx')).toBe('/x/Báo cáo.DOCX');
    expect(withExtension('/x/ke.hoach', 'pdf')).toBe('/x/ke.hoach.pdf');
    const decomposed = '/Users/u/Kế hoạch.pdf'.normalize('NFD');
    const dialogs = createNativeDialogs(fakeDialog([decomposed]).api, () => '/Users/u', 'darwin');
    expect(await dialogs.chooseSavePath(null, 'x.pdf', 'pdf')).toBe('/Users/u/Kế hoạch.pdf'.normalize('NFC'));
  });
});

describe('removable drives', () => {
  it('packages, key cards and .khbak files open and save on a mounted stick first; other files where the user was', async () => {
    const roots = join(dir, 'run-media');
    mkdirSync(join(roots, 'USB 8GB'), { recursive: true });
    writeFileSync(join(roots, 'not-a-drive'), '');
    const drives = removableDrives([roots, join(dir, 'absent')]);
    expect(drives).toEqual([join(roots, 'USB 8GB')]);
    expect(mountRoots('linux', 'van')).toEqual(['/run/media/van', '/media/van']);
    expect(mountRoots('win32', 'van')).toEqual([]);
    const fake = fakeDialog([join(dir, 'Documents', 'a.docx'), null, null, null]);
    const dialogs = createNativeDialogs(fake.api, () => join(dir, 'Documents'), 'linux', () => drives);
    await dialogs.chooseSavePath(null, 'a.docx', 'docx');
    await dialogs.chooseSavePath(null, 'goi.khx', 'khx');
    await dialogs.chooseOpenPaths(null, ['khx']);
    await dialogs.chooseOpenPath(null, ['docx']);
    expect(fake.shown.map((s) => s.options.defaultPath)).toEqual([
      join(dir, 'Documents', 'a.docx'),
      join(roots, 'USB 8GB', 'goi.khx'),
      join(roots, 'USB 8GB'),
      join(dir, 'Documents'),
    ]);
  });
});

describe('path tokens', () => {
  it('are single use and expire', () => {
    let now = 0;
    const tokens = createPathTokens(1000, () => now);
    const a = tokens.issue('/a');
    const b = tokens.issue('/b');
    expect(tokens.take(a)).toBe('/a');
    expect(tokens.take(a)).toBeNull();
    now = 1000;
    expect(tokens.take(b)).toBeNull();
    expect(tokens.take('made-up')).toBeNull();
  });
});

describe('printing to PDF in a hidden window', () => {
  function standIn(readyAfter: number) {
    const state = { polls: 0, destroyed: false, route: '', options: undefined as unknown };
    const open = async (route: string): Promise<PrintWindow> => {
      state.route = route;
      return {
        webContents: {
          executeJavaScript: async (code: string) => (expect(code).toContain('printReady'), ++state.polls > readyAfter ? '3' : ''),
          printToPDF: async (options: unknown) => ((state.options = options), PDF_BYTES),
        } as unknown as PrintWindow['webContents'],
        destroy: () => (state.destroyed = true),
      };
    };
    return { open, state };
  }

  it('waits for the print route to be ready, prints A4 with the page boxes\' own margins, and closes the window', async () => {
    const { open, state } = standIn(2);
    const bytes = await printRouteToPdf(open, plan.id, { pollMs: 1 });
    expect(Buffer.from(bytes).equals(PDF_BYTES)).toBe(true);
    expect(state.route).toBe(`/print/${plan.id}`);
    expect(state.polls).toBe(3);
    expect(state.options).toEqual(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    expect(state.destroyed).toBe(true);
  });

  it('gives up after the timeout and still closes the window', async () => {
    const { open, state } = standIn(Infinity);
    await expect(printRouteToPdf(open, plan.id, { timeoutMs: 30, pollMs: 5 })).rejects.toThrow(/chưa sẵn sàng/);
    expect(state.destroyed).toBe(true);
  });

  it('the print window has the app window\'s security settings and keeps rendering while hidden', () => {
    let app: Record<string, unknown> = {};
    let print: Record<string, unknown> = {};
    class Capture {
      constructor(o: Record<string, unknown>) {
        if (o['skipTaskbar']) print = o;
        else app = o;
      }
    }
    createSecureWindow(Capture as never, '/p.cjs');
    createSecureWindow(Capture as never, '/p.cjs', 'print');
    const { backgroundThrottling, ...printPrefs } = print['webPreferences'] as Record<string, unknown>;
    expect(printPrefs).toEqual(app['webPreferences']);
    expect(backgroundThrottling).toBe(false);
    expect(print['show']).toBe(false);
  });
});

describe('routing the file channels', () => {
  const appRoot = 'file:///opt/KeHoach/resources/app.asar/out/renderer/';
  const fromApp = { senderFrame: { url: `${appRoot}index.html`, parent: null } };

  it('main answers them itself from the app page, with the validated input, never the backend', async () => {
    const relayed: string[] = [];
    const relay = async (channel: string) => (relayed.push(channel), { ok: true as const, data: {} as never });
    const { files } = service([join(dir, 'routed.docx')]);
    const handler = answerFileChannels(files, () => window);
    const saved = await handleInvoke(fromApp, 'file.chooseSave', { source: { kind: 'plan.docx', id: plan.id } }, relay as never, appRoot, undefined, handler);
    expect(saved).toEqual({ ok: true, data: { saved: true, fileName: 'routed.docx' } });
    expect(relayed).toEqual([]);
    const bad = await handleInvoke(fromApp, 'file.chooseSave', { source: { kind: 'plan.docx', id: plan.id }, path: '/etc/passwd' }, relay as never, appRoot, undefined, handler);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const foreign = await handleInvoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'file.chooseOpen', { kinds: ['json'] }, relay as never, appRoot, undefined, handler);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a failure reaches the page as the contract error', async () => {
    const { files } = service([join(dir, 'gone', 'x.pdf')]);
    const result = await answerFileChannels(files, () => null)('file.chooseSave', { source: { kind: 'plan.pdf', id: plan.id } }, fromApp);
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/^Không lưu được tệp/) } });
  });

  it('the backend refuses them (they never reach it)', async () => {
    expect(await backend.invoke('file.read', { token: 'x' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('the task table and evidence files', () => {
  it('saves the task table as .xlsx with a row per task and its status on the day, Vietnamese headers', async () => {
    const issued = await backend.invoke('plan.issue', { id: plan.id });
    if (!issued.ok) throw new Error(issued.error.message);
    const out = join(dir, 'chosen-xlsx', 'nhiem-vu');
    mkdirSync(join(dir, 'chosen-xlsx'));
    const { files, shown } = service([out]);
    const result = await files.chooseSave({ source: { kind: 'tasks.xlsx', filter: { on: '2025-02-01', search: '' } } }, window);
    expect(result).toEqual({ saved: true, fileName: 'nhiem-vu.xlsx' });
    expect(shown[0]!.options).toMatchObject({ defaultPath: expect.stringMatching(/nhiem-vu-2025-02-01\.xlsx$/) });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${out}.xlsx`) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell(1, 1).value).toBe('Tình trạng thực hiện nhiệm vụ tính đến ngày 01/02/2025');
    expect(ws.getRow(2).getCell(4).value).toBe('Đơn vị chủ trì');
    expect(ws.rowCount).toBe(2 + 22);
    const statuses = Array.from({ length: 22 }, (_, i) => String(ws.getRow(3 + i).getCell(9).value));
    expect(statuses).toContain('Quá hạn');
    const unitRow = Array.from({ length: 22 }, (_, i) => ws.getRow(3 + i)).find((r) => r.getCell(8).value === '10/01/2025')!;
    expect([unitRow.getCell(7).value, unitRow.getCell(9).value]).toEqual(['10/01/2025', 'Quá hạn']);
  });

  it('opens an evidence file with the system viewer: a copy under its name and the extension its content calls for', async () => {
    const list = await backend.invoke('task.list', { limit: 1 });
    if (!list.ok) throw new Error(list.error.message);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 1)]);
    const report = await backend.invoke('task.addReport', {
      taskId: list.data.items[0]!.id,
      date: '2024-11-01',
      text: 'Ảnh hội nghị.',
      files: [{ name: 'hoi-nghi.txt', base64: png.toString('base64') }],
    });
    if (!report.ok) throw new Error(report.error.message);
    const opened: string[] = [];
    const files = createFileService({
      invoke: (channel, input) => backend.invoke(channel, input),
      dialogs: createNativeDialogs(fakeDialog([]).api, () => dir),
      printPdf: async () => PDF_BYTES,
      tokens: createPathTokens(),
      evidence: { tempDir: join(dir, 'tmp'), openPath: async (p) => (opened.push(p), '') },
    });
    const result = await files.openEvidence({ sha256: report.data.files[0]!.sha256 });
    expect(result).toEqual({ opened: true, fileName: 'hoi-nghi.txt.png' });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.endsWith('hoi-nghi.txt.png')).toBe(true);
    expect(readFileSync(opened[0]!).equals(png)).toBe(true);

    const failing = createFileService({
      invoke: (channel, input) => backend.invoke(channel, input),
      dialogs: createNativeDialogs(fakeDialog([]).api, () => dir),
      printPdf: async () => PDF_BYTES,
      tokens: createPathTokens(),
      evidence: { tempDir: join(dir, 'tmp'), openPath: async () => 'No application' },
    });
    const answer = answerFileChannels(failing, () => null);
    const err = await answer('file.openEvidence', { sha256: report.data.files[0]!.sha256 }, {} as never);
    expect(err).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/^Không mở được tệp minh chứng «hoi-nghi\.txt\.png»/) } });
    const missing = await answer('file.openEvidence', { sha256: 'a'.repeat(64) }, {} as never);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
