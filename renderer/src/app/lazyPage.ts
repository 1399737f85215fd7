import { createElement, isValidElement, lazy, useState, type ComponentType } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';

type PageModule = { default: ComponentType };

/** A page loaded on demand; `preload()` fetches its module ahead of the first render. */
export type LazyPage = ComponentType & { preload: () => Promise<void> };

/**
 * A page whose code loads on demand, like React.lazy, but which renders at once when its module was preloaded: a lazy
 * page suspends once, and React then holds the revealed Suspense boundary back for its fallback throttle (about
 * 300 ms) before the page may even ask for its data. The window preloads the page it opens on (`preloadRoute`).
 */
export function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let loaded: ComponentType | null = null;
  const remember = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Suspending = lazy(remember);
  function Page() {
    // Decided once per mount: switching from the suspending page to the loaded one would remount it.
    const [Loaded] = useState(() => loaded);
    return Loaded ? createElement(Loaded) : createElement(Suspending);
  }
  return Object.assign(Page, { preload: () => remember().then(() => undefined) });
}

const isLazyPage = (type: unknown): type is LazyPage => typeof type === 'function' && typeof (type as Partial<LazyPage>).preload === 'function';

/** Loads the code of the lazy pages that `pathname` shows, so the first render has them. Never rejects. */
export async function preloadRoute(routes: RouteObject[], pathname: string): Promise<void> {
  const pages = (matchRoutes(routes, pathname) ?? [])
    .map((match) => match.route.element)
    .filter(isValidElement)
    .map((element) => element.type)
    .filter(isLazyPage);
  // A page that fails to load is left to the route's error element at render time.
  await Promise.all(pages.map((page) => page.preload().catch(() => undefined)));
}
