import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, fileChannels, isFileChannel } from '../../shared/api';
import { lintPlan } from '../../shared/lint';
import { PlanContent } from '../../shared/model';
import { minimalContent, seedContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend } from './helpers';

afterEach(cleanup);

const byIdChannels = ['plan.get', 'plan.remove', 'plan.restore', 'plan.duplicate', 'plan.revisions', 'plan.allocateNumber', 'plan.issue', 'plan.renderDocx', 'org.remove'] as const;

describe('the contract through invoke', () => {
  it('has a handler for every channel of the contract but the file channels, which main answers', () => {
    const backend = openBackend();
    expect(Object.keys(backend.handlers).sort()).toEqual(Object.keys(channels).filter((c) => !isFileChannel(c)).sort());
    expect(Object.keys(fileChannels).length).toBeGreaterThan(0);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const backend = openBackend();
    expect(await callError(backend, 'plan.drop', {})).toMatchObject({ code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('plan.drop') });
    expect((await callError(backend, 'toString', {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it.each(byIdChannels)('%s: a bad id is a VALIDATION error naming the field; an unknown one is NOT_FOUND', async (channel) => {
    const backend = openBackend();
    const bad = await callError(backend, channel, { id: '12' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toBe('Dữ liệu không hợp lệ (trường id): Mã định danh không hợp lệ');
    expect((await callError(backend, channel, {})).code).toBe('VALIDATION');
    expect((await callError(backend, channel, { id: randomUUID(), extra: true })).code).toBe('VALIDATION');
    const missing = await callError(backend, channel, { id: randomUUID() });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toMatch(/^Không tìm thấy/);
  });

  it('refuses bad list and revision inputs', async () => {
    const backend = openBackend();
    for (const input of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { status: 'xoa' }, { year: 1800 }, { query: 'x'.repeat(201) }, { sort: 'name' }]) {
      expect((await callError(backend, 'plan.list', input)).code, JSON.stringify(input)).toBe('VALIDATION');
    }
    expect((await callError(backend, 'plan.getRevision', { id: randomUUID(), revision: -1 })).message).toContain('trường revision');
    expect((await callError(backend, 'plan.save', null)).code).toBe('VALIDATION');
    expect((await callError(backend, 'plan.save', 'plan')).code).toBe('VALIDATION');
  });

  it('plan.lint runs the shared lint rules on the content sent', async () => {
    const backend = openBackend();
    for (const content of [seedContent(), minimalContent({ recipients: [] })]) {
      expect(await call(backend, 'plan.lint', { content })).toEqual(lintPlan(PlanContent.parse(content)));
    }
    expect((await callError(backend, 'plan.lint', { content: { trichYeu: 'x' } })).code).toBe('VALIDATION');
  });
});
