/**
 * Signed packages between offices through the backend's channels: identity and key cards, the trust list, export,
 * inspect and import with owner-writes, conflicts kept, idempotence, the incoming register, secrecy rules.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { call, callError, cleanup, openBackend, tempDir } from '../helpers';
import { communeProfile, draft, edit, enrol, exportFrom, officeOnTwoComputers, provinceProfile } from './helpers';

afterEach(cleanup);

describe('office identity', () => {
  it('is made at the first open: an Ed25519 key in a 0600 file, never in the database; the same at the next open', async () => {
    const dir = tempDir();
    const backend = openBackend(dir);
    const id = await call(backend, 'exchange.identity', {});
    expect(id.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/u);
    expect(id.profileMissing).toBe(true);
    const keyFile = join(dir, 'identity', 'office-key.json');
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const privateKey = (JSON.parse(readFileSync(keyFile, 'utf8')) as { privateKey: string }).privateKey;
    backend.close();
    const raw = new Database(join(dir, 'kehoach.sqlite'), { readonly: true });
    const officeId = raw.prepare("SELECT value FROM settings WHERE key = 'office.id'").pluck().get() as string;
    const dump = raw.prepare("SELECT group_concat(value, '|') FROM settings").pluck().get() as string;
    raw.close();
    expect(JSON.parse(officeId)).toBe(id.officeId);
    expect(dump).not.toContain(privateKey.slice(20, 60));
    const again = openBackend(dir);
    expect(await call(again, 'exchange.identity', {})).toEqual(id);
  });

  it('key cards enrol many at once; a signed replacement is taken, an unsigned change needs the clerk, a revoked key stops imports', async () => {
    const province = openBackend();
    const [a, b] = [openBackend(), openBackend()];
    await call(a, 'org.saveSelf', communeProfile);
    const cards = [await call(a, 'exchange.exportKeyCard', {}), await call(b, 'exchange.exportKeyCard', {}), { fileName: 'x.khkey', base64: Buffer.from('{"format":1}').toString('base64') }];
    const first = await call(province, 'exchange.enrolKeyCards', { files: cards });
    expect(first.map((c) => [c.verdict, c.enrolled])).toEqual([['new', true], ['new', true], [null, false]]);
    expect(first[2]!.error).toMatch(/không phải thẻ khóa/u);
    expect((await call(province, 'exchange.trustList', {})).map((o) => o.name).sort()).toEqual(['', communeProfile.issuer.name]);

    // A replaced key: the new card carries the old key's signature.
    const before = await call(a, 'exchange.identity', {});
    const after = await call(a, 'exchange.replaceKey', {});
    expect(after.fingerprint).not.toBe(before.fingerprint);
    const replaced = await call(province, 'exchange.checkKeyCards', { files: [await call(a, 'exchange.exportKeyCard', {})] });
    expect(replaced[0]!.verdict).toBe('replaced');

    // A card tampered with is refused.
    const card = JSON.parse(Buffer.from((await call(b, 'exchange.exportKeyCard', {})).base64, 'base64').toString()) as Record<string, unknown>;
    const tampered = [{ fileName: 't.khkey', base64: Buffer.from(JSON.stringify({ ...card, name: 'Kẻ mạo danh' })).toString('base64') }];
    expect((await call(province, 'exchange.checkKeyCards', { files: tampered }))[0]!.error).toMatch(/bị sửa sau khi ký/u);

    // b's data folder is remade (a new key, same id claimed without the old key's signature): changed, only on confirmation.
    const b2Dir = tempDir();
    const b2 = openBackend(b2Dir);
    const bId = (await call(b, 'exchange.identity', {})).officeId;
    b2.close();
    const keyPath = join(b2Dir, 'identity', 'office-key.json');
    const key = JSON.parse(readFileSync(keyPath, 'utf8')) as Record<string, unknown>;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(keyPath, JSON.stringify({ ...key, officeId: bId }));
    const b2Again = openBackend(b2Dir);
    const changedCard = await call(b2Again, 'exchange.exportKeyCard', {});
    const unconfirmed = await call(province, 'exchange.enrolKeyCards', { files: [changedCard] });
    expect(unconfirmed[0]).toMatchObject({ verdict: 'changed', enrolled: false });
    const confirmed = await call(province, 'exchange.enrolKeyCards', { files: [changedCard], confirmChanged: [bId] });
    expect(confirmed[0]).toMatchObject({ verdict: 'changed', enrolled: true });

    // Revoked: a package from that office is refused.
    await call(province, 'exchange.revokeKey', { officeId: bId });
    await draft(b2Again);
    const refused = await callError(province, 'exchange.import', { base64: await exportFrom(b2Again), trust: true });
    expect(refused.message).toMatch(/đã bị thu hồi/u);
  });
});

describe('packages', () => {
  it('a commune plan reaches the province: unknown sender needs confirmation, then mới; read-only there; again: already imported', async () => {
    const commune = openBackend();
    const province = openBackend();
    await call(commune, 'org.saveSelf', communeProfile);
    await call(province, 'org.saveSelf', provinceProfile);
    const plan = await draft(commune);
    const pkg = await exportFrom(commune);

    const seen = await call(province, 'exchange.inspect', { base64: pkg });
    if (!seen.opened) throw new Error('not opened');
    expect(seen.inspection.standing).toBe('unknown');
    expect(seen.inspection.standingMessage).toContain((await call(commune, 'exchange.identity', {})).fingerprint);
    expect(seen.inspection.records.map((r) => r.verdict)).toEqual(['new']);

    const untrusted = await callError(province, 'exchange.import', { base64: pkg });
    expect(untrusted.message).toMatch(/CHƯA có trong danh sách khóa tin cậy/u);
    expect((await call(province, 'plan.list', {})).total).toBe(0);

    const done = await call(province, 'exchange.import', { base64: pkg, trust: true });
    if (!done.opened) throw new Error('not opened');
    expect(done.message).toMatch(/1 mới/u);
    const received = await call(province, 'plan.get', { id: plan.id });
    expect(received.origin).toMatchObject({ name: communeProfile.issuer.name, version: plan.revision, conflictOf: null });
    expect((await call(province, 'plan.list', {})).items[0]!.owner?.name).toBe(communeProfile.issuer.name);
    expect((await call(province, 'exchange.trustList', {}))[0]!.name).toBe(communeProfile.issuer.name);
    const readOnly = await callError(province, 'plan.save', { ...received, trichYeu: 'Sửa', baseRevision: received.revision });
    expect(readOnly.message).toMatch(/chỉ để xem/u);
    expect(await call(province, 'exchange.incoming', {})).toMatchObject([{ kind: 'new', planId: plan.id, fromName: communeProfile.issuer.name }]);

    const again = await call(province, 'exchange.import', { base64: pkg });
    if (!again.opened) throw new Error('not opened');
    expect(again.alreadyImported).toBe(true);
    expect(again.message).toMatch(/^Gói này đã được nhập ngày \d\d\/\d\d\/\d{4}/u);
    expect((await call(province, 'exchange.log', {})).map((l) => l.direction)).toEqual(['in']);
    expect((await call(commune, 'exchange.log', {})).map((l) => l.direction)).toEqual(['out']);

    // A newer version from its owner replaces the copy; the previous revision stays in the history.
    const edited = await edit(commune, plan, (c) => ({ ...c, trichYeu: 'Tổ chức đại hội điểm (bổ sung)' }));
    const update = await call(province, 'exchange.import', { base64: await exportFrom(commune) });
    if (!update.opened) throw new Error('not opened');
    expect(update.inspection.records.map((r) => r.verdict)).toEqual(['update']);
    const updated = await call(province, 'plan.get', { id: plan.id });
    expect(updated.trichYeu).toBe('Tổ chức đại hội điểm (bổ sung)');
    expect(updated.origin?.version).toBe(edited.revision);
    const history = await call(province, 'plan.revisions', { id: plan.id });
    expect(history.items.map((r) => r.reason)).toEqual(['import', 'import']);

    // The province's own plans never change by a package: the commune's package of them back is refused or trùng.
    const own = await draft(province, { issuer: provinceProfile.issuer });
    const back = await call(province, 'exchange.inspect', { base64: await exportFrom(province, { planIds: [own.id] }) });
    if (!back.opened) throw new Error('not opened');
    expect(back.inspection.standing).toBe('self');
    expect(back.inspection.records.map((r) => r.verdict)).toEqual(['same']);
  });

  it('the same plan changed in two installations of one office: the second becomes a conflict copy beside the first', async () => {
    const { province, first: a1, second: a2, plans: plan } = await officeOnTwoComputers((a) => draft(a));
    await edit(a1, await call(a1, 'plan.get', { id: plan.id }), (c) => ({ ...c, trichYeu: 'Bản máy 1' }));
    await edit(a2, await call(a2, 'plan.get', { id: plan.id }), (c) => ({ ...c, trichYeu: 'Bản máy 2' }));
    await call(province, 'exchange.import', { base64: await exportFrom(a1) });
    const second = await call(province, 'exchange.import', { base64: await exportFrom(a2) });
    if (!second.opened) throw new Error('not opened');
    expect(second.inspection.records.map((r) => r.verdict)).toEqual(['conflict']);
    const list = await call(province, 'plan.list', {});
    expect(list.items.map((i) => [i.trichYeu, i.owner?.conflictOf ?? null]).sort()).toEqual([
      ['Bản máy 1', null],
      ['Bản máy 2', plan.id],
    ]);
  });

  it('a package addressed to another office is refused; one from an unknown office is read but says so', async () => {
    const [a, b, c] = [openBackend(), openBackend(), openBackend()];
    await call(a, 'org.saveSelf', communeProfile);
    await enrol(a, b);
    await draft(a);
    const toB = await exportFrom(a, { receiverId: (await call(b, 'exchange.identity', {})).officeId });
    const wrong = await callError(c, 'exchange.inspect', { base64: toB });
    expect(wrong.message).toMatch(/^Gói này gửi cho đơn vị khác/u);
    const ok = await call(b, 'exchange.inspect', { base64: toB });
    expect(ok.opened && ok.inspection.receiver?.officeId).toBe((await call(b, 'exchange.identity', {})).officeId);
  });

  it('MẬT needs a passphrase both ways; TỐI MẬT and TUYỆT MẬT never leave (cơ yếu)', async () => {
    const a = openBackend();
    const b = openBackend();
    const secret = await draft(a, { secrecy: 'MẬT' });
    const top = await draft(a, { secrecy: 'TỐI MẬT' });
    expect((await callError(a, 'exchange.exportPackage', {})).message).toMatch(/MẬT nên phải đặt mật khẩu/u);
    expect((await callError(a, 'exchange.exportPackage', { planIds: [top.id] })).message).toMatch(/kênh cơ yếu/u);
    const out = await call(a, 'exchange.exportPackage', { passphrase: 'mật khẩu dài' });
    expect(out).toMatchObject({ plans: 1, encrypted: true, skipped: [{ id: top.id }] });
    expect(await call(b, 'exchange.inspect', { base64: out.base64 })).toEqual({ opened: false, needsPassphrase: true });
    expect((await callError(b, 'exchange.inspect', { base64: out.base64, passphrase: 'sai mật khẩu' })).message).toMatch(/mật khẩu không đúng/u);
    const done = await call(b, 'exchange.import', { base64: out.base64, passphrase: 'mật khẩu dài', trust: true });
    expect(done.opened && done.inspection.records.map((r) => [r.id, r.verdict])).toEqual([[secret.id, 'new']]);
  });

  it('an issued plan travels with its official .docx, stored at Ban hành with its SHA-256', async () => {
    const a = openBackend();
    const b = openBackend();
    await call(a, 'org.saveSelf', communeProfile);
    const plan = await call(a, 'plan.issue', { id: (await draft(a, { number: '07' })).id });
    const seen = await call(b, 'exchange.inspect', { base64: await exportFrom(a) });
    expect(seen.opened && seen.inspection.records[0]!.hasDocument).toBe(true);
    await call(b, 'exchange.import', { base64: await exportFrom(a), trust: true });
    const incoming = await call(b, 'exchange.incoming', {});
    expect(incoming[0]).toMatchObject({ planId: plan.id, number: '07-KH/ĐU', docDate: '5/11/2025' });
  }, 60_000);
});
