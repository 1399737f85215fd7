import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { ftsQuery } from '../../electron/backend/repositories/plan-index';
import type { PlanContentInput } from '../../shared/model';
import { generatedContent, minimalContent, seedContent } from './fixtures/plans';
import { call, cleanup, openBackend } from './helpers';

let backend: Backend;
const ids: Record<string, string> = {};

async function add(name: string, content: PlanContentInput) {
  ids[name] = (await call(backend, 'plan.save', { ...content, id: randomUUID(), baseRevision: null })).id;
}

beforeAll(async () => {
  backend = openBackend();
  await add('seed', seedContent());
  await add('dangUy', minimalContent({ trichYeu: 'Kiểm tra Đảng ủy xã Đồng Văn', header: { ...minimalContent().header, date: { day: 1, month: 2, year: 2025 } } }));
  await add('tuyenTruyen', minimalContent({ trichYeu: 'Tuyên truyền kỷ niệm ngày thành lập Đảng' }));
  for (let i = 0; i < 30; i++) await add(`g${i}`, generatedContent(i));
  return () => cleanup();
});
afterEach(() => undefined);

const search = (query: string, extra: object = {}) => call(backend, 'plan.list', { query, limit: 500, ...extra });

describe('accent-insensitive search', () => {
  it('finds "đại hội điểm" from "dai hoi diem"', async () => {
    const found = await search('dai hoi diem');
    expect(found.items.map((p) => p.id)).toContain(ids.seed);
    expect(found.items.map((p) => p.id)).not.toContain(ids.tuyenTruyen);
  });

  it('ranks plans whose trích yếu holds the words in order first, newest first after that', async () => {
    const own = openBackend();
    const save = async (content: PlanContentInput) => (await call(own, 'plan.save', { ...content, id: randomUUID(), baseRevision: null })).id;
    const titled = await save(seedContent());
    // Newer than the seed, but mentions the words only in passing.
    const mention = await save(minimalContent({ trichYeu: 'Sơ kết công tác tuyên truyền', canCu: { ...minimalContent().canCu, lead: 'Sau đại hội điểm, Ban Thường vụ ban hành Kế hoạch như sau:' } }));
    expect((await call(own, 'plan.list', { query: 'dai hoi diem' })).items.map((p) => p.id)).toEqual([titled, mention]);
    expect((await call(own, 'plan.list', { query: '' })).items.map((p) => p.id)).toEqual([mention, titled]);
  });

  it('folds đ to d both in the text and in the query', async () => {
    for (const q of ['dang uy xa dong van', 'Đảng ủy xã Đồng Văn', 'ĐẢNG ỦY XÃ ĐỒNG VĂN', 'Đảng ủy xã Đồng Văn'.normalize('NFD')]) {
      expect((await search(q)).items.map((p) => p.id), q).toContain(ids.dangUy);
    }
  });

  it('matches the last word as a prefix, requires every word, and searches the body too', async () => {
    expect((await search('tuyen truy')).items.map((p) => p.id)).toContain(ids.tuyenTruyen);
    expect((await search('tuye truyen')).total).toBe(0);
    expect((await search('tuyen truyen khongcotu')).total).toBe(0);
    // A phrase only in seed 01's body (its pilot unit).
    expect((await search('na phat')).items.map((p) => p.id)).toEqual([ids.seed]);
    // The number and symbol.
    expect((await search('315-KH/HU')).items.map((p) => p.id)).toContain(ids.seed);
  });

  it('finds a plan numbered "5" by its printed number "05-KH"', async () => {
    const own = openBackend();
    const base = minimalContent();
    const { id } = await call(own, 'plan.save', { ...base, header: { ...base.header, number: '5' }, id: randomUUID(), baseRevision: null });
    expect((await call(own, 'plan.list', { query: '05-KH' })).items.map((p) => p.id)).toEqual([id]);
    expect((await call(own, 'plan.list', { query: '05-KH/HU' })).items.map((p) => p.id)).toEqual([id]);
  });

  it('ignores punctuation-only and FTS syntax in the query', async () => {
    expect((await search('"*(')).total).toBe((await search('')).total);
    expect((await search('dai OR hoi NOT diem')).total).toBe(0);
    expect(ftsQuery('Đại hội, điể')).toBe('"dai" "hoi" "die"*');
    expect(ftsQuery(' - ')).toBeNull();
  });

  it('combines the query with status, year and paging, newest first', async () => {
    const all = await search('');
    expect(all.total).toBe(33);
    const dates = all.items.map((p) => p.updatedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(all.items[0]!.id).toBe(ids.g29);

    const y2025 = await search('', { year: 2025 });
    expect(y2025.items.every((p) => p.date.year === '2025')).toBe(true);
    expect(y2025.items.map((p) => p.id)).toContain(ids.dangUy);
    expect((await search('kiem tra', { year: 2025 })).items.map((p) => p.id)).toContain(ids.dangUy);
    expect((await search('', { status: 'issued' })).total).toBe(0);

    const page1 = await call(backend, 'plan.list', { limit: 10, offset: 0 });
    const page2 = await call(backend, 'plan.list', { limit: 10, offset: 10 });
    expect([page1.total, page2.total]).toEqual([33, 33]);
    expect(page2.items[0]!.id).toBe(all.items[10]!.id);
  });

  it('follows edits: the old words stop matching, the new ones match', async () => {
    const plan = await call(backend, 'plan.get', { id: ids.tuyenTruyen! });
    const { id, status: _s, revision, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content } = plan;
    await call(backend, 'plan.save', { ...content, trichYeu: 'Sơ kết công tác phát triển đảng viên', id, baseRevision: revision });
    expect((await search('tuyen truyen ky niem')).items.map((p) => p.id)).not.toContain(id);
    expect((await search('so ket phat trien dang vien')).items.map((p) => p.id)).toContain(id);
  });
});
