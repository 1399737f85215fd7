/**
 * Opens the real plan editor (real routes, real backend in a temp folder) on a plan made from a template.
 * Helpers read the stored plan back through the backend, so a test sees what autosave really wrote.
 */
import { screen, waitFor } from '@testing-library/react';
import type { Plan, PlanSaveInput } from '../../../shared/model';
import type { TemplateSummary } from '../../../shared/api';
import { installRealBridge, type RealBridge } from '../real-bridge';
import { renderApp } from '../render-app';

export type TemplatePick = (t: TemplateSummary, index: number, all: TemplateSummary[]) => boolean;
export const blankHuyenUy: TemplatePick = (t) => t.kind === 'blank' && /Huyện ủy/i.test(t.name);
/** The n-th seed template (1: Huyện ủy pilot congresses, 2: Tỉnh ủy Chỉ thị 35, 3: BTCTW delegations). */
export const seedNumber =
  (n: number): TemplatePick =>
  (t, i, all) =>
    t === all.filter((x) => x.kind === 'seed')[n - 1];

export async function createPlan(bridge: RealBridge, pick: TemplatePick, patch?: (p: Plan) => Partial<PlanSaveInput>): Promise<Plan> {
  const templates = await bridge.call('template.list', {});
  const template = templates.find(pick);
  if (!template) throw new Error(`no template matches; have ${templates.map((x) => x.id).join(', ')}`);
  let plan = await bridge.call('template.instantiate', { templateId: template.id });
  if (patch) plan = await bridge.call('plan.save', { ...plan, ...patch(plan), baseRevision: plan.revision });
  return plan;
}

export async function openEditor(bridge: RealBridge, plan: Plan) {
  const view = await renderApp(`/plans/${plan.id}`);
  await screen.findByRole('tab', { name: 'Thông tin chung' }, { timeout: 10_000 });
  return view;
}

export const storedPlan = (bridge: RealBridge, id: string) => bridge.call('plan.get', { id });

/** Wait until the stored plan satisfies `check` (autosave stores within about a second). */
export async function untilStored(bridge: RealBridge, id: string, check: (p: Plan) => void, timeout = 4000): Promise<Plan> {
  let last: Plan | undefined;
  await waitFor(
    async () => {
      last = await storedPlan(bridge, id);
      check(last);
    },
    { timeout, interval: 100 },
  );
  return last as Plan;
}

export { installRealBridge, type RealBridge };

/**
 * Wait until autosave has settled (every edit sent) and say how: 'saved' (everything shown is stored) or 'held'
 * (saved, except the fields the status names).
 */
export async function settledSave(timeout = 6000): Promise<'saved' | 'held'> {
  let kind = '';
  await waitFor(
    () => {
      kind = screen.getByTestId('save-status').getAttribute('data-status') ?? '';
      expect(['saved', 'held']).toContain(kind);
    },
    { timeout, interval: 100 },
  );
  return kind as 'saved' | 'held';
}
