/**
 * Tasks, progress reports (with evidence) and directory entries in packages, and the round trip of a duty across
 * offices: the province's plan assigns a duty to the commune, the commune reports on it, the province sees the report
 * on its own task and which units have reported. Also export by term and since the last package, several packages at
 * once, and conflicts resolved by choosing.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { contentOf } from '../../../electron/backend/repositories/plans';
import type { DutyBlock, PlanContent } from '../../../shared/model';
import { walkBlocks } from '../../../shared/model/tree';
import { seedContent } from '../fixtures/plans';
import { call, callError, cleanup, openBackend } from '../helpers';
import { communeProfile, draft, edit, enrol, exportFrom, officeOnTwoComputers, provinceProfile } from './helpers';

afterEach(cleanup);

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const duties = (c: PlanContent): DutyBlock[] => [...walkBlocks(c.body)].filter((b): b is DutyBlock => b.kind === 'duty');

/** The province issues seed 01 with its first duty block assigned to the commune (its name in another case). */
async function provincePlanForCommune(province: Backend) {
  const seed = seedContent();
  const content = structuredClone(seed) as PlanContent;
  const duty = duties(content)[0]!;
  duty.body = 'Đảng ủy xã Thanh Nưa';
  duty.orgId = null;
  const saved = await call(province, 'plan.save', { ...content, id: randomUUID(), baseRevision: null });
  const plan = await call(province, 'plan.issue', { id: saved.id });
  return { plan, duty: duties(contentOf(plan))[0]! };
}

async function twoOffices() {
  const commune = openBackend();
  const province = openBackend();
  await call(commune, 'org.saveSelf', communeProfile);
  await call(province, 'org.saveSelf', provinceProfile);
  await enrol(commune, province);
  await enrol(province, commune);
  const communeId = (await call(commune, 'exchange.identity', {})).officeId;
  const provinceId = (await call(province, 'exchange.identity', {})).officeId;
  return { commune, province, communeId, provinceId };
}

describe('duties across offices', () => {
  it('the commune reports on the duty the province assigned it; the report and its evidence go back; the grid shows who reported', async () => {
    const { commune, province, communeId, provinceId } = await twoOffices();
    const { plan, duty } = await provincePlanForCommune(province);
    const sent = await call(province, 'exchange.exportPackage', { receiverId: communeId });
    expect(sent.plans).toBe(1);
    await call(commune, 'exchange.import', { base64: sent.base64 });

    // The commune's Nhiệm vụ: the province's plan's tasks, those of its own duty marked as reported to the province.
    const mine = await call(commune, 'task.list', { planId: plan.id, on: '2024-12-01', limit: 500 });
    const ours = mine.items.filter((t) => t.reportTo !== null);
    expect(ours.map((t) => t.sourceId).sort()).toEqual(duty.tasks.map((t) => t.id).sort());
    expect(ours[0]!.reportTo).toEqual({ officeId: provinceId, name: provinceProfile.issuer.name });
    expect(ours[0]!.plan.owner).toEqual({ officeId: provinceId, name: provinceProfile.issuer.name });
    const task = ours[0]!;
    await call(commune, 'task.addReport', {
      taskId: task.id,
      date: '2024-12-02',
      text: 'Đảng ủy xã đã họp triển khai.',
      percent: 50,
      files: [{ name: 'bien-ban.pdf', base64: PDF.toString('base64') }],
    });
    await call(commune, 'task.setState', { taskId: task.id, action: 'start', date: '2024-12-01' });

    const back = await call(commune, 'exchange.exportPackage', { receiverId: provinceId, sinceLast: true });
    expect(back).toMatchObject({ plans: 0, tasks: 1, reports: 1, evidence: 1 });
    const inspected = await call(province, 'exchange.inspect', { base64: back.base64 });
    if (!inspected.opened) throw new Error('not opened');
    expect(inspected.inspection.records.map((r) => [r.kind, r.verdict]).sort()).toEqual([
      ['report', 'new'],
      ['task', 'update'],
    ]);
    await call(province, 'exchange.import', { base64: back.base64 });

    // The province sees the report on its own task, with the commune named, the evidence readable, the task started.
    const got = await call(province, 'task.get', { id: task.sourceId, on: '2024-12-03' });
    expect(got.reports).toHaveLength(1);
    expect(got.reports[0]).toMatchObject({ text: 'Đảng ủy xã đã họp triển khai.', percent: 50, fromOffice: { officeId: communeId, name: communeProfile.issuer.name } });
    expect(got.task.facts.startedAt).toBe('2024-12-01');
    const file = await call(province, 'task.evidence', { sha256: got.reports[0]!.files[0]!.sha256 });
    expect(Buffer.from(file.base64, 'base64').equals(PDF)).toBe(true);
    expect(readdirSync(join(province.dataDir, '.evidence-staging')).length).toBe(0);

    const grid = await call(province, 'exchange.reportGrid', { planId: plan.id, on: '2024-12-03' });
    const commune1 = grid.units.find((u) => u.body === 'Đảng ủy xã Thanh Nưa')!;
    expect(commune1).toMatchObject({ officeId: communeId, tasksReported: 1, reports: 1, reportsReceived: 1, reported: true, lastReportDate: '2024-12-02' });
    expect(grid.units.filter((u) => !u.reported).length).toBeGreaterThan(0);

    // Append-only union: the same report in another package is one report; nothing new since the last package.
    const all = await call(commune, 'exchange.exportPackage', {});
    const again = await call(province, 'exchange.import', { base64: all.base64 });
    if (!again.opened) throw new Error('not opened');
    expect(again.inspection.records.filter((r) => r.kind === 'report').map((r) => r.verdict)).toEqual(['same']);
    expect((await call(province, 'task.get', { id: task.sourceId })).reports).toHaveLength(1);
    const nothing = await call(commune, 'exchange.exportPackage', { receiverId: provinceId, sinceLast: true });
    expect(nothing).toMatchObject({ plans: 0, tasks: 0, reports: 0 });
    expect(nothing.since).not.toBeNull();
  });

  it("the owner's facts reach the units for tasks not theirs; a unit's facts on its own duty stay the unit's", async () => {
    const { commune, province, communeId } = await twoOffices();
    const { plan, duty } = await provincePlanForCommune(province);
    const other = duties(contentOf(plan))[1]!.tasks[0]!;
    await call(province, 'task.setState', { taskId: other.id, action: 'complete', date: '2024-11-20' });
    await call(province, 'task.setState', { taskId: duty.tasks[0]!.id, action: 'pause', date: '2024-11-20', reason: 'Chờ hướng dẫn' });
    await call(commune, 'exchange.import', { base64: await exportFrom(province, { receiverId: communeId }) });
    const theirs = await call(commune, 'task.get', { id: other.id });
    expect(theirs.task.facts.completedAt).toBe('2024-11-20');
    const ownDuty = await call(commune, 'task.get', { id: duty.tasks[0]!.id });
    expect(ownDuty.task.facts.paused).toBeNull();
  });
  it('a duty whose body is our directory entry (its short name, other spacing and case) is ours; another unit\'s is not', async () => {
    const { commune, province, communeId, provinceId } = await twoOffices();
    const content = structuredClone(seedContent()) as PlanContent;
    const [mine, other] = duties(content);
    mine!.body = 'ĐU  xã   THANH NƯA';
    mine!.orgId = null;
    other!.body = 'Đảng ủy xã Thanh Minh';
    other!.orgId = null;
    const saved = await call(province, 'plan.save', { ...content, id: randomUUID(), baseRevision: null });
    const plan = await call(province, 'plan.issue', { id: saved.id });
    await call(commune, 'exchange.import', { base64: await exportFrom(province, { receiverId: communeId }) });
    const reportingTo = async () => (await call(commune, 'task.list', { planId: plan.id, limit: 500 })).items.filter((t) => t.reportTo !== null);
    // The profile's name alone does not say the short name is us.
    expect(await reportingTo()).toEqual([]);
    // The directory entry that is this office (its name is the profile's) gives its short name.
    await call(commune, 'org.save', { name: 'Đảng ủy xã Thanh Nưa', shortName: 'ĐU xã Thanh Nưa', kind: 'co-so', notes: '' });
    await call(commune, 'org.save', { name: 'Đảng ủy xã Thanh Minh', shortName: 'ĐU xã Thanh Minh', kind: 'co-so', notes: '' });
    const ours = await reportingTo();
    expect(ours.map((t) => t.sourceId).sort()).toEqual(duties(contentOf(plan))[0]!.tasks.map((t) => t.id).sort());
    expect(ours[0]!.reportTo).toEqual({ officeId: provinceId, name: provinceProfile.issuer.name });
    // Our report on it goes back to the province in the next package.
    await call(commune, 'task.addReport', { taskId: ours[0]!.id, date: '2024-12-02', text: 'Đã triển khai.', percent: 30, files: [] });
    expect(await call(commune, 'exchange.exportPackage', { receiverId: provinceId, sinceLast: true })).toMatchObject({ reports: 1 });
  });
});

describe("the units' tasks with ours", () => {
  it('lists, filters and counts overdue tasks by whose plan they are: ours or a unit\'s', async () => {
    const { commune, province, communeId } = await twoOffices();
    await provincePlanForCommune(province);
    const seed = structuredClone(seedContent()) as PlanContent;
    const saved = await call(commune, 'plan.save', { ...seed, id: randomUUID(), baseRevision: null });
    const theirs = await call(commune, 'plan.issue', { id: saved.id });
    await call(province, 'exchange.import', { base64: await exportFrom(commune, { planIds: [theirs.id] }) });

    const on = '2099-01-01';
    const all = await call(province, 'task.list', { on, limit: 500 });
    const unit = await call(province, 'task.list', { on, owner: communeId, limit: 500 });
    const ours = await call(province, 'task.list', { on, owner: 'self', limit: 500 });
    expect(unit.total).toBeGreaterThan(0);
    expect(ours.total).toBeGreaterThan(0);
    expect(unit.total + ours.total).toBe(all.total);
    expect(unit.items.every((t) => t.planId === theirs.id && t.plan.owner?.officeId === communeId)).toBe(true);
    expect(ours.items.every((t) => t.plan.owner === null)).toBe(true);
    expect((await call(province, 'task.filterOptions', {})).owners).toEqual([{ officeId: communeId, name: communeProfile.issuer.name }]);

    // Overdue by body, each body with whose plan it is: the same body in the unit's plan and in ours are two rows.
    const summary = await call(province, 'task.summary', { on });
    const rows = summary.overdueByBody;
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(summary.rollUp.byStatus.overdue);
    const unitRows = rows.filter((r) => r.owner?.officeId === communeId);
    expect(unitRows.reduce((n, r) => n + r.count, 0)).toBe(unit.items.filter((t) => t.status === 'overdue').length);
    expect(unitRows[0]!.owner).toEqual({ officeId: communeId, name: communeProfile.issuer.name });
    const both = new Set(unitRows.map((r) => r.body));
    expect(rows.some((r) => r.owner === null && both.has(r.body))).toBe(true);
  });
});

describe('directory entries and export choices', () => {
  it('a shared directory entry arrives once; a later revision updates it; ours are never overwritten', async () => {
    const { commune, province } = await twoOffices();
    const org = await call(province, 'org.save', { name: 'Ban Tuyên giáo Tỉnh ủy', shortName: 'BTG', kind: 'ban-dang', notes: '' });
    const first = await call(commune, 'exchange.import', { base64: await exportFrom(province, { orgIds: [org.id] }) });
    if (!first.opened) throw new Error('not opened');
    expect(first.inspection.records.map((r) => [r.kind, r.verdict])).toEqual([['org', 'new']]);
    expect((await call(commune, 'org.list', {})).map((o) => o.name)).toContain('Ban Tuyên giáo Tỉnh ủy');
    await call(province, 'org.save', { id: org.id, name: 'Ban Tuyên giáo Tỉnh ủy Điện Biên', shortName: 'BTG', kind: 'ban-dang', notes: '' });
    await call(commune, 'exchange.import', { base64: await exportFrom(province, { orgIds: [org.id] }) });
    expect((await call(commune, 'org.list', {})).map((o) => o.name)).toContain('Ban Tuyên giáo Tỉnh ủy Điện Biên');
    // The commune cannot pass the province's entry on as its own.
    expect((await callError(commune, 'exchange.exportPackage', { orgIds: [org.id] })).message).toMatch(/của đơn vị khác/u);
  });

  it('every package carries the entries marked "chia sẻ khi trao đổi" and no other; received ones are never passed on or overwrite ours', async () => {
    const { commune, province, communeId, provinceId } = await twoOffices();
    const shared = await call(province, 'org.save', { name: 'Ban Tổ chức Tỉnh ủy', shortName: 'BTC', kind: 'ban-dang', notes: '', shared: true });
    await call(province, 'org.save', { name: 'Văn phòng Tỉnh ủy', shortName: 'VP', kind: 'ban-dang', notes: '' });
    expect(shared).toMatchObject({ shared: true, receivedFrom: null });
    // An edit that does not name the flag keeps it.
    expect(await call(province, 'org.save', { id: shared.id, name: 'Ban Tổ chức Tỉnh ủy Điện Biên', shortName: 'BTC', kind: 'ban-dang', notes: '' })).toMatchObject({ shared: true });
    // The commune holds an entry of its own under the same id as a second shared one: the package cannot overwrite it.
    const clash = await call(commune, 'org.save', { name: 'Ban Dân vận (của xã)', shortName: '', kind: 'ban-dang', notes: '' });
    await call(province, 'org.save', { id: clash.id, name: 'Ban Dân vận Tỉnh ủy', shortName: 'BDV', kind: 'ban-dang', notes: '', shared: true });

    const sent = await call(province, 'exchange.exportPackage', { receiverId: communeId, sinceLast: true });
    expect(sent.orgs).toBe(2);
    const got = await call(commune, 'exchange.import', { base64: sent.base64 });
    if (!got.opened) throw new Error('not opened');
    expect(got.inspection.records.filter((r) => r.kind === 'org').map((r) => [r.title, r.verdict]).sort()).toEqual([
      ['Ban Dân vận Tỉnh ủy', 'refused'],
      ['Ban Tổ chức Tỉnh ủy Điện Biên', 'new'],
    ]);
    const here = await call(commune, 'org.list', {});
    expect(here.find((o) => o.id === shared.id)).toMatchObject({ name: 'Ban Tổ chức Tỉnh ủy Điện Biên', shared: false, receivedFrom: provinceProfile.issuer.name });
    expect(here.find((o) => o.id === clash.id)).toMatchObject({ name: 'Ban Dân vận (của xã)', receivedFrom: null });
    expect(here.map((o) => o.name)).not.toContain('Văn phòng Tỉnh ủy');

    // Since the last package: an unchanged entry does not go again; a changed one does.
    expect((await call(province, 'exchange.exportPackage', { receiverId: communeId, sinceLast: true })).orgs).toBe(0);
    // The commune cannot share the province's entry as its own, and its packages carry only its own shared entries.
    expect((await callError(commune, 'org.save', { id: shared.id, name: 'Ban Tổ chức Tỉnh ủy Điện Biên', shortName: 'BTC', kind: 'ban-dang', notes: '', shared: true })).message).toMatch(
      /gửi đến/u,
    );
    await call(commune, 'org.save', { id: clash.id, name: 'Ban Dân vận (của xã)', shortName: '', kind: 'ban-dang', notes: '', shared: true });
    const back = await call(province, 'exchange.inspect', { base64: await exportFrom(commune, { receiverId: provinceId }) });
    if (!back.opened) throw new Error('not opened');
    expect(back.inspection.records.filter((r) => r.kind === 'org').map((r) => r.id)).toEqual([clash.id]);
  });

  it('exports the plans of one term, and only what changed since the last package to that receiver', async () => {
    const { commune, province, provinceId } = await twoOffices();
    const a = await draft(commune, {}, { term: '2020-2025' });
    const b = await draft(commune, {}, { term: '2025-2030' });
    const term = await call(commune, 'exchange.exportPackage', { term: '2020-2025' });
    expect(term.plans).toBe(1);
    const first = await call(commune, 'exchange.exportPackage', { receiverId: provinceId, sinceLast: true });
    expect(first).toMatchObject({ plans: 2, since: null });
    await edit(commune, b, (c) => ({ ...c, trichYeu: 'Đã sửa sau gói trước' }));
    const second = await call(commune, 'exchange.exportPackage', { receiverId: provinceId, sinceLast: true });
    expect(second.plans).toBe(1);
    const opened = await call(province, 'exchange.inspect', { base64: second.base64 });
    expect(opened.opened && opened.inspection.records.map((r) => r.title)).toEqual(['Đã sửa sau gói trước']);
    expect(a.id).not.toBe(b.id);
    // One way at a time; since-last needs a receiver.
    expect((await callError(commune, 'exchange.exportPackage', { term: '2020-2025', planIds: [a.id] })).code).toBe('VALIDATION');
    expect((await callError(commune, 'exchange.exportPackage', { sinceLast: true })).code).toBe('VALIDATION');
  });

  it('several packages at once: one summary, a broken one refused without stopping the others', async () => {
    const { commune, province } = await twoOffices();
    await draft(commune);
    const one = await exportFrom(commune);
    await draft(commune, {}, { trichYeu: 'Kế hoạch thứ hai' });
    const two = await exportFrom(commune);
    const out = await call(province, 'exchange.importMany', {
      packages: [
        { fileName: 'a.khx', base64: one },
        { fileName: 'hong.khx', base64: Buffer.from('không phải gói').toString('base64') },
        { fileName: 'b.khx', base64: two },
        { fileName: 'a-lan-nua.khx', base64: one },
      ],
    });
    expect(out.results.map((r) => r.outcome)).toEqual(['imported', 'refused', 'imported', 'alreadyImported']);
    expect(out.results[1]!.message).toMatch(/^Tệp không phải gói KẾ HOẠCH/u);
    expect(out.counts).toMatchObject({ new: 2, same: 1 });
    expect(out.message).toMatch(/^4 gói: 2 đã nhập, 1 đã nhập trước đó, 1 bị từ chối/u);
  });
});

describe('conflicts', () => {
  it("a conflict copy's tasks count as its owner's, in the list's filter, its options and the overdue counts alike", async () => {
    const office = await officeOnTwoComputers(async (commune) => {
      const saved = await call(commune, 'plan.save', { ...structuredClone(seedContent()), id: randomUUID(), baseRevision: null });
      return call(commune, 'plan.issue', { id: saved.id });
    });
    const { province, first: a1, second: a2 } = office;
    // Reopened, changed and issued again on both computers: the second package's plan becomes a conflict copy.
    for (const [backend, label] of [[a1, 'máy 1'], [a2, 'máy 2']] as const) {
      const reopened = await call(backend, 'plan.reopen', { id: office.plans.id });
      await edit(backend, reopened, (c) => ({ ...c, trichYeu: `${c.trichYeu} (${label})` }));
      await call(backend, 'plan.issue', { id: office.plans.id });
    }
    await call(province, 'exchange.import', { base64: await exportFrom(a1) });
    await call(province, 'exchange.import', { base64: await exportFrom(a2) });
    const [conflict] = await call(province, 'exchange.conflicts', {});
    expect(conflict).toBeDefined();
    const communeId = (await call(a1, 'exchange.identity', {})).officeId;

    const on = '2099-01-01';
    const all = await call(province, 'task.list', { on, limit: 500 });
    const owned = await call(province, 'task.list', { on, owner: communeId, limit: 500 });
    const ours = await call(province, 'task.list', { on, owner: 'self', limit: 500 });
    expect(all.items.some((t) => t.planId === conflict!.copyId)).toBe(true);
    expect(owned.items.filter((t) => t.planId === conflict!.copyId).length).toBe(all.items.filter((t) => t.planId === conflict!.copyId).length);
    expect(owned.total + ours.total).toBe(all.total);
    expect((await call(province, 'task.filterOptions', {})).owners.map((o) => o.officeId)).toEqual([communeId]);
    const summary = await call(province, 'task.summary', { on });
    const ownedOverdue = summary.overdueByBody.filter((r) => r.owner?.officeId === communeId).reduce((n, r) => n + r.count, 0);
    expect(ownedOverdue).toBe(owned.items.filter((t) => t.status === 'overdue').length);
  });

  it('a conflict copy is listed, both versions retrievable, and resolved by choosing ours or theirs', async () => {
    const office = await officeOnTwoComputers(async (a) => [await draft(a, {}, { trichYeu: 'Kế hoạch một' }), await draft(a, {}, { trichYeu: 'Kế hoạch hai' })] as const);
    const { province, first: a1, second: a2 } = office;
    const [p1, p2] = office.plans;
    for (const [backend, label] of [[a1, 'máy 1'], [a2, 'máy 2']] as const) {
      for (const p of [p1, p2]) await edit(backend, await call(backend, 'plan.get', { id: p.id }), (c) => ({ ...c, trichYeu: `${c.trichYeu} (${label})` }));
    }
    await call(province, 'exchange.import', { base64: await exportFrom(a1) });
    await call(province, 'exchange.import', { base64: await exportFrom(a2) });
    const conflicts = await call(province, 'exchange.conflicts', {});
    expect(conflicts.map((c) => c.trichYeu).sort()).toEqual(['Kế hoạch hai (máy 2)', 'Kế hoạch một (máy 2)']);
    const c1 = conflicts.find((c) => c.planId === p1.id)!;
    const detail = await call(province, 'exchange.conflict', { copyId: c1.copyId });
    expect([detail.ours.content.trichYeu, detail.theirs.content.trichYeu]).toEqual(['Kế hoạch một (máy 1)', 'Kế hoạch một (máy 2)']);

    const theirs = await call(province, 'exchange.resolveConflict', { copyId: c1.copyId, keep: 'theirs' });
    expect(theirs.planId).toBe(p1.id);
    expect((await call(province, 'plan.get', { id: p1.id })).trichYeu).toBe('Kế hoạch một (máy 2)');
    const c2 = (await call(province, 'exchange.conflicts', {}))[0]!;
    await call(province, 'exchange.resolveConflict', { copyId: c2.copyId, keep: 'ours' });
    expect((await call(province, 'plan.get', { id: p2.id })).trichYeu).toBe('Kế hoạch hai (máy 1)');
    expect(await call(province, 'exchange.conflicts', {})).toEqual([]);
    expect((await callError(province, 'plan.get', { id: c2.copyId })).code).toBe('NOT_FOUND');
    expect((await call(province, 'plan.list', {})).items).toHaveLength(2);
    expect((await callError(province, 'exchange.resolveConflict', { copyId: c1.copyId, keep: 'ours' })).code).toBe('NOT_FOUND');
    expect(existsSync(office.firstDir)).toBe(true);
  });
});
