import { describe, expect, it } from 'vitest';
import { renewIds } from '../../shared/model/renew-ids';

describe('renewIds', () => {
  it('gives every id a new one, moves references along and keeps directory links', () => {
    let n = 0;
    const next = () => `new-${++n}`;
    const content = {
      pilotUnits: [{ id: 'u1', orgId: 'org-1' }, { id: 'u2', orgId: null }],
      body: [{ kind: 'section', id: 's1', children: [{ kind: 'pilotSchedule', id: 'ps', unitIds: ['u2', 'u1', 'outside'] }] }],
    };
    const renewed = renewIds(content, next);
    expect(renewed.pilotUnits.map((u) => u.id)).toEqual(['new-1', 'new-2']);
    expect(renewed.pilotUnits[0]!.orgId).toBe('org-1');
    expect(renewed.body[0]!.children[0]).toEqual({ kind: 'pilotSchedule', id: 'new-4', unitIds: ['new-2', 'new-1', 'outside'] });
    expect(content.pilotUnits[0]!.id).toBe('u1');
  });
});
