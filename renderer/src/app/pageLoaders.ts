/**
 * The code of the pages loaded on demand, by their route path in routes.tsx. main.tsx imports this module first, so
 * it runs before the rest of the first bundle: `startPageLoad` asks for the page the window opens on while the shell's
 * code is still being evaluated, instead of after it (preloadRoute then only waits for it). No imports here: anything
 * imported would run before it.
 */
export const pageLoaders = {
  tasks: () => import('../pages/tasks/TasksPage'),
  'plans/:id': () => import('../editor/PlanEditorPage'),
  'plans/import': () => import('../pages/plans/import/ImportPage'),
  directory: () => import('../pages/directory/DirectoryPage'),
  settings: () => import('../pages/settings/SettingsPage'),
  register: () => import('../pages/register/RegisterPage'),
  exchange: () => import('../pages/exchange/ExchangePage'),
} as const;

/** The route path of a hash address: "#/tasks?x=1" → "/tasks". */
export const hashPathname = (hash: string): string => hash.replace(/^#/u, '').split(/[?#]/u)[0] || '/';

/** The loader whose route path matches `pathname` (a static segment before a parameter), if any. */
export function pageLoaderOf(pathname: string): (() => Promise<unknown>) | undefined {
  const segments = pathname.split('/').filter(Boolean);
  const matches = (route: string) => {
    const parts = route.split('/');
    return parts.length === segments.length && parts.every((part, i) => part.startsWith(':') || part === segments[i]);
  };
  const routes = Object.keys(pageLoaders) as (keyof typeof pageLoaders)[];
  const route = routes.find((r) => !r.includes(':') && matches(r)) ?? routes.find(matches);
  return route && pageLoaders[route];
}

/** Starts loading the code of the page at `hash` (a failure is left to the route's own load). */
export function startPageLoad(hash: string): void {
  pageLoaderOf(hashPathname(hash))?.().catch(() => undefined);
}
