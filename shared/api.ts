/**
 * The one IPC contract. Every channel maps to a zod schema for its input and its output.
 * Preload, main, backend, renderer client and web harness all derive from this map.
 */
import { z } from 'zod';
import {
  LintFinding,
  Org,
  OrgInput,
  OrgKind,
  Plan,
  PlanContent,
  PlanSaveInput,
  PlanStatus,
  PlanSummary,
  SelfProfile,
  Settings,
  SettingsPatch,
  uuid,
} from './model';

const Empty = z.object({}).strict().default({});
const ById = z.object({ id: uuid }).strict();
const Ok = z.object({ ok: z.literal(true) });

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const PlanListInput = z
  .object({
    query: z.string().max(200).default(''),
    status: PlanStatus.optional(),
    year: z.number().int().min(1930).max(2100).optional(),
    /** false: live plans; true: the bin (deleted plans). */
    deleted: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type PlanListInput = z.input<typeof PlanListInput>;

export const PlanListOutput = z.object({ items: z.array(PlanSummary), total: z.number().int() });

export const RevisionSummary = z.object({
  revision: z.number().int(),
  savedAt: z.string(),
  status: PlanStatus,
  /** Why this revision was kept: a save, the issued version, a restore, an import. */
  reason: z.enum(['save', 'issue', 'reopen', 'restore', 'import', 'create']),
  trichYeu: z.string(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** plan.revisions: the kept revisions newest first, a page at a time; `total` counts them all. */
export const RevisionsInput = z
  .object({ id: uuid, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) })
  .strict();
export const RevisionsOutput = z.object({ items: z.array(RevisionSummary), total: z.number().int() });

export const TemplateSummary = z.object({
  id: z.string(),
  /** Vietnamese name shown in the picker. */
  name: z.string(),
  description: z.string(),
  kind: z.enum(['seed', 'blank']),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const DocxFile = z.object({ fileName: z.string(), base64: z.string() });
export type DocxFile = z.infer<typeof DocxFile>;

export const channels = {
  'app.info': { input: Empty, output: AppInfo },

  'org.getSelf': { input: Empty, output: SelfProfile.nullable() },
  'org.saveSelf': { input: SelfProfile, output: SelfProfile },
  'org.list': { input: z.object({ query: z.string().max(200).default(''), kind: OrgKind.optional() }).strict(), output: z.array(Org) },
  'org.save': { input: OrgInput, output: Org },
  'org.remove': { input: ById, output: Ok },

  'settings.get': { input: Empty, output: Settings },
  'settings.set': { input: SettingsPatch, output: Settings },

  'plan.list': { input: PlanListInput, output: PlanListOutput },
  'plan.get': { input: ById, output: Plan },
  'plan.save': { input: PlanSaveInput, output: Plan },
  'plan.remove': { input: ById, output: Ok },
  'plan.restore': { input: ById, output: Plan },
  'plan.duplicate': { input: ById, output: Plan },
  'plan.revisions': { input: RevisionsInput, output: RevisionsOutput },
  'plan.getRevision': { input: z.object({ id: uuid, revision: z.number().int().min(0) }).strict(), output: Plan },
  'plan.restoreRevision': { input: z.object({ id: uuid, revision: z.number().int().min(0) }).strict(), output: Plan },
  'plan.allocateNumber': { input: ById, output: Plan },
  'plan.issue': { input: ById, output: Plan },
  /** Edit an issued plan (after the user confirmed): back to draft; the issued revision stays in the history. */
  'plan.reopen': { input: ById, output: Plan },
  'plan.lint': { input: z.object({ content: PlanContent }).strict(), output: z.array(LintFinding) },
  'plan.renderDocx': { input: ById, output: DocxFile },

  'template.list': { input: Empty, output: z.array(TemplateSummary) },
  'template.instantiate': { input: z.object({ templateId: z.string().min(1).max(100) }).strict(), output: Plan },
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
/** What a caller passes (before defaults and transforms). */
export type Input<C extends Channel> = z.input<Channels[C]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type Output<C extends Channel> = z.output<Channels[C]['output']>;

export const ErrorCode = z.enum(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'DB_NEWER', 'DB_CORRUPT', 'UNKNOWN_CHANNEL', 'FORBIDDEN', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Errors travel as data, with a Vietnamese message ready for the user. */
export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For VALIDATION: the field paths and their messages. */
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type InvokeResult<C extends Channel> = { ok: true; data: Output<C> } | { ok: false; error: ApiError };

/** The only thing the preload exposes (and the web harness shims) as window.kehoach. */
export interface KehoachBridge {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<InvokeResult<C>>;
}

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(channels, name);

/** Turn a zod error into the contract's VALIDATION error with Vietnamese field messages. */
export function validationError(error: z.ZodError, what = 'Dữ liệu'): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  const first = issues[0];
  const where = first && first.path.length ? ` (trường ${first.path.join('.')})` : '';
  return {
    code: 'VALIDATION',
    message: `${what} không hợp lệ${where}: ${first?.message ?? 'lỗi không xác định'}`,
    issues,
  };
}
