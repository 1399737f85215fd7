/** The import review's pure parts: role groups for the colours, low-confidence fields, corrections applied. */
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/import/context';
import { PlanContent } from '../../shared/model';
import { flaggedFields, ROLE_GROUPS, roleGroup, withEdits } from '../../renderer/src/pages/plans/import/reviewModel';
import { seedContent } from '../backend/fixtures/plans';

describe('import review model', () => {
  it('every role but an empty line has a group in the legend', () => {
    for (const role of ROLES) {
      const group = roleGroup(role);
      if (role === 'empty') expect(group).toBeNull();
      else expect(ROLE_GROUPS).toContain(group);
    }
    expect(roleGroup('header-number')).toBe('header');
    expect(roleGroup('signature-name')).toBe('closing');
    expect(roleGroup('boilerplate')).toBe('dropped');
  });

  it('flags fields below 0.7, lowest first, with their text when they are one', () => {
    const plan = PlanContent.parse(seedContent());
    const flagged = flaggedFields(plan, { term: 0, 'header.number': 0.95, 'body.1': 0.4, trichYeu: 0.6 });
    expect(flagged.map((f) => [f.path, f.value === null ? null : typeof f.value])).toEqual([
      ['term', 'string'],
      ['body.1', null],
      ['trichYeu', 'string'],
    ]);
  });

  it('applies corrections of text fields to a copy', () => {
    const plan = PlanContent.parse(seedContent());
    const edited = withEdits(plan, { term: '2025-2030', 'header.issuer.name': 'HUYỆN ỦY X', 'body.0': 'not a text field' });
    expect(edited.term).toBe('2025-2030');
    expect(edited.header.issuer.name).toBe('HUYỆN ỦY X');
    expect(edited.body[0]).toEqual(plan.body[0]);
    expect(plan.term).not.toBe('2025-2030');
    expect(withEdits(plan, {})).toBe(plan);
  });
});
