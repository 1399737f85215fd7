/**
 * The page the window opens on starts loading before the first bundle has run (renderer/src/app/openingPage.ts): its
 * loader is found from the address by the same route paths routes.tsx uses.
 */
import { isValidElement } from 'react';
import { routes } from '../../renderer/src/app/routes';
import { hashPathname, pageLoaderOf, pageLoaders } from '../../renderer/src/app/pageLoaders';

describe('the loaders of the pages loaded on demand', () => {
  it('finds the page of an address, a fixed path before a parameter', () => {
    expect(pageLoaderOf(hashPathname('#/tasks?status=overdue'))).toBe(pageLoaders.tasks);
    expect(pageLoaderOf('/plans/import')).toBe(pageLoaders['plans/import']);
    expect(pageLoaderOf('/plans/0a1b')).toBe(pageLoaders['plans/:id']);
    expect(pageLoaderOf('/settings')).toBe(pageLoaders.settings);
    // Pages in the first bundle, and unknown addresses, have none.
    for (const path of ['/', '/plans', '/overview', '/plans/0a1b/x', '/nowhere']) expect(pageLoaderOf(path), path).toBeUndefined();
  });

  it('has a loader for every page routes.tsx loads on demand, under the same path', () => {
    const shell = routes.find((r) => r.path === '/')!;
    const onDemand = (shell.children ?? [])
      .filter((r) => isValidElement(r.element) && typeof (r.element.type as { preload?: unknown }).preload === 'function')
      .map((r) => r.path);
    expect(onDemand.sort()).toEqual(Object.keys(pageLoaders).sort());
  });
});
