import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../electron/backend';
import { Plan, TemplateFile } from '../../shared/model';
import { idsIn, templatesDir } from './fixtures/plans';
import { profile } from './fixtures/profile';
import { call, callError, cleanup, openBackend, tempDir } from './helpers';

afterEach(cleanup);

const shipped = readdirSync(templatesDir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, template: TemplateFile.parse(JSON.parse(readFileSync(join(templatesDir, file), 'utf8'))) }));

describe('template.list', () => {
  it('lists every shipped template', async () => {
    const backend = openBackend();
    const list = await call(backend, 'template.list', {});
    expect(shipped.length).toBeGreaterThan(0);
    expect(list.map((t) => t.id).sort()).toEqual(shipped.map((s) => s.template.id).sort());
    for (const t of list) expect(t.name.length).toBeGreaterThan(0);
  });
});

describe('template.instantiate', () => {
  it.each(shipped.map((s) => [s.file, s.template] as const))('%s becomes a new draft with fresh ids', async (_file, template) => {
    const backend = openBackend();
    const plan = await call(backend, 'template.instantiate', { templateId: template.id });
    expect(Plan.safeParse(plan).success).toBe(true);
    expect([plan.status, plan.revision]).toEqual(['draft', 1]);
    expect(plan.trichYeu).toBe(template.content.trichYeu);
    expect(plan.header.number).toBe(''); // numbers come from the office's register, never from a sample
    const templateIds = idsIn(template.content);
    for (const id of idsIn(plan)) expect(templateIds.has(id)).toBe(false);
    expect((await call(backend, 'plan.revisions', { id: plan.id })).items[0]!.reason).toBe('create');
    const second = await call(backend, 'template.instantiate', { templateId: template.id });
    expect(second.id).not.toBe(plan.id);
    if (template.kind === 'seed') expect(plan.header.issuer).toEqual(template.content.header.issuer);
  });

  it('fills a blank template from the office profile', async () => {
    const blank = shipped.find((s) => s.template.fillIssuerFromProfile)!;
    expect(blank).toBeDefined();
    const backend = openBackend();
    await call(backend, 'org.saveSelf', profile);
    const plan = await call(backend, 'template.instantiate', { templateId: blank.template.id });
    expect(plan.header.issuer).toEqual(profile.issuer);
    expect(plan.header.place).toBe(profile.place);
    expect(plan.signature).toEqual(profile.signature);
    expect(plan.term).toBe('2020-2025');
    expect(plan.header.date.year).toBe(String(new Date().getFullYear()));
    if (/^Lưu/.test(blank.template.content.recipients.at(-1)?.text ?? '')) expect(plan.recipients.at(-1)!.text).toBe(profile.archiveRecipient);
  });

  it('a chi bộ office starting from the Đảng ủy xã template, keeping its text, is warned that the text speaks of another level', async () => {
    const backend = openBackend();
    await call(backend, 'org.saveSelf', {
      ...profile,
      issuer: { higherLines: ['ĐẢNG BỘ XÃ TÂN LẬP'], name: 'CHI BỘ TRƯỜNG TIỂU HỌC', symbol: 'CBTH' },
      level: 'chi-bo',
      signature: { authority: 'T/M', body: 'CHI BỘ', title: 'BÍ THƯ', signer: 'Nguyễn Thị Hoa' },
      archiveRecipient: 'Lưu Chi bộ',
    });
    const xa = shipped.find((s) => s.file === 'blank-dang-uy-xa.json')!;
    const plan = await call(backend, 'template.instantiate', { templateId: xa.template.id });
    expect(plan.header.issuer.name).toBe('CHI BỘ TRƯỜNG TIỂU HỌC');
    expect(plan.canCu.lead).toBe(xa.template.content.canCu.lead);
    const { id, status: _s, revision: _r, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content } = plan;
    const levels = (await call(backend, 'plan.lint', { id, content })).filter((f) => f.rule.startsWith('level.'));
    expect(levels.map((f) => f.rule)).toEqual(['level.lead', 'level.recipient', 'level.recipient', 'level.duty', 'level.duty']);
    expect(levels.every((f) => f.severity === 'warning')).toBe(true);
    expect(levels[0]!.message).toContain('nhưng câu dẫn nói kế hoạch do cấp đảng ủy ban hành ("Ban Thường vụ Đảng ủy ban hành …")');
  });

  it('answers NOT_FOUND for an unknown template and writes nothing', async () => {
    const backend = openBackend();
    expect((await callError(backend, 'template.instantiate', { templateId: 'khong-co' })).code).toBe('NOT_FOUND');
    expect((await callError(backend, 'template.instantiate', { templateId: '' })).code).toBe('VALIDATION');
    expect((await call(backend, 'plan.list', {})).total).toBe(0);
  });

  it('reads templates from the resourcesDir given, leaving out a file that does not validate', async () => {
    const resources = tempDir('kehoach-resources-');
    mkdirSync(join(resources, 'templates'));
    const good = { ...shipped[0]!.template, id: 'mau-rieng', name: 'Mẫu riêng của văn phòng' };
    writeFileSync(join(resources, 'templates', 'a.json'), JSON.stringify(good));
    writeFileSync(join(resources, 'templates', 'b.json'), JSON.stringify({ ...good, id: 'hong', kind: 'khac' }));
    writeFileSync(join(resources, 'templates', 'c.json'), '{ not json');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const backend = createBackend({ dataDir: tempDir(), resourcesDir: resources });
    try {
      expect((await call(backend, 'template.list', {})).map((t) => t.id)).toEqual(['mau-rieng']);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('b.json'));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('c.json'));
      const plan = await call(backend, 'template.instantiate', { templateId: 'mau-rieng' });
      expect((await call(backend, 'plan.list', {})).items.map((p) => p.id)).toEqual([plan.id]);
    } finally {
      backend.close();
      warn.mockRestore();
    }
  });
});
