import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import type { Backend } from '../../electron/backend';
import type { Plan, PlanContentInput } from '../../shared/model';
import { idsIn, minimalContent, seedContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend } from './helpers';
import { decodeContent } from '../../electron/backend/db/content-codec';

afterEach(cleanup);

/** A second, read-only look at the file, as another program would see it. */
function peek<T>(backend: Backend, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(backend.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function create(backend: Backend, content: PlanContentInput = minimalContent()): Promise<Plan> {
  return call(backend, 'plan.save', { ...content, id: randomUUID(), baseRevision: null });
}

const contentOf = ({ id: _i, status: _s, revision: _r, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content }: Plan) => content;

describe('plan.save', () => {
  it('stores each revision compressed: a seed-sized plan takes under a third of its JSON', async () => {
    const backend = openBackend();
    const plan = await create(backend, seedContent());
    const [raw] = peek<{ content: Buffer }>(backend, 'SELECT content FROM plan_revisions WHERE plan_id = ?', plan.id);
    const json = decodeContent(raw!.content);
    expect(raw!.content.byteLength).toBeLessThan(Buffer.byteLength(json) / 3);
    expect((await call(backend, 'plan.get', { id: plan.id })).body).toEqual(JSON.parse(json).body);
  });

  it('creates revision 1, then every save adds one and keeps the previous', async () => {
    const backend = openBackend();
    const first = await create(backend);
    expect(first).toMatchObject({ status: 'draft', revision: 1, deletedAt: null });
    const second = await call(backend, 'plan.save', { ...contentOf(first), trichYeu: 'Bản sửa lần một', id: first.id, baseRevision: 1 });
    expect(second.revision).toBe(2);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt > first.updatedAt).toBe(true);

    const { items: revisions } = await call(backend, 'plan.revisions', { id: first.id });
    expect(revisions.map((r) => [r.revision, r.reason, r.trichYeu])).toEqual([
      [2, 'save', 'Bản sửa lần một'],
      [1, 'create', first.trichYeu],
    ]);
    expect((await call(backend, 'plan.getRevision', { id: first.id, revision: 1 })).trichYeu).toBe(first.trichYeu);
    expect((await call(backend, 'plan.get', { id: first.id })).trichYeu).toBe('Bản sửa lần một');
  });

  it('does not add a revision when nothing changed (autosave)', async () => {
    const backend = openBackend();
    const first = await create(backend);
    const again = await call(backend, 'plan.save', { ...contentOf(first), id: first.id, baseRevision: 1 });
    expect(again.revision).toBe(1);
    expect((await call(backend, 'plan.revisions', { id: first.id })).total).toBe(1);
  });

  it('refuses a stale baseRevision with a Vietnamese CONFLICT and keeps the stored plan', async () => {
    const backend = openBackend();
    const first = await create(backend);
    await call(backend, 'plan.save', { ...contentOf(first), trichYeu: 'Sửa ở máy A', id: first.id, baseRevision: 1 });
    const error = await callError(backend, 'plan.save', { ...contentOf(first), trichYeu: 'Sửa ở máy B', id: first.id, baseRevision: 1 });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/đã được sửa ở nơi khác.*phiên bản 2.*phiên bản 1/);
    const stored = await call(backend, 'plan.get', { id: first.id });
    expect([stored.revision, stored.trichYeu]).toEqual([2, 'Sửa ở máy A']);

    expect((await callError(backend, 'plan.save', { ...contentOf(first), id: first.id, baseRevision: null })).code).toBe('CONFLICT');
    expect((await callError(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: 3 })).code).toBe('NOT_FOUND');
  });

  it('stores every text NFC-normalised, nested ones included', async () => {
    const backend = openBackend();
    const content = minimalContent({ trichYeu: 'Tổ chức đại hội điểm'.normalize('NFD') });
    const duty = { kind: 'duty' as const, id: randomUUID(), body: 'Ban Tổ chức Huyện ủy'.normalize('NFD'), tasks: [{ id: randomUUID(), text: 'Hướng dẫn đại hội'.normalize('NFD') }] };
    content.body = [...content.body, duty];
    const plan = await create(backend, content);
    expect(plan.trichYeu).toBe('Tổ chức đại hội điểm'.normalize('NFC'));
    const raw = peek<{ content: Buffer; trich_yeu: string }>(
      backend,
      'SELECT r.content, p.trich_yeu FROM plans p JOIN plan_revisions r ON r.plan_id = p.id AND r.revision = p.revision WHERE p.id = ?',
      plan.id,
    )[0]!;
    const json = decodeContent(raw.content);
    expect(json).toBe(json.normalize('NFC'));
    expect(raw.content.byteLength).toBeLessThan(Buffer.byteLength(json)); // stored compressed
    expect(JSON.parse(json).trichYeu).toBe(plan.trichYeu);
    expect(raw.trich_yeu).toBe('Tổ chức đại hội điểm'.normalize('NFC'));
    const task = peek<{ text: string; body: string }>(backend, 'SELECT text, body FROM tasks WHERE plan_id = ?', plan.id)[0]!;
    expect(task).toEqual({ text: 'Hướng dẫn đại hội'.normalize('NFC'), body: 'Ban Tổ chức Huyện ủy'.normalize('NFC') });
  });

  it('refuses malformed content (not what a person types) naming the field, and writes nothing', async () => {
    const backend = openBackend();
    const good = minimalContent();
    const cases: [unknown, string][] = [
      [{ ...good, body: [{ kind: 'paragraph', id: 'x', text: 'a' }] }, 'body.0.id'],
      [{ ...good, trichYeu: 42 }, 'trichYeu'],
      [{ ...good, header: { ...good.header, date: { day: '5', month: '8', year: { y: 2024 } } } }, 'header.date.year'],
      [{ ...good, pilotUnits: [{ id: randomUUID(), name: 'Chi bộ 02', category: 'chi-bo-truc-thuoc', members: '13', invited: null, total: null, durationDays: null, deadline: null }] }, 'pilotUnits.0.members'],
    ];
    for (const [content, field] of cases) {
      const error = await callError(backend, 'plan.save', { ...(content as object), id: randomUUID(), baseRevision: null });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain(`trường ${field}`);
    }
    const dup = randomUUID();
    const twice = minimalContent({ recipients: [{ id: dup, text: 'Thường trực Tỉnh ủy' }, { id: dup, text: 'Lưu Văn phòng' }] });
    const error = await callError(backend, 'plan.save', { ...twice, id: randomUUID(), baseRevision: null });
    expect([error.code, error.message]).toEqual(['VALIDATION', expect.stringContaining('recipients.1.id')]);
    expect(peek(backend, 'SELECT * FROM plans')).toEqual([]);
    expect(peek(backend, 'SELECT * FROM plan_revisions')).toEqual([]);
  });

  it('writes all or nothing: a failure inside the transaction leaves the previous revision intact', async () => {
    const backend = openBackend();
    const plan = await create(backend, seedContent());
    const db = new Database(join(backend.dataDir, DATABASE_FILE));
    db.exec("CREATE TRIGGER boom BEFORE INSERT ON recipients WHEN NEW.text = 'BOOM' BEGIN SELECT RAISE(ABORT, 'boom'); END");
    db.close();
    const broken = { ...contentOf(plan), trichYeu: 'Không được lưu', recipients: [...plan.recipients, { id: randomUUID(), text: 'BOOM', note: '', orgId: null }] };
    const error = await callError(backend, 'plan.save', { ...broken, id: plan.id, baseRevision: 1 });
    expect(error.code).toBe('INTERNAL');
    const stored = await call(backend, 'plan.get', { id: plan.id });
    expect([stored.revision, stored.trichYeu]).toEqual([1, plan.trichYeu]);
    expect(peek(backend, 'SELECT revision FROM plan_revisions WHERE plan_id = ?', plan.id)).toEqual([{ revision: 1 }]);
    expect(peek<{ n: number }>(backend, 'SELECT count(*) AS n FROM recipients WHERE plan_id = ?', plan.id)[0]!.n).toBe(plan.recipients.length);
    expect((await call(backend, 'plan.list', { query: 'khong duoc luu' })).total).toBe(0);
  });
});

describe('denormalised rows', () => {
  it('mirror pilot units, tasks and recipients on every save, keeping rows by id', async () => {
    const backend = openBackend();
    const plan = await create(backend, seedContent());
    const count = (table: string) => peek<{ n: number }>(backend, `SELECT count(*) AS n FROM ${table} WHERE plan_id = ?`, plan.id)[0]!.n;
    const tasksInContent = (JSON.stringify(plan.body).match(/"due":/g) ?? []).length;
    expect(count('pilot_units')).toBe(plan.pilotUnits.length);
    expect(count('recipients')).toBe(plan.recipients.length);
    expect(tasksInContent).toBeGreaterThan(0);
    expect(count('tasks')).toBe(tasksInContent);
    const dated = peek<{ due_dates: string; due_first: string }>(backend, "SELECT due_dates, due_first FROM tasks WHERE plan_id = ? AND due_dates <> '[]'", plan.id);
    for (const row of dated) expect(JSON.parse(row.due_dates)).toContain(row.due_first);

    const fewer = { ...contentOf(plan), pilotUnits: plan.pilotUnits.slice(1), recipients: plan.recipients.slice(0, 2) };
    await call(backend, 'plan.save', { ...fewer, id: plan.id, baseRevision: 1 });
    expect(count('pilot_units')).toBe(plan.pilotUnits.length - 1);
    expect(peek<{ id: string }>(backend, 'SELECT id FROM recipients WHERE plan_id = ? ORDER BY position', plan.id).map((r) => r.id)).toEqual(
      plan.recipients.slice(0, 2).map((r) => r.id),
    );
  });
});

describe('the bin', () => {
  it('removes to the bin, refuses edits there, and restores', async () => {
    const backend = openBackend();
    const plan = await create(backend);
    expect(await call(backend, 'plan.remove', { id: plan.id })).toEqual({ ok: true });
    expect((await call(backend, 'plan.list', {})).total).toBe(0);
    const bin = await call(backend, 'plan.list', { deleted: true });
    expect(bin.items.map((p) => p.id)).toEqual([plan.id]);
    expect(bin.items[0]!.deletedAt).not.toBeNull();
    expect((await call(backend, 'plan.get', { id: plan.id })).deletedAt).not.toBeNull();

    const error = await callError(backend, 'plan.save', { ...contentOf(plan), trichYeu: 'x', id: plan.id, baseRevision: 1 });
    expect([error.code, error.message]).toEqual(['CONFLICT', expect.stringMatching(/thùng rác/)]);

    const restored = await call(backend, 'plan.restore', { id: plan.id });
    expect(restored.deletedAt).toBeNull();
    expect((await call(backend, 'plan.list', {})).items.map((p) => p.id)).toEqual([plan.id]);
    expect((await callError(backend, 'plan.remove', { id: randomUUID() })).code).toBe('NOT_FOUND');
  });
});

describe('plan.duplicate', () => {
  it('copies as a new draft with new ids everywhere and no number', async () => {
    const backend = openBackend();
    const source = await create(backend, seedContent());
    const copy = await call(backend, 'plan.duplicate', { id: source.id });
    expect(copy.id).not.toBe(source.id);
    expect([copy.status, copy.revision, copy.header.number]).toEqual(['draft', 1, '']);
    expect(copy.trichYeu).toBe(source.trichYeu);

    const before = idsIn(contentOf(source));
    const after = idsIn(contentOf(copy));
    expect(after.size).toBe(before.size);
    for (const id of after) expect(before.has(id)).toBe(false);
    // Pilot schedules point at the copy's own units.
    const unitIds = new Set(copy.pilotUnits.map((u) => u.id));
    const scheduled = JSON.stringify(copy.body).match(/"unitIds":\[[^\]]*\]/g) ?? [];
    for (const list of scheduled) for (const id of JSON.parse(list.slice('"unitIds":'.length)) as string[]) expect(unitIds.has(id)).toBe(true);
    expect((await call(backend, 'plan.revisions', { id: copy.id })).items[0]!.reason).toBe('create');
  });
});

describe('plan.revisions', () => {
  it('answers a page at a time, newest first, with the total', async () => {
    const backend = openBackend();
    const plan = await create(backend, minimalContent({ header: { ...minimalContent().header, number: '12' } }));
    // Issued and reopened revisions are kept forever (the thinning only drops autosaves).
    for (let i = 0; i < 30; i++) {
      await call(backend, 'plan.issue', { id: plan.id });
      await call(backend, 'plan.reopen', { id: plan.id });
    }
    const first = await call(backend, 'plan.revisions', { id: plan.id });
    expect(first.total).toBe(61);
    expect(first.items.map((r) => r.revision)).toEqual(Array.from({ length: 50 }, (_, i) => 61 - i));
    const rest = await call(backend, 'plan.revisions', { id: plan.id, offset: 50, limit: 50 });
    expect(rest).toMatchObject({ total: 61 });
    expect(rest.items.map((r) => r.revision)).toEqual(Array.from({ length: 11 }, (_, i) => 11 - i));
    expect((await call(backend, 'plan.revisions', { id: plan.id, limit: 5 })).items.map((r) => r.reason)).toEqual(['reopen', 'issue', 'reopen', 'issue', 'reopen']);
  });
});

describe('restoring a revision', () => {
  it('makes a new revision whose content is the old one', async () => {
    const backend = openBackend();
    const plan = await create(backend);
    await call(backend, 'plan.save', { ...contentOf(plan), trichYeu: 'Lần hai', id: plan.id, baseRevision: 1 });
    const restored = await call(backend, 'plan.restoreRevision', { id: plan.id, revision: 1 });
    expect([restored.revision, restored.trichYeu]).toEqual([3, plan.trichYeu]);
    expect((await call(backend, 'plan.revisions', { id: plan.id })).items.map((r) => r.reason)).toEqual(['restore', 'save', 'create']);
    expect((await callError(backend, 'plan.getRevision', { id: plan.id, revision: 9 })).code).toBe('NOT_FOUND');
  });
});

describe('plan.issue', () => {
  it('needs a number, then keeps an issue revision and makes the plan read-only', async () => {
    const backend = openBackend();
    const plan = await create(backend);
    const noNumber = await callError(backend, 'plan.issue', { id: plan.id });
    expect(noNumber.code).toBe('VALIDATION');
    expect(noNumber.issues?.[0]?.path).toEqual(['header', 'number']);

    const numbered = await call(backend, 'plan.allocateNumber', { id: plan.id });
    expect(numbered.header.number).toBe('01');
    const issued = await call(backend, 'plan.issue', { id: plan.id });
    expect([issued.status, issued.revision]).toEqual(['issued', numbered.revision + 1]);
    expect((await call(backend, 'plan.revisions', { id: plan.id })).items[0]).toMatchObject({ reason: 'issue', status: 'issued' });

    const edit = await callError(backend, 'plan.save', { ...contentOf(issued), trichYeu: 'Sửa sau ban hành', id: plan.id, baseRevision: issued.revision });
    expect([edit.code, edit.message]).toEqual(['CONFLICT', expect.stringMatching(/đã ban hành/)]);
    expect((await call(backend, 'plan.save', { ...contentOf(issued), id: plan.id, baseRevision: issued.revision })).revision).toBe(issued.revision);
    expect((await callError(backend, 'plan.issue', { id: plan.id })).code).toBe('CONFLICT');
    expect((await callError(backend, 'plan.allocateNumber', { id: plan.id })).code).toBe('CONFLICT');
    expect((await call(backend, 'plan.list', { status: 'issued' })).total).toBe(1);
  });

  it('reopens an issued plan for editing after confirmation; restoring the issued revision issues it again', async () => {
    const backend = openBackend();
    const plan = await create(backend);
    await call(backend, 'plan.allocateNumber', { id: plan.id });
    const issued = await call(backend, 'plan.issue', { id: plan.id });
    const issuedRevision = issued.revision;

    const reopened = await call(backend, 'plan.reopen', { id: plan.id });
    expect([reopened.status, reopened.revision]).toEqual(['draft', issuedRevision + 1]);
    const edited = await call(backend, 'plan.save', { ...contentOf(reopened), trichYeu: 'Sửa sau ban hành', id: plan.id, baseRevision: reopened.revision });
    expect(edited.trichYeu).toBe('Sửa sau ban hành');
    const { items: history } = await call(backend, 'plan.revisions', { id: plan.id });
    expect(history.slice(0, 3).map((r) => r.reason)).toEqual(['save', 'reopen', 'issue']);

    const restored = await call(backend, 'plan.restoreRevision', { id: plan.id, revision: issuedRevision });
    expect(restored.status).toBe('issued');
    expect(restored.trichYeu).toBe(issued.trichYeu);
    // Reopening a draft is a no-op.
    const again = await call(backend, 'plan.reopen', { id: plan.id });
    expect(again.status).toBe('draft');
    expect((await call(backend, 'plan.reopen', { id: plan.id })).revision).toBe(again.revision);
  });
});
