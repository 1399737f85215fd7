// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { resetStartNotice } from '../../renderer/src/app/StartNotice';
import { routes } from '../../renderer/src/app/routes';
import { hashPathname, preloadRoute } from '../../renderer/src/app/lazyPage';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
  resetStartNotice();
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
});
