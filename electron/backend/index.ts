/**
 * The backend: one SQLite store and a handler for every channel of shared/api.ts. Plain Node (no `electron`), so the
 * app's worker (worker.ts), the web harness, the tests and the benchmark all run the very same code.
 */
import type { Channel, Input, InvokeResult } from '../../shared/api';
import { foldVietnamese } from '../../shared/format/fold';
import { formatDocNumber } from '../../shared/format/symbol';
import type { FormatProfile, LintFinding, Plan, PlanContent } from '../../shared/model';
import { openDatabase } from './db/open';
import { dispatch, type Handlers } from './dispatch';
import { createContext } from './repositories/context';
import { createOrganizationsRepo } from './repositories/organizations';
import { createPlansRepo } from './repositories/plans';
import { createRegisterRepo } from './repositories/register';
import { createSettingsRepo } from './repositories/settings';
import { createTemplateStore, defaultResourcesDir } from './templates';

export const APP_NAME = 'KẾ HOẠCH Desk';

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

/** ASCII-safe .docx name: "KH-315-KH-HU-2024.docx"; an unnumbered draft: "KH-chua-so-KH-HU-2024.docx". */
export function docxFileName(content: PlanContent): string {
  const ascii = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, '');
  const h = content.header;
  const number = h.number ? formatDocNumber(h.number) : 'chua-so';
  const symbol = ascii(h.issuer.symbol).toUpperCase() || 'KHAC';
  return `KH-${number}-${ascii(h.docType).toUpperCase()}-${symbol}-${h.date.year}.docx`;
}

type LintPlan = (content: PlanContent) => LintFinding[];
type RenderPlanDocx = (content: PlanContent, profile: FormatProfile) => Uint8Array | Promise<Uint8Array>;

/**
 * lintPlan (shared/lint, helper TEMPLATES) and renderPlanDocx (./docx, helper LAYOUT) load on first use: docx is
 * heavy and start-up stays fast without it.
 */
async function loadLint(): Promise<LintPlan> {
  return (await import('../../shared/lint/index')).lintPlan;
}
async function loadRenderer(): Promise<RenderPlanDocx> {
  return (await import('./docx/index')).renderPlanDocx;
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
  const ok = { ok: true } as const;

  const profileFor = (plan: Plan): FormatProfile => plan.profile ?? settings.get().formatProfile;

  const handlers: Handlers = {
    'app.info': () => ({
      name: APP_NAME,
      version: options.appVersion ?? '0.0.0-dev',
      dataDir: options.dataDir,
      schemaVersion,
      platform: process.platform,
    }),

    'org.getSelf': () => settings.getSelf(),
    'org.saveSelf': (profile) => settings.saveSelf(profile),
    'org.list': ({ query, kind }) => orgs.list(query, kind),
    'org.save': (input) => orgs.save(input),
    'org.remove': ({ id }) => (orgs.remove(id), ok),

    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),

    'plan.list': (input) => plans.list(input),
    'plan.get': ({ id }) => plans.get(id),
    'plan.save': (input) => plans.save(input),
    'plan.remove': ({ id }) => (plans.remove(id), ok),
    'plan.restore': ({ id }) => plans.restore(id),
    'plan.duplicate': ({ id }) => plans.duplicate(id),
    'plan.revisions': ({ id, offset, limit }) => plans.revisions(id, { offset, limit }),
    'plan.getRevision': ({ id, revision }) => plans.getRevision(id, revision),
    'plan.restoreRevision': ({ id, revision }) => plans.restoreRevision(id, revision),
    'plan.allocateNumber': ({ id }) => plans.allocateNumber(id),
    'plan.issue': ({ id }) => plans.issue(id),
    'plan.reopen': ({ id }) => plans.reopen(id),
    'plan.lint': async ({ content }) => (await loadLint())(content),
    'plan.renderDocx': async ({ id }) => {
      const plan = plans.get(id);
      const bytes = await (await loadRenderer())(plan, profileFor(plan));
      return { fileName: docxFileName(plan), base64: Buffer.from(bytes).toString('base64') };
    },

    'template.list': () => templates.list(),
    'template.instantiate': ({ templateId }) => plans.create(templates.contentFor(templateId, settings.getSelf(), ctx.newId)),
  };

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
