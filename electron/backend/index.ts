/**
 * The backend: one SQLite store and a handler for every channel of the contract (shared/api/), by feature in
 * <feature>/handlers.ts and merged in handlers.ts. Plain Node (no `electron`), so the app's worker (worker.ts), the
 * web harness, the tests and the benchmark all run the very same code.
 */
import type { Channel, Input, InvokeResult } from '../../shared/api';
import type { ApiError } from '../../shared/api';
import { createBackupService, type BackupService } from './backup/service';
import { openDatabase, type Db } from './db/open';
import { scanRevisionsInBackground, type RevisionScanReport } from './repositories/plans/revision-scan';
import { BackendError } from './errors';
import { createDispatch, type Handlers } from './dispatch';
import { appHandlers } from './app/handlers';
import { backupHandlers } from './backup/handlers';
import { createHandlers } from './handlers';
import { createContext } from './repositories/context';
import { createSelfNames } from './repositories/self-names';
import { createExchangeRecords } from './repositories/exchange/records';
import { createReportGrid } from './repositories/exchange/report-grid';
import { createSharedRecords } from './repositories/exchange/shared-records';
import { createExchangeService } from './exchange/service';
import { createTrustList } from './repositories/exchange/trust-list';
import { createOrganizationsRepo } from './repositories/organizations';
import { createPlansRepo } from './repositories/plans';
import { latestPlanChange } from './repositories/plans/store-wide';
import { createRegisterRepo } from './repositories/register';
import { createRegisterBook } from './repositories/register-book';
import { createSettingsRepo } from './repositories/settings';
import { createTasksRepo } from './repositories/tasks';
import { contentOf } from '../../shared/model/plan-record';
import { createEvidenceStore } from './tasks/evidence-store';
import type { Services } from './services';
import { createTemplateStore, defaultResourcesDir } from './templates';

export { APP_NAME } from './app/handlers';
export { docxFileName } from './plans/handlers';
export { diagnoseOpenFailure } from './db/open';
export { scanRevisions, type DamagedRevision, type RevisionScanReport } from './repositories/plans/revision-scan';
export { translateError, type FailureKind } from './errors';

export interface BackendOptions {
  /** Folder holding kehoach.sqlite (created if missing). */
  dataDir: string;
  /** The resources/ folder (templates under resources/templates). Defaults to the repo's. */
  resourcesDir?: string;
  appVersion?: string;
  /** Milliseconds since the epoch (default Date.now): timestamps and the history thinning follow it. */
  clock?: () => number;
  /**
   * Automatic backups (at start when the newest is older than a day, every 30 minutes while the data changes, at
   * close): the app and the harness turn them on; tests and tools opening the store briefly leave them off.
   */
  automaticBackups?: boolean;
  /**
   * A database found damaged at start does not throw: the backend answers `backup.recovery` (the newest good backup)
   * and `backup.restore`, and every other channel with the damage. The app and the CLI's restore use it.
   */
  recoverDamaged?: boolean;
  /** The data-folder folders a backup holds (backup/data-files.ts); for tests. */
  backupFolders?: readonly string[];
  /** A failed automatic backup (default: a line on stderr). */
  onBackupError?: (err: unknown) => void;
  /** Milliseconds after each open before the background revision scan starts (default 2000; null: no scan). */
  revisionScanDelayMs?: number | null;
}

export interface Backend {
  readonly dataDir: string;
  /** The open store's schema version (0 while a damaged database waits for a restore). */
  readonly schemaVersion: number;
  /** Opened read-only (a write-protected file or folder): reads work, writes answer READ_ONLY. */
  readonly readOnly: boolean;
  /** The background check of every revision's checksum after the latest open (null: disabled, or closed first). */
  readonly revisionScan: Promise<RevisionScanReport | null>;
  readonly handlers: Handlers;
  /** Validate against the contract, run the handler, return data or a {code, message} error. Never throws. */
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<InvokeResult<C>>;
  invoke(channel: string, input: unknown): Promise<InvokeResult<Channel>>;
  close(): void;
}

interface OpenStore {
  db: Db;
  schemaVersion: number;
  readOnly: boolean;
  handlers: Handlers;
  /** Close the connection (and a read-only open's temporary copy). */
  close(): void;
}

const RECOVERY_CHANNELS = new Set<string>(['app.info', 'backup.list', 'backup.inspect', 'backup.recovery', 'backup.restore', 'backup.stageFile']);

/**
 * Open (create, check, migrate) the store in `dataDir`. Throws a BackendError it cannot open, of a kind that
 * diagnoseOpenFailure names (damaged, newer, locked, disk full, path is a folder…; damaged only without
 * `recoverDamaged`); a write-protected store opens read-only. A restore (backup/service.ts) closes and reopens the store in place:
 * the same Backend then answers from the restored data.
 */
export function createBackend(options: BackendOptions): Backend {
  const appVersion = options.appVersion ?? '0.0.0-dev';
  const clock = options.clock ?? Date.now;
  const templates = createTemplateStore(options.resourcesDir ?? defaultResourcesDir());
  let store: OpenStore | null = null;
  let revisionScan: Promise<RevisionScanReport | null> = Promise.resolve(null);
  const scanDelay = options.revisionScanDelayMs === undefined ? 2000 : options.revisionScanDelayMs;

  /** The revision scan of a freshly opened store, off the hot path; it stops when that store is closed. */
  function backgroundScan(db: Db, now: () => string): Promise<RevisionScanReport | null> {
    if (scanDelay === null) return Promise.resolve(null);
    const stopped = () => store?.db !== db;
    return new Promise<void>((resolve) => setTimeout(resolve, scanDelay).unref())
      .then(() => (stopped() ? null : scanRevisionsInBackground(db, now, stopped)))
      .then((report) => {
        if (report?.damaged.length) {
          const named = report.damaged.map((d) => `${d.planId}#${d.revision}`).join(', ');
          process.stderr.write(`Revision scan: ${report.damaged.length} damaged revision(s) set aside: ${named}\n`);
        }
        return report;
      })
      .catch((err: unknown) => {
        process.stderr.write(`Revision scan failed: ${err instanceof Error ? err.message : String(err)}\n`);
        return null;
      });
  }
  let damage: ApiError | null = null;

  const backups: BackupService = createBackupService(
    {
      dataDir: options.dataDir,
      appVersion,
      clock,
      dataFolders: options.backupFolders,
      automatic: options.automaticBackups,
      onError: options.onBackupError ?? ((err) => process.stderr.write(`Sao lưu tự động thất bại: ${err instanceof Error ? err.message : String(err)}\n`)),
    },
    {
      db: () => store?.db ?? null,
      schemaVersion: () => store?.schemaVersion ?? 0,
      damage: () => damage?.message ?? null,
      closeDb: () => {
        store?.close();
        store = null;
      },
      reopen: () => {
        store = openStore();
        damage = null;
        backups.reopened();
      },
    },
  );

  function openStore(): OpenStore {
    const opened = openDatabase(options.dataDir, {
      beforeMigrate: (old, from) => {
        try {
          backups.createSyncOf(old, 'before-migration', from);
        } catch (err) {
          throw new BackendError('IO', `Không sao lưu được dữ liệu trước khi nâng cấp nên chưa nâng cấp: ${err instanceof Error ? err.message : String(err)}`);
        }
      },
    });
    const { db, schemaVersion, readOnly } = opened;
    const ctx = createContext(db, clock, latestPlanChange(db));
    const settings = createSettingsRepo(ctx);
    const orgs = createOrganizationsRepo(ctx);
    const register = createRegisterRepo(ctx);
    const tasks = createTasksRepo(ctx, {
      selfNames: createSelfNames(ctx, () => settings.getSelf()?.issuer.name ?? null),
      planContent: (planId) => {
        const plan = plans.find(planId);
        return plan ? { status: plan.status, content: contentOf(plan) } : null;
      },
    });
    const evidence = createEvidenceStore(options.dataDir);
    if (!readOnly) evidence.recover((sha) => tasks.evidence.exists(sha));
    const plans = createPlansRepo(ctx, { register, defaultTerm: () => settings.getSelf()?.term ?? '', onIssued: tasks.syncPlan });
    const exchangeRecords = createExchangeRecords(ctx);
    const trust = createTrustList(ctx, () => settings.officeId());
    const exchange = createExchangeService({
      ctx,
      dataDir: options.dataDir,
      appVersion,
      settings,
      plans,
      records: exchangeRecords,
      trust,
      tasks,
      shared: createSharedRecords(ctx),
      evidence,
    });
    // The office identity (id and key pair) exists from the first open; a read-only store without one makes it later.
    if (!readOnly) exchange.identity();
    const services: Services = {
      dataDir: options.dataDir,
      appVersion,
      schemaVersion,
      readOnly,
      ctx,
      settings,
      orgs,
      register,
      registerBook: createRegisterBook(ctx),
      plans,
      tasks,
      evidence,
      templates,
      backups,
      exchange,
      trust,
      exchangeRecords,
      reportGrid: createReportGrid(ctx, tasks),
    };
    revisionScan = backgroundScan(db, ctx.now);
    return { db, schemaVersion, readOnly, handlers: createHandlers(services), close: opened.close };
  }

  try {
    store = openStore();
  } catch (err) {
    if (!(options.recoverDamaged && err instanceof BackendError && err.code === 'DB_CORRUPT')) throw err;
    damage = err.toApiError();
  }

  // Until a restore, a damaged store answers the backup channels only (handlers over the same service).
  const recoverySlice = { dataDir: options.dataDir, appVersion, schemaVersion: 0, readOnly: false, ctx: { clock }, templates, backups } as Services;
  const recoveryHandlers = { ...appHandlers(recoverySlice), ...backupHandlers(recoverySlice) } as Handlers;
  backups.start();

  // Retries after a lock-out run later: they ask for the handlers of the store open then (a restore may reopen it).
  const dispatch = createDispatch((channel) => {
    if (store) return { handlers: store.handlers };
    if (RECOVERY_CHANNELS.has(channel)) return { handlers: recoveryHandlers };
    return { error: damage ?? { code: 'INTERNAL', message: 'Phần xử lý dữ liệu đã đóng.' } };
  });

  let open = true;
  return {
    dataDir: options.dataDir,
    get schemaVersion() {
      return store?.schemaVersion ?? 0;
    },
    get readOnly() {
      return store?.readOnly ?? false;
    },
    get revisionScan() {
      return revisionScan;
    },
    get handlers() {
      return store?.handlers ?? recoveryHandlers;
    },
    invoke: ((channel: unknown, input: unknown) => {
      if (store || (typeof channel === 'string' && RECOVERY_CHANNELS.has(channel))) return dispatch(channel, input);
      return Promise.resolve({ ok: false, error: damage ?? { code: 'INTERNAL', message: 'Phần xử lý dữ liệu đã đóng.' } });
    }) as Backend['invoke'],
    close() {
      if (!open) return;
      open = false;
      backups.close();
      store?.close();
      store = null;
    },
  };
}
