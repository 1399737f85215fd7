import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';
import { ComingLaterPage } from '../pages/ComingLaterPage';
import { NotFoundPage } from '../pages/NotFoundPage';

// Pages load on demand so the first paint ships only the shell.
const loadOverviewPage = () => import('../pages/overview/OverviewPage');
const OverviewPage = lazy(loadOverviewPage);
// Tổng quan is the start page: fetch its code at once, in parallel with the shell's first requests.
void loadOverviewPage();
const PlansPage = lazy(() => import('../pages/plans/PlansPage'));
const TasksPage = lazy(() => import('../pages/tasks/TasksPage'));
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
      { index: true, element: <Navigate to="/overview" replace /> },
      { path: 'overview', element: <OverviewPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:id', element: <PlanEditorPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'exchange', element: <ComingLaterPage feature="exchange" /> },
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
