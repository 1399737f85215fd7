/**
 * Every channel's answer matches its output schema. `call` (helpers.ts) checks each answer against
 * `channels[c].output` after a JSON round trip; this file drives every channel once, through the real backend, and
 * fails if a channel of the contract was never checked.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../shared/api';
import { isFileChannel } from '../../shared/api/file';
import { minimalContent, seedContent } from './fixtures/plans';
import { profile } from './fixtures/profile';
import { cpSync } from 'node:fs';
import { contentOf } from '../../electron/backend/repositories/plans';
import { call, checkOutput, cleanup, openBackend, outputChecked, tempDir } from './helpers';

afterAll(cleanup);

describe('every output matches the contract', () => {
  const backend = openBackend();

  it('app, org and settings', async () => {
    await call(backend, 'app.info', {});
    expect(await call(backend, 'org.getSelf', {})).toBeNull();
    await call(backend, 'org.saveSelf', profile);
    expect(await call(backend, 'org.getSelf', {})).toMatchObject({ place: 'Điện Biên' });
    const unit = await call(backend, 'org.save', { name: 'Ban Tổ chức Huyện ủy', shortName: 'BTC', kind: 'ban-dang' });
    expect(await call(backend, 'org.list', {})).toHaveLength(1);
    await call(backend, 'org.remove', { id: unit.id });
    await call(backend, 'settings.get', {});
    await call(backend, 'settings.set', { largeText: true, recipientPresets: ['Thường trực Tỉnh ủy (b/c)'] });
  });

  it('templates and the life of a plan', async () => {
    const [first] = await call(backend, 'template.list', {});
    const fromTemplate = await call(backend, 'template.instantiate', { templateId: first!.id });
    const plan = await call(backend, 'plan.save', { ...seedContent(), id: fromTemplate.id, baseRevision: fromTemplate.revision });
    await call(backend, 'plan.lint', { content: minimalContent({ recipients: [] }) });
    await call(backend, 'plan.get', { id: plan.id });
    expect((await call(backend, 'plan.list', { query: '' })).total).toBe(1);
    expect(await call(backend, 'plan.years', {})).toHaveLength(1);
    await call(backend, 'plan.allocateNumber', { id: plan.id });
    expect((await call(backend, 'register.list', {})).entries).toHaveLength(1);
    await call(backend, 'plan.issue', { id: plan.id });
    await call(backend, 'plan.archive', { id: plan.id });
    await call(backend, 'plan.unarchive', { id: plan.id });
    await call(backend, 'plan.reopen', { id: plan.id });
    const history = await call(backend, 'plan.revisions', { id: plan.id });
    const issued = history.items.find((r) => r.reason === 'issue')!;
    await call(backend, 'plan.getRevision', { id: plan.id, revision: issued.revision });
    expect(await call(backend, 'plan.damagedRevisions', { id: plan.id })).toEqual({ items: [] });
    await call(backend, 'plan.restoreRevision', { id: plan.id, revision: issued.revision });
    const docx = await call(backend, 'plan.renderDocx', { id: plan.id });
    expect(docx.fileName).toMatch(/\.docx$/);
    const copy = await call(backend, 'plan.duplicate', { id: plan.id });
    await call(backend, 'plan.remove', { id: copy.id });
    await call(backend, 'plan.restore', { id: copy.id });
    const report = await call(backend, 'report.draft', { planIds: [plan.id] });
    expect((await call(backend, 'report.ofPlan', { id: plan.id })).items.map((r) => r.id)).toEqual([report.id]);
  });

  it('import: read a pasted plan, create it', async () => {
    const text = ['HUYỆN ỦY ĐIỆN BIÊN', '*', 'Số 12-KH/HU', 'Điện Biên, ngày 10 tháng 3 năm 2025', 'KẾ HOẠCH', 'tuyên truyền', 'I. MỤC ĐÍCH', 'Tuyên truyền sâu rộng.', 'Nơi nhận:', '- Lưu.', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Văn An'].join('\n');
    const read = await call(backend, 'plan.recognise', { source: { kind: 'text', text } });
    await call(backend, 'plan.import', { content: read.plan, status: 'draft', source: { kind: 'paste', name: '' } });
  });

  it('tasks: list, one, dashboard, timeline, preview, report with evidence, facts, export', async () => {
    const { items } = await call(backend, 'task.list', { on: '2025-01-05' });
    const task = items.find((t) => t.source === 'pilotUnit')!;
    await call(backend, 'task.get', { id: task.id });
    await call(backend, 'task.summary', { on: '2025-01-05' });
    expect((await call(backend, 'task.timeline', { on: '2025-01-05' })).plans.length).toBeGreaterThan(0);
    await call(backend, 'task.preview', { planId: task.planId });
    await call(backend, 'task.filterOptions', {});
    const text = Buffer.from('Biên bản họp chi ủy.\n', 'utf8').toString('base64');
    const report = await call(backend, 'task.addReport', { taskId: task.id, date: '2025-01-06', text: 'Đã họp.', files: [{ name: 'bien-ban.txt', base64: text }] });
    await call(backend, 'task.evidence', { sha256: report.files[0]!.sha256 });
    await call(backend, 'task.setState', { taskId: task.id, action: 'start', date: '2025-01-06' });
    await call(backend, 'task.exportXlsx', { on: '2025-01-05' });
  });

  it('backups: list, take, inspect, export, read a .khbak back, restore', async () => {
    const taken = await call(backend, 'backup.create', {});
    expect((await call(backend, 'backup.list', {})).items.map((b) => b.name)).toContain(taken.name);
    expect(await call(backend, 'backup.secretPlans', {})).toEqual({ secretPlans: false });
    expect((await call(backend, 'backup.inspect', { name: taken.name })).refusal).toBeNull();
    expect(await call(backend, 'backup.recovery', {})).toEqual({ damaged: false });
    const file = await call(backend, 'backup.exportFile', {});
    expect(file.fileName).toMatch(/\.khbak$/);
    const staged = await call(backend, 'backup.stageFile', { base64: file.base64 });
    if (!staged.staged) throw new Error('not staged');
    await call(backend, 'backup.restore', { source: { from: 'file', id: staged.id } });
  });

  it('exchange: identity, key cards, trust list, export, inspect, import, the logs', async () => {
    const other = openBackend();
    await call(backend, 'exchange.identity', {});
    const card = await call(other, 'exchange.exportKeyCard', {});
    expect((await call(backend, 'exchange.checkKeyCards', { files: [card] }))[0]!.verdict).toBe('new');
    await call(backend, 'exchange.enrolKeyCards', { files: [card] });
    const [office] = await call(backend, 'exchange.trustList', {});
    await call(backend, 'exchange.linkOrg', { officeId: office!.officeId, orgId: null });
    await call(other, 'plan.save', { ...minimalContent(), id: crypto.randomUUID(), baseRevision: null });
    const pkg = await call(other, 'exchange.exportPackage', {});
    expect(await call(other, 'exchange.packageWritten', { packageId: pkg.packageId })).toEqual({ logged: false });
    expect((await call(backend, 'exchange.inspect', { base64: pkg.base64 })).opened).toBe(true);
    await call(backend, 'exchange.import', { base64: pkg.base64 });
    expect((await call(backend, 'exchange.importMany', { packages: [{ fileName: 'a.khx', base64: pkg.base64 }] })).results[0]!.outcome).toBe('alreadyImported');
    expect(await call(backend, 'exchange.incoming', {})).toHaveLength(1);
    expect(await call(backend, 'exchange.log', {})).toHaveLength(1);
    expect(await call(backend, 'exchange.conflicts', {})).toEqual([]);
    // The other office's plan changed in two installations: a conflict copy, compared and resolved.
    const twinDir = tempDir();
    other.close();
    cpSync(other.dataDir, twinDir, { recursive: true });
    const [one, twin] = [openBackend(other.dataDir), openBackend(twinDir)];
    for (const [b, text] of [[one, 'Bản một'], [twin, 'Bản hai']] as const) {
      const [p] = (await call(b, 'plan.list', {})).items;
      const plan = await call(b, 'plan.get', { id: p!.id });
      await call(b, 'plan.save', { ...contentOf(plan), trichYeu: text, id: plan.id, baseRevision: plan.revision });
      await call(backend, 'exchange.import', { base64: (await call(b, 'exchange.exportPackage', {})).base64 });
    }
    const [conflict] = await call(backend, 'exchange.conflicts', {});
    await call(backend, 'exchange.conflict', { copyId: conflict!.copyId });
    await call(backend, 'exchange.resolveConflict', { copyId: conflict!.copyId, keep: 'theirs' });
    const [ownPlan] = (await call(backend, 'plan.list', {})).items.filter((p) => !p.owner);
    await call(backend, 'exchange.reportGrid', { planId: ownPlan!.id });
    await call(backend, 'exchange.revokeKey', { officeId: office!.officeId });
    await call(backend, 'exchange.replaceKey', {});
  });

  it('refuses an answer outside the schema', () => {
    expect(() => checkOutput('app.info', { name: 'KẾ HOẠCH Desk' })).toThrow(/app\.info answered outside its output schema/);
    expect(() => checkOutput('org.remove', { ok: false })).toThrow(/org\.remove/);
  });

  it('has checked the output of every channel the backend answers', () => {
    // The file channels are main's own (test/electron/files.test.ts): the backend refuses them.
    const never = (Object.keys(channels) as Channel[]).filter((c) => !isFileChannel(c) && !outputChecked.has(c));
    expect(never).toEqual([]);
  });
});
