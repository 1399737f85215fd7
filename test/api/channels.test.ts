/**
 * The contract's own rules: every channel is a query or a command, every command names what it makes stale (in the
 * invalidation map, `shared/api/invalidation.ts`), and what it names are query channels. `contractProblems` is run on the real map and on broken ones (so the rules can fail).
 */
import { z } from 'zod';
import { channels, features, invalidatedBy, invalidations, leftAlone, parseCall, type ChannelMap } from '../../shared/api';

type Invalidations = Readonly<Record<string, readonly string[]>>;
type LeftAlone = Readonly<Record<string, Readonly<Record<string, string | undefined>> | undefined>>;

/** The rules on the contract and its invalidation map (`shared/api/invalidation.ts`), as readable problems. */
function contractProblems(map: ChannelMap, invalidates: Invalidations, leaves: LeftAlone = {}): string[] {
  const problems: string[] = [];
  const isQuery = (name: string) => Object.hasOwn(map, name) && map[name]!.kind === 'query';
  for (const [name, def] of Object.entries(map)) {
    const raw = def as unknown as Record<string, unknown>;
    if (raw.kind !== 'query' && raw.kind !== 'command') {
      problems.push(`${name}: neither query nor command`);
      continue;
    }
    if (raw.kind === 'command' && !Object.hasOwn(invalidates, name)) problems.push(`${name}: a command must declare what it invalidates`);
  }
  for (const [name, targets] of Object.entries(invalidates)) {
    if (!Object.hasOwn(map, name)) problems.push(`${name}: invalidations for an unknown channel`);
    else if (map[name]!.kind !== 'command') problems.push(`${name}: a query invalidates nothing`);
    for (const target of targets) if (!isQuery(target)) problems.push(`${name}: invalidates ${target}, not a query`);
  }
  for (const [name, kept] of Object.entries(leaves)) {
    for (const [target, why] of Object.entries(kept ?? {})) {
      if (!isQuery(target)) problems.push(`${name}: leaves alone ${target}, not a query`);
      if ((invalidates[name] ?? []).includes(target)) problems.push(`${name}: both invalidates and leaves alone ${target}`);
      if (!why?.trim()) problems.push(`${name}: leaves ${target} alone without a reason`);
    }
  }
  return problems;
}

const s = z.object({});

describe('the contract', () => {
  it('declares every channel as a query or a command, every command names what it invalidates, and only queries', () => {
    expect(contractProblems(channels, invalidations, leftAlone)).toEqual([]);
  });

  it('refuses a command that declares nothing, an invalidation of a command or an unknown channel, a kindless channel', () => {
    const broken = {
      'x.get': { kind: 'query', input: s, output: s },
      'x.save': { kind: 'command', input: s, output: s },
      'x.remove': { kind: 'command', input: s, output: s },
      'x.keep': { kind: 'command', input: s, output: s },
      'x.odd': { input: s, output: s },
    } as unknown as ChannelMap;
    const brokenInvalidations = { 'x.get': [], 'x.remove': ['x.save', 'x.gone'], 'x.keep': ['x.get'], 'x.lost': [] };
    expect(contractProblems(broken, brokenInvalidations, { 'x.keep': { 'x.get': 'because', 'x.save': ' ' } })).toEqual([
      'x.save: a command must declare what it invalidates',
      'x.odd: neither query nor command',
      'x.get: a query invalidates nothing',
      'x.remove: invalidates x.save, not a query',
      'x.remove: invalidates x.gone, not a query',
      'x.lost: invalidations for an unknown channel',
      'x.keep: both invalidates and leaves alone x.get',
      'x.keep: leaves alone x.save, not a query',
      'x.keep: leaves x.save alone without a reason',
    ]);
  });

  it('names channels feature.action, each in exactly one feature file', () => {
    const perFeature = Object.values(features).flatMap((m) => Object.keys(m));
    expect(perFeature.sort()).toEqual(Object.keys(channels).sort());
    expect(new Set(perFeature).size).toBe(perFeature.length);
    for (const name of perFeature) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
  });

  it('makes every view of a plan stale after its status changes (reopen, issue, number, restore a revision)', () => {
    for (const command of ['plan.reopen', 'plan.issue', 'plan.allocateNumber', 'plan.restoreRevision'] as const) {
      expect(invalidatedBy(command), command).toEqual(expect.arrayContaining(['plan.list', 'plan.get', 'plan.revisions']));
    }
  });

  it('plan.save leaves plan.get alone on purpose (the editor owns the open plan), and says so', () => {
    expect(invalidatedBy('plan.save')).toEqual(expect.arrayContaining(['plan.list', 'plan.revisions']));
    expect(invalidatedBy('plan.save')).not.toContain('plan.get');
    expect(leftAlone['plan.save']?.['plan.get']).toMatch(/editor/);
  });

  it('classifies the computations that store nothing as queries', () => {
    for (const name of ['plan.lint', 'plan.renderDocx', 'plan.getRevision', 'app.info'] as const) expect(channels[name].kind).toBe('query');
    expect(invalidatedBy('plan.lint')).toEqual([]);
  });
});

describe('parseCall (main and the backend check calls with it)', () => {
  it('returns the parsed input, defaults filled, a missing input counting as {}', () => {
    expect(parseCall('plan.list', undefined)).toEqual({ ok: true, channel: 'plan.list', input: { query: '', deleted: false, offset: 0, limit: 50 } });
    expect(parseCall('app.info', null)).toEqual({ ok: true, channel: 'app.info', input: {} });
  });

  it('refuses an unknown channel, inherited names included, and a bad input with the field named', () => {
    for (const name of ['plan.drop', 'toString', '__proto__', 42]) expect(parseCall(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(parseCall('org.remove', { id: '12' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', message: 'Dữ liệu không hợp lệ (trường id): Mã định danh không hợp lệ' }),
    });
  });
});
