/**
 * The app over the real backend on a fixed day, fresh for each test of a file: a new data folder with the backend's
 * clock at `today`, the notice at app open not yet shown; closed, with its notifications cleared, after each test.
 *
 *   const session = appOnDay(Date.UTC(2025, 2, 25, 3));
 *   await planFromSeed(session.bridge, /đại hội điểm/i);
 */
import { notifications } from '@mantine/notifications';
import type { Plan } from '../../shared/model';
import { resetStartNotice } from '../../renderer/src/app/StartNotice';
import { installRealBridge, type RealBridge } from './real-bridge';

export function appOnDay(today: number): { readonly bridge: RealBridge } {
  let bridge: RealBridge | undefined;
  beforeEach(() => {
    bridge = installRealBridge({ clock: () => today });
    resetStartNotice();
  });
  afterEach(() => {
    bridge?.dispose();
    bridge = undefined;
    notifications.clean();
  });
  return {
    get bridge() {
      if (!bridge) throw new Error('the backend opens before each test');
      return bridge;
    },
  };
}

/** The seed template whose name matches `pattern`, instantiated, numbered and issued (or left a draft). */
export async function planFromSeed(bridge: RealBridge, pattern: RegExp, issue = true): Promise<Plan> {
  const seed = (await bridge.call('template.list', {})).find((x) => x.kind === 'seed' && pattern.test(x.name))!;
  const plan = await bridge.call('template.instantiate', { templateId: seed.id });
  if (!issue) return plan;
  await bridge.call('plan.allocateNumber', { id: plan.id });
  return bridge.call('plan.issue', { id: plan.id });
}
