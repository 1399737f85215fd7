/**
 * Progress reports with evidence files: stored content-addressed in the data folder (<data>/evidence/ab/<sha256>),
 * the same bytes once, typed by their content; a file over 25 MB or of another type is refused with the field named
 * and nothing written; backups carry the files; a file staged before a crash is put in place at the next start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { sniffEvidence } from '../../electron/backend/tasks/evidence-store';
import { call, callError, cleanup, openBackend, tempDir } from './helpers';
import { issuedSeed } from './fixtures/tasks';

afterEach(cleanup);

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder of the data folder (relative paths). */
function filesUnder(dataDir: string, folder: string): string[] {
  const root = join(dataDir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

async function firstTask(backend: Backend): Promise<string> {
  await issuedSeed(backend);
  return (await call(backend, 'task.list', { limit: 1 })).items[0]!.id;
}

describe('evidence files', () => {
  it('are stored once by SHA-256 under evidence/ab/, with their names per report, and read back', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const taskId = await firstTask(backend);
    const first = await call(backend, 'task.addReport', {
      taskId,
      date: '2024-11-01',
      text: 'Đã ban hành hướng dẫn.',
      percent: 30,
      files: [
        { name: 'huong-dan.pdf', base64: b64(PDF) },
        { name: 'anh-hop.png', base64: b64(PNG) },
      ],
    });
    expect(first.files).toEqual([
      { sha256: sha(PDF), name: 'huong-dan.pdf', size: PDF.length, mediaType: 'application/pdf' },
      { sha256: sha(PNG), name: 'anh-hop.png', size: PNG.length, mediaType: 'image/png' },
    ]);
    await call(backend, 'task.addReport', { taskId, date: '2024-11-02', text: 'Gửi lại.', files: [{ name: 'ban-sao.pdf', base64: b64(PDF) }] });
    expect(filesUnder(dataDir, 'evidence')).toEqual([`${sha(PDF).slice(0, 2)}/${sha(PDF)}`, `${sha(PNG).slice(0, 2)}/${sha(PNG)}`].sort());
    expect(filesUnder(dataDir, '.evidence-staging')).toEqual([]);
    const back = await call(backend, 'task.evidence', { sha256: sha(PDF) });
    expect([back.mediaType, Buffer.from(back.base64, 'base64').equals(PDF)]).toEqual(['application/pdf', true]);
    const reports = (await call(backend, 'task.get', { id: taskId })).reports;
    expect(reports.map((r) => r.files.map((f) => f.name))).toEqual([['ban-sao.pdf'], ['huong-dan.pdf', 'anh-hop.png']]);

    // A backup holds them.
    const { name } = await call(backend, 'backup.create', {});
    expect((await call(backend, 'backup.inspect', { name })).files).toBe(2);
  });

  it('are typed by content, not by name: docx/xlsx by their parts, text by its bytes; others refused naming the field', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(sniffEvidence(docx)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffEvidence(xlsx)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffEvidence(zipSync({ 'a.exe': strToU8('MZ') }))).toBeNull();
    expect(sniffEvidence(Buffer.from('Báo cáo tiến độ\r\n\tđợt 1', 'utf8'))).toBe('text/plain');
    expect(sniffEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffEvidence(Buffer.from('MZ\x90\x00\x03', 'latin1'))).toBeNull();

    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const taskId = await firstTask(backend);
    const renamed = await call(backend, 'task.addReport', { taskId, date: '2024-11-01', text: 'Ảnh.', files: [{ name: 'anh.txt', base64: b64(PNG) }] });
    expect(renamed.files[0]!.mediaType).toBe('image/png');
    const exe = await callError(backend, 'task.addReport', {
      taskId,
      date: '2024-11-01',
      text: 'Tệp lạ.',
      files: [
        { name: 'ok.pdf', base64: b64(PDF) },
        { name: 'bao-cao.pdf', base64: b64(Buffer.from('MZ\x90\x00\x03\x00', 'latin1')) },
      ],
    });
    expect(exe).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['files', 1] }] });
    expect(exe.message).toMatch(/^Tệp minh chứng «bao-cao\.pdf» \(trường files\.1\) không phải loại được nhận/);
    expect((await call(backend, 'task.get', { id: taskId })).reports).toHaveLength(1);
    expect(filesUnder(dataDir, 'evidence')).toHaveLength(1);
  });

  it('over 25 MB is refused with a Vietnamese message naming the field, and nothing is written', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const taskId = await firstTask(backend);
    const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x41);
    PDF.copy(big);
    const err = await callError(backend, 'task.addReport', { taskId, date: '2024-11-01', text: 'Hồ sơ.', files: [{ name: 'ho-so.pdf', base64: b64(big) }] });
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['files', 0], message: 'Tệp lớn hơn 25 MB' }] });
    expect(err.message).toBe('Tệp minh chứng «ho-so.pdf» (trường files.0) nặng 25,0 MB, quá giới hạn 25 MB.');
    expect((await call(backend, 'task.get', { id: taskId })).reports).toEqual([]);
    expect(filesUnder(dataDir, 'evidence')).toEqual([]);
    expect(filesUnder(dataDir, '.evidence-staging')).toEqual([]);
  });

  it('a report on a cancelled task, or dated before the plan, is refused naming its field, and its file is not stored', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir);
    const taskId = await firstTask(backend);
    const files = [{ name: 'bien-ban.pdf', base64: b64(PDF) }];
    // Seed 01 is dated 15/10/2024.
    const early = await callError(backend, 'task.addReport', { taskId, date: '2024-10-14', text: 'Đã họp.', files });
    expect(early).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['date'] }] });
    expect(early.message).toBe('Ngày báo cáo (14/10/2024) trước ngày của kế hoạch (15/10/2024).');

    await call(backend, 'task.setState', { taskId, action: 'cancel', date: '2024-11-01', reason: 'Không thực hiện nữa' });
    const cancelled = await callError(backend, 'task.addReport', { taskId, date: '2024-11-02', text: 'Đã họp.', files });
    expect(cancelled).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['taskId'], message: 'Nhiệm vụ đã hủy' }] });
    expect(cancelled.message).toMatch(/^Nhiệm vụ đã hủy nên không nhận báo cáo tiến độ nữa/);
    expect((await call(backend, 'task.get', { id: taskId })).reports).toEqual([]);
    expect(filesUnder(dataDir, 'evidence')).toEqual([]);
    expect(filesUnder(dataDir, '.evidence-staging')).toEqual([]);
  });

  it('staged before a crash: put in place at the next start when its report was stored', async () => {
    const dataDir = tempDir();
    let backend = openBackend(dataDir);
    const taskId = await firstTask(backend);
    await call(backend, 'task.addReport', { taskId, date: '2024-11-01', text: 'Biên bản.', files: [{ name: 'bb.pdf', base64: b64(PDF) }] });
    backend.close();
    // The crash came after the commit, before the move: the file is still in the staging folder.
    const target = join(dataDir, 'evidence', sha(PDF).slice(0, 2), sha(PDF));
    mkdirSync(join(dataDir, '.evidence-staging'), { recursive: true });
    renameSync(target, join(dataDir, '.evidence-staging', `${sha(PDF)}.abc123`));
    // A file staged for a report that never committed goes.
    writeFileSync(join(dataDir, '.evidence-staging', `${sha(PNG)}.def456`), PNG);
    backend = openBackend(dataDir);
    expect(existsSync(target)).toBe(true);
    expect(filesUnder(dataDir, '.evidence-staging')).toEqual([]);
    expect(Buffer.from((await call(backend, 'task.evidence', { sha256: sha(PDF) })).base64, 'base64').equals(PDF)).toBe(true);
  });
});
