import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';
import { ComingLaterPage } from '../pages/ComingLaterPage';
import { NotFoundPage } from '../pages/NotFoundPage';

// Pages load on demand so the first paint ships only the shell.
const loadPlansPage = () => import('../pages/plans/PlansPage');
const PlansPage = lazy(loadPlansPage);
// The plans list is the start page: fetch its code at once, in parallel with the shell's first requests.
void loadPlansPage();
const PlanEditorPage = lazy(() => import('../editor/PlanEditorPage'));
const DirectoryPage = lazy(() => import('../pages/directory/DirectoryPage'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage'));
const RegisterPage = lazy(() => import('../pages/register/RegisterPage'));
const PrintPage = lazy(() => import('../pages/print/PrintPage'));

export const routes: RouteObject[] = [
  // The printout alone, without the app shell (used by `npm run kehoach -- pdf`).
  { path: '/print/:id', element: (<Suspense fallback={null}><PrintPage /></Suspense>), errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/plans" replace /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:id', element: <PlanEditorPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'tasks', element: <ComingLaterPage feature="tasks" /> },
      { path: 'exchange', element: <ComingLaterPage feature="exchange" /> },
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
