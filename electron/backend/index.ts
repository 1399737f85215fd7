/**
 * The backend: one SQLite store and a handler for every channel of the contract (shared/api/), by feature in
 * <feature>/handlers.ts and merged in handlers.ts. Plain Node (no `electron`), so the app's worker (worker.ts), the
 * web harness, the tests and the benchmark all run the very same code.
 */
import type { Channel, Input, InvokeResult } from '../../shared/api';
import { openDatabase } from './db/open';
import { dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';
import { createContext } from './repositories/context';
import { createOrganizationsRepo } from './repositories/organizations';
import { createPlansRepo } from './repositories/plans';
import { createRegisterRepo } from './repositories/register';
import { createRegisterBook } from './repositories/register-book';
import { createSettingsRepo } from './repositories/settings';
import type { Services } from './services';
import { createTemplateStore, defaultResourcesDir } from './templates';

export { APP_NAME } from './app/handlers';
export { docxFileName } from './plans/handlers';

export interface BackendOptions {
  /** Folder holding kehoach.sqlite (created if missing). */
  dataDir: string;
  /** The resources/ folder (templates under resources/templates). Defaults to the repo's. */
  resourcesDir?: string;
  appVersion?: string;
  /** Milliseconds since the epoch (default Date.now): timestamps and the history thinning follow it. */
  clock?: () => number;
}

export interface Backend {
  readonly dataDir: string;
  readonly schemaVersion: number;
  readonly handlers: Handlers;
  /** Validate against the contract, run the handler, return data or a {code, message} error. Never throws. */
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<InvokeResult<C>>;
  invoke(channel: string, input: unknown): Promise<InvokeResult<Channel>>;
  close(): void;
}

/** Open (create, check, migrate) the store in `dataDir`. Throws a BackendError (DB_NEWER, DB_CORRUPT) it cannot open. */
export function createBackend(options: BackendOptions): Backend {
  const { db, schemaVersion } = openDatabase(options.dataDir);
  const ctx = createContext(db, options.clock);
  const settings = createSettingsRepo(ctx);
  const orgs = createOrganizationsRepo(ctx);
  const register = createRegisterRepo(ctx);
  const plans = createPlansRepo(ctx, { register, defaultTerm: () => settings.getSelf()?.term ?? '' });
  const templates = createTemplateStore(options.resourcesDir ?? defaultResourcesDir());
  const services: Services = {
    dataDir: options.dataDir,
    appVersion: options.appVersion ?? '0.0.0-dev',
    schemaVersion,
    ctx,
    settings,
    orgs,
    register,
    registerBook: createRegisterBook(ctx),
    plans,
    templates,
  };
  const handlers = createHandlers(services);

  let open = true;
  return {
    dataDir: options.dataDir,
    schemaVersion,
    handlers,
    invoke: ((channel: unknown, input: unknown) => dispatch(handlers, channel, input)) as Backend['invoke'],
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
