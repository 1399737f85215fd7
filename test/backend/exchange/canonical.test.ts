/** Canonical JSON (exchange/canonical.ts): the bytes a record's SHA-256 is taken over. */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/backend/exchange/canonical';
import { templateContent } from '../fixtures/plans';

/** The definition, spelled out: keys sorted by UTF-16 code units at every level, undefined members dropped. */
function reference(value: unknown): string {
  if (value === undefined || typeof value === 'function') return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('writes a plan record exactly as the definition does', () => {
    const record = { kind: 'plan', version: 3, owner: { officeId: 'a', name: 'Huyện ủy' }, content: templateContent('seed-02-tinh-uy-thuc-hien-chi-thi-35.json') };
    const text = canonicalJson(record);
    expect(text).toBe(reference(record));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('quotes keys that need escaping, sorts by code unit, drops undefined members and writes null for undefined items', () => {
    const odd = { 'b"q': 1, é: [undefined, () => 1, null, 'x\n', { z: 1, A: 2 }], a: undefined, '10': true, '9': 'chín', '': 0 };
    expect(canonicalJson(odd)).toBe(reference(odd));
    expect(canonicalJson(odd)).toBe('{"":0,"10":true,"9":"chín","b\\"q":1,"é":[null,null,null,"x\\n",{"A":2,"z":1}]}');
    expect(canonicalJson(odd)).toBe(canonicalJson(odd));
    for (const v of ['văn bản', 5, null, true, [], {}]) expect(canonicalJson(v)).toBe(reference(v));
    expect(canonicalJson(undefined)).toBe('null');
  });
});
