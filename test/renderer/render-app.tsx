/**
 * Render the real app (providers + routes) at a hash path, over whatever window.kehoach is installed
 * (use installRealBridge first). Mantine runs with env="test": no transitions, no portals.
 */
import './jsdom-setup';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../renderer/src/app/AppProviders';
import { routes } from '../../renderer/src/app/routes';
import { applyLanguage } from '../../renderer/src/i18n';

export async function renderApp(path: string) {
  await applyLanguage('vi');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, user };
}
