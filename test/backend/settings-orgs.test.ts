import { afterEach, describe, expect, it } from 'vitest';
import { Settings } from '../../shared/model';
import { profile } from './fixtures/profile';
import { call, callError, cleanup, openBackend } from './helpers';

afterEach(cleanup);


describe('settings', () => {
  it('starts from the schema defaults and keeps a patch across a reopen', async () => {
    const backend = openBackend();
    expect(await call(backend, 'settings.get', {})).toEqual(Settings.parse({}));
    const after = await call(backend, 'settings.set', { language: 'en', recipientPresets: ['Thường trực Tỉnh ủy (b/c)'] });
    expect(after.language).toBe('en');
    expect(after.largeText).toBe(false);
    const again = openBackend(backend.dataDir);
    expect((await call(again, 'settings.get', {})).recipientPresets).toEqual(['Thường trực Tỉnh ủy (b/c)']);
  });

  it('refuses a value outside the allowed range and writes nothing', async () => {
    const backend = openBackend();
    const error = await callError(backend, 'settings.set', {
      language: 'en',
      formatProfile: { margins: { topMm: 5, bottomMm: 20, leftMm: 30, rightMm: 15 } },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('formatProfile.margins.topMm');
    expect((await call(backend, 'settings.get', {})).language).toBe('vi');
  });
});

describe('the office profile', () => {
  it('is null until saved, then read back NFC-normalised', async () => {
    const backend = openBackend();
    expect(await call(backend, 'org.getSelf', {})).toBeNull();
    const nfd = { ...profile, place: 'Điện Biên'.normalize('NFD') };
    const saved = await call(backend, 'org.saveSelf', nfd);
    expect(saved.place).toBe('Điện Biên'.normalize('NFC'));
    expect(await call(backend, 'org.getSelf', {})).toEqual(saved);
  });

  it('names the field at fault in a Vietnamese message', async () => {
    const backend = openBackend();
    const error = await callError(backend, 'org.saveSelf', { ...profile, issuer: { ...profile.issuer, symbol: 'hu' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('issuer.symbol');
    expect(error.message).toMatch(/chữ in hoa/);
    expect(await call(backend, 'org.getSelf', {})).toBeNull();
  });
});

describe('the directory of organizations', () => {
  it('creates, lists accent-insensitively, updates with a new revision and removes', async () => {
    const backend = openBackend();
    const ban = await call(backend, 'org.save', { name: 'Ban Tổ chức Huyện ủy', shortName: 'BTC', kind: 'ban-dang' });
    await call(backend, 'org.save', { name: 'Đảng ủy xã Bình Lư', kind: 'co-so' });
    expect(ban.revision).toBe(1);

    expect((await call(backend, 'org.list', { query: 'dang uy' })).map((o) => o.name)).toEqual(['Đảng ủy xã Bình Lư']);
    expect((await call(backend, 'org.list', { query: 'btc' })).map((o) => o.name)).toEqual(['Ban Tổ chức Huyện ủy']);
    expect((await call(backend, 'org.list', { query: '', kind: 'co-so' })).length).toBe(1);
    expect((await call(backend, 'org.list', { query: '%' })).length).toBe(0);

    const updated = await call(backend, 'org.save', { id: ban.id, name: 'Ban Tổ chức Huyện ủy Điện Biên', kind: 'ban-dang' });
    expect(updated.revision).toBe(2);
    expect(updated.updatedAt > ban.updatedAt).toBe(true);

    expect(await call(backend, 'org.remove', { id: ban.id })).toEqual({ ok: true });
    expect((await callError(backend, 'org.remove', { id: ban.id })).code).toBe('NOT_FOUND');
    expect((await call(backend, 'org.list', { query: '' })).map((o) => o.name)).toEqual(['Đảng ủy xã Bình Lư']);
  });

  it('keeps an id given by the caller (packages merge by identity)', async () => {
    const backend = openBackend();
    const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    expect((await call(backend, 'org.save', { id, name: 'Huyện đoàn', kind: 'doan-the' })).id).toBe(id);
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const backend = openBackend();
    for (const bad of [{ name: '   ', kind: 'co-so' }, { name: 'A', kind: 'nope' }, { name: 'A', kind: 'co-so', id: 'not-a-uuid' }]) {
      const error = await callError(backend, 'org.save', bad);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/không hợp lệ/);
    }
    expect((await callError(backend, 'org.save', { name: '  ', kind: 'co-so' })).message).toContain('trường name');
    expect(await call(backend, 'org.list', { query: '' })).toEqual([]);
  });
});
