/**
 * plan.recognise and plan.import through the real backend: a .docx made by our writer is read back and created as
 * an issued plan with its number, date and status, entered in the number register when it is ours; a duplicate number
 * is refused by name; another office's plan is kept out of the register; every bad input gets its Vietnamese message
 * and nothing is written (no plan, no backup).
 */
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPlanDocx } from '../../electron/backend/docx';
import { PlanContent, type SelfProfile } from '../../shared/model';
import { seedContent } from './fixtures/plans';
import { profile } from './fixtures/profile';
import { call, callError, cleanup, openBackend } from './helpers';

afterAll(cleanup);

const tamDuong: SelfProfile = { ...profile, issuer: { higherLines: ['ĐẢNG BỘ TỈNH LAI CHÂU'], name: 'HUYỆN ỦY TAM ĐƯỜNG', symbol: 'HU' }, place: 'Tam Đường', term: '2020-2025' };
const seedDocx = async () => {
  const content = PlanContent.parse(seedContent());
  return { fileName: 'ke-hoach-315.docx', base64: Buffer.from(await renderPlanDocx(content, content.profile ?? (await import('../../shared/model')).defaultFormatProfile())).toString('base64') };
};

describe('plan.recognise and plan.import', () => {
  it('reads the .docx, proposes an issued plan of ours, creates it with reason import, registers its number', async () => {
    const backend = openBackend();
    await call(backend, 'org.saveSelf', tamDuong);
    const file = await seedDocx();
    const read = await call(backend, 'plan.recognise', { source: { kind: 'file', ...file } });
    expect(read.plan.header.number).toBe('315');
    expect(read.proposedStatus).toBe('issued');
    expect(read.register).toEqual({ kind: 'register', number: 'Số 315-KH/HU', term: '2020-2025', heldBy: null });
    expect(read.paragraphs.some((p) => p.role === 'title')).toBe(true);

    const made = await call(backend, 'plan.import', { content: read.plan, status: 'issued', source: { kind: 'docx', name: file.fileName } });
    expect(made.plan).toMatchObject({ status: 'issued', header: { number: '315', date: { day: '15', month: '10', year: '2024' } }, term: '2020-2025' });
    expect(made.register.kind).toBe('register');
    expect(made.backup).toMatch(/before-import/u);
    expect((await call(backend, 'backup.list', {})).items.map((b) => b.kind)).toEqual(['before-import']);
    const history = await call(backend, 'plan.revisions', { id: made.plan.id });
    expect(history.items.map((r) => [r.reason, r.status])).toEqual([['import', 'issued']]);
    const book = await call(backend, 'register.list', {});
    expect(book.entries.map((e) => [e.number, e.term, e.plan?.id])).toEqual([['315', '2020-2025', made.plan.id]]);
    // The issued plan's tasks are tracked like any issued plan's.
    expect((await call(backend, 'task.list', { planId: made.plan.id })).total).toBeGreaterThan(0);

    // The same number again: the review says so, and creating is refused in Vietnamese, nothing written.
    const again = await call(backend, 'plan.recognise', { source: { kind: 'file', ...file } });
    expect(again.register).toMatchObject({ kind: 'taken', number: 'Số 315-KH/HU', heldBy: made.plan.trichYeu });
    const refused = await callError(backend, 'plan.import', { content: again.plan, status: 'issued', source: { kind: 'docx', name: file.fileName } });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^Số 315-KH\/HU đã có trong sổ văn bản đi nhiệm kỳ 2020-2025 \(kế hoạch ".+"\): không nhập trùng số\..*Không có gì được ghi\.$/u);
    expect((await call(backend, 'plan.list', {})).total).toBe(1);
    expect((await call(backend, 'backup.list', {})).items).toHaveLength(1);

    // As a draft it goes in (the number stays as typed, not registered).
    const draft = await call(backend, 'plan.import', { content: again.plan, status: 'draft', source: { kind: 'docx', name: file.fileName } });
    expect(draft.plan.status).toBe('draft');
    expect(draft.register.kind).toBe('draft');
    expect((await call(backend, 'register.list', {})).entries).toHaveLength(1);
  });

  it('keeps another office\'s issued plan as it is, out of the register', async () => {
    const backend = openBackend();
    await call(backend, 'org.saveSelf', profile);
    const read = await call(backend, 'plan.recognise', { source: { kind: 'file', ...(await seedDocx()) } });
    expect(read.register.kind).toBe('not-ours');
    const made = await call(backend, 'plan.import', { content: read.plan, status: 'issued', source: { kind: 'docx', name: 'x.docx' } });
    expect(made.plan).toMatchObject({ status: 'issued', header: { number: '315' } });
    expect(made.register.kind).toBe('not-ours');
    expect((await call(backend, 'register.list', {})).entries).toEqual([]);
  });

  it('an issued plan of ours dated outside the office term is not registered (its book is not known)', async () => {
    const backend = openBackend();
    await call(backend, 'org.saveSelf', { ...tamDuong, term: '2025-2030' });
    const read = await call(backend, 'plan.recognise', { source: { kind: 'file', ...(await seedDocx()) } });
    expect(read.register.kind).toBe('unknown-term');
  });

  it('an issued plan without a number is refused', async () => {
    const backend = openBackend();
    const read = await call(backend, 'plan.recognise', { source: { kind: 'file', ...(await seedDocx()) } });
    const content = { ...read.plan, header: { ...read.plan.header, number: '' } };
    const error = await callError(backend, 'plan.import', { content, status: 'issued', source: { kind: 'docx', name: 'a.docx' } });
    expect(error.message).toMatch(/chưa có số/u);
    expect((await call(backend, 'plan.list', {})).total).toBe(0);
  });

  it('an issued plan with an impossible date is refused as issued, naming the field, and writes nothing; as a draft it is kept', async () => {
    const backend = openBackend();
    const read = await call(backend, 'plan.recognise', { source: { kind: 'file', ...(await seedDocx()) } });
    const content = { ...read.plan, header: { ...read.plan.header, date: { day: '31', month: '2', year: '2024' } } };
    const error = await callError(backend, 'plan.import', { content, status: 'issued', source: { kind: 'docx', name: 'a.docx' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/nhập làm bản nháp\. Không có gì được ghi\.$/u);
    expect(error.issues?.some((i) => i.path.join('.').startsWith('content.header.date'))).toBe(true);
    expect((await call(backend, 'plan.list', {})).total).toBe(0);
    expect((await call(backend, 'backup.list', {})).items).toHaveLength(0);
    const draft = await call(backend, 'plan.import', { content, status: 'draft', source: { kind: 'docx', name: 'a.docx' } });
    expect(draft.plan.status).toBe('draft');
  });

  it('a pasted text in a TCVN3 font: converted by default, kept as pasted when the clerk says no', async () => {
    const backend = openBackend();
    const text = ['HUYỆN ỦY TAM ĐƯỜNG', '*', 'Số 12-KH/HU', 'Tam Đường, ngày 10 tháng 3 năm 2025', 'KẾ HOẠCH', 'tuyªn truyÒn kû niÖm ngµy thµnh lËp §¶ng', 'I. MỤC ĐÍCH, YÊU CẦU', 'Tuyên truyền sâu rộng.', 'Nơi nhận:', '- Lưu.', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Tần Thị Quế'].join('\n');
    const converted = await call(backend, 'plan.recognise', { source: { kind: 'text', text } });
    expect(converted.legacy).toMatchObject({ encoding: 'tcvn3', name: 'TCVN3 (ABC, .VnTime)' });
    expect(converted.plan.trichYeu).toBe('tuyên truyền kỷ niệm ngày thành lập Đảng');
    const kept = await call(backend, 'plan.recognise', { source: { kind: 'text', text }, legacy: 'keep' });
    expect(kept.plan.trichYeu).toBe('tuyªn truyÒn kû niÖm ngµy thµnh lËp §¶ng');
  });

  it('a role changed by hand is recognised again with it', async () => {
    const backend = openBackend();
    const file = await seedDocx();
    const first = await call(backend, 'plan.recognise', { source: { kind: 'file', ...file } });
    const index = first.paragraphs.findIndex((p) => p.role === 'paragraph');
    const again = await call(backend, 'plan.recognise', { source: { kind: 'file', ...file }, overrides: [{ index, role: 'boilerplate' }] });
    expect(again.paragraphs[index]).toMatchObject({ role: 'boilerplate', overridden: true });
    expect(again.dropped).toContain(first.paragraphs[index]!.text);
  });
});

describe('bad input: a clear Vietnamese message, nothing written', () => {
  const ole = (extra: Buffer) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra, Buffer.alloc(1024)]);
  const cases: Array<[string, { kind: 'file'; fileName: string; base64: string } | { kind: 'text'; text: string }, RegExp]> = [
    ['a password-protected .docx', { kind: 'file', fileName: 'mat-khau.docx', base64: ole(Buffer.from('EncryptedInfo\0EncryptedPackage', 'utf16le')).toString('base64') }, /được đặt mật khẩu/u],
    ['an old binary .doc', { kind: 'file', fileName: 'cu.doc', base64: ole(Buffer.from('WordDocument', 'utf16le')).toString('base64') }, /tệp Word cũ \(\.doc\)/u],
    ['the empty text of an image-only PDF', { kind: 'text', text: '\n\n\f\n  \n' }, /không có chữ nào/u],
    ['a zip that is not a .docx', { kind: 'file', fileName: 'nen.docx', base64: Buffer.from(zipSync({ 'a.txt': new TextEncoder().encode('xin chào') })).toString('base64') }, /không phải văn bản Word/u],
    ['a 50 MB file', { kind: 'file', fileName: 'lon.docx', base64: Buffer.alloc(50 * 1024 * 1024, 0x41).toString('base64') }, /quá lớn/u],
  ];
  const backend = openBackend();
  it.each(cases)('%s', async (_what, source, message) => {
    const error = await callError(backend, 'plan.recognise', { source });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Không có gì được ghi\.$/u);
    expect((await call(backend, 'plan.list', {})).total).toBe(0);
    expect((await call(backend, 'backup.list', {})).items).toEqual([]);
  });
});
