import { Plan } from '../../../shared/model';
import { initDraft, isReadOnly } from '../../../renderer/src/editor/state/draft';
import { minimalContent } from '../../backend/fixtures/plans';

const stored = (extra: Partial<Plan> = {}): Plan =>
  Plan.parse({
    ...minimalContent(),
    id: '7f1c2b9e-4d1a-4c55-9a53-0c1e6f0d2a11',
    status: 'draft',
    revision: 1,
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    deletedAt: null,
    ...extra,
  });

describe('what the editor lets her type into', () => {
  it("our own draft is editable, our issued plan is not", () => {
    expect(isReadOnly(initDraft(stored()))).toBe(false);
    expect(isReadOnly(initDraft(stored({ status: 'issued' })))).toBe(true);
  });

  it('a draft received from another office is read-only: the store refuses its saves', () => {
    const origin = { officeId: 'office-xa-binh-lu', name: 'Đảng ủy xã Bình Lư', version: 3, conflictOf: null, receivedAt: '2025-02-01T00:00:00.000Z' };
    expect(isReadOnly(initDraft(stored({ origin })))).toBe(true);
  });
});
