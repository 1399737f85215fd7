// First: the page the window opens on starts loading while the rest of this bundle is evaluated.
import './app/openingPage';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './app/focus.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { routes } from './app/routes';
import { preloadRoute } from './app/lazyPage';
import { hashPathname } from './app/pageLoaders';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// The page the window opens on renders with the shell, without a Suspense round (see lazyPage).
void preloadRoute(routes, hashPathname(window.location.hash)).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
