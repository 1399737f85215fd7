import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';
import { NotFoundPage } from '../pages/NotFoundPage';
// The pages a window opens on are in the first bundle and render with the shell: Tổng quan (the start page) and the
// plans list. A page loaded on demand suspends once, and React then holds the revealed Suspense boundary back for its
// fallback throttle (about 300 ms) before the page may even ask for its data.
import OverviewPage from '../pages/overview/OverviewPage';
import PlansPage from '../pages/plans/PlansPage';

import { lazyPage } from './lazyPage';
import { pageLoaders } from './pageLoaders';
import { loadNamespaces } from '../i18n';

// The other pages load on demand; the one a window opens on is preloaded before the first render (main.tsx).
const TasksPage = lazyPage(pageLoaders.tasks);
// The editor's texts (and its preview's) are a namespace of their own, loaded with its code.
const PlanEditorPage = lazyPage(() => Promise.all([pageLoaders['plans/:id'](), loadNamespaces('editor')]).then(([page]) => page));
const DirectoryPage = lazyPage(pageLoaders.directory);
const SettingsPage = lazyPage(pageLoaders.settings);
const RegisterPage = lazyPage(pageLoaders.register);
const PrintPage = lazy(() => import('../pages/print/PrintPage'));
const ImportPage = lazyPage(pageLoaders['plans/import']);
const ExchangePage = lazyPage(pageLoaders.exchange);

export const routes: RouteObject[] = [
  // The printout alone, without the app shell (used by `npm run kehoach -- pdf`).
  { path: '/print/:id', element: (<Suspense fallback={null}><PrintPage /></Suspense>), errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      { path: 'overview', element: <OverviewPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/import', element: <ImportPage /> },
      { path: 'plans/:id', element: <PlanEditorPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'exchange', element: <ExchangePage /> },
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
