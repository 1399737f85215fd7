import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { AppProviders } from './AppProviders';
import { routes } from './routes';

export function App() {
  // Hash routing: the page is loaded from a file in the packaged app.
  const [router] = useState(() => createHashRouter(routes));
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
