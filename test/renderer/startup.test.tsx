// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { resetStartNotice } from '../../renderer/src/app/StartNotice';
import { resetAfterStartup } from '../../renderer/src/api/afterStartup';
import { routes } from '../../renderer/src/app/routes';
import { preloadRoute } from '../../renderer/src/app/lazyPage';
import { hashPathname } from '../../renderer/src/app/pageLoaders';
import { startFirstReads } from '../../renderer/src/app/firstReads';
import { resetEarlyCalls } from '../../renderer/src/api/earlyCalls';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
  resetStartNotice();
  resetAfterStartup();
  resetEarlyCalls();
});
afterEach(() => {
  bridge.dispose();
  notifications.clean();
});

const channels = () => bridge.calls.map((c) => c.channel);

describe('opening the window', () => {
  it('the page it opens on is preloaded, so the Nhiệm vụ page asks for its tasks with the shell, not after a Suspense round', async () => {
    expect(hashPathname('#/tasks?statuses=overdue')).toBe('/tasks');
    expect(hashPathname('')).toBe('/');
    await preloadRoute(routes, '/tasks');
    await renderApp('/tasks');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(channels()).toContain('settings.get');
    expect(channels()).toContain('task.list');
  });

  it('a page that could not be preloaded still opens (React.lazy on demand)', async () => {
    await expect(preloadRoute(routes, '/no-such-page')).resolves.toBeUndefined();
    await renderApp('/directory');
    expect(await screen.findByRole('heading', { level: 2 }, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('what is overdue this week and the last backup are asked only once the page has its data', async () => {
    await renderApp('/plans');
    await waitFor(() => expect(channels()).toContain('task.summary'), { timeout: 10_000 });
    await waitFor(() => expect(channels()).toContain('backup.list'), { timeout: 10_000 });
    const list = channels().indexOf('plan.list');
    expect(list).toBeGreaterThanOrEqual(0);
    expect(channels().indexOf('plan.years')).toBeLessThan(channels().indexOf('task.summary'));
    expect(list).toBeLessThan(channels().indexOf('task.summary'));
    expect(list).toBeLessThan(channels().indexOf('backup.list'));
    expect(await screen.findByTestId('last-backup')).toBeInTheDocument();
  });

  it('asks for the page’s rows before React renders, first of all calls, and the page adopts that call instead of asking again', async () => {
    for (const [hash, path, rows] of [
      ['#/tasks?status=overdue', '/tasks?status=overdue', 'task.list'],
      ['#/plans', '/plans', 'plan.list'],
    ] as const) {
      bridge.calls.length = 0;
      resetEarlyCalls();
      startFirstReads(hash);
      const view = await renderApp(path);
      await waitFor(() => expect(channels()).toContain('settings.get'), { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(channels()[0], hash).toBe(rows); // answered first: asked before the shell's reads
      expect(channels().filter((c) => c === rows), hash).toHaveLength(1);
      if (rows === 'task.list') expect(bridge.calls[0]!.input).toMatchObject({ statuses: ['overdue'], offset: 0 });
      view.unmount();
    }
  });
});
