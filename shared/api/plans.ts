import { z } from 'zod';
import { DocType, LintFinding, Plan, PlanContent, PlanSaveInput, PlanStatus, PlanSummary, uuid } from '../model';
import { ById, Ok } from './common';
import { command, query } from './contract';

export const PlanListInput = z
  .object({
    query: z.string().max(200).default(''),
    status: PlanStatus.optional(),
    /** Only KẾ HOẠCH (KH) or only BÁO CÁO (BC); both when left out. */
    docType: DocType.optional(),
    year: z.number().int().min(1930).max(2100).optional(),
    /** Only the office's own plans, or only plans received from other offices (sorted by their office); both when left out. */
    origin: z.enum(['ours', 'received']).optional(),
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
  /** Found damaged on disk (its checksum does not match) and set aside: it cannot be opened or restored. */
  damaged: z.boolean().optional(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** A revision found damaged on disk and set aside: when it was saved, when the damage was found. */
export const DamagedRevision = z.object({ revision: z.number().int(), savedAt: z.string(), foundAt: z.string() });
export const DamagedRevisionsOutput = z.object({ items: z.array(DamagedRevision) });

/** plan.revisions: the kept revisions newest first, a page at a time; `total` counts them all. */
export const RevisionsInput = z
  .object({ id: uuid, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) })
  .strict();
export const RevisionsOutput = z.object({ items: z.array(RevisionSummary), total: z.number().int() });

export const DocxFile = z.object({ fileName: z.string(), base64: z.string() });
export type DocxFile = z.infer<typeof DocxFile>;

const ByRevision = z.object({ id: uuid, revision: z.number().int().min(0) }).strict();

export const PlanYearsInput = z.object({ deleted: z.boolean().default(false) }).strict();

export const plansChannels = {
  'plan.list': query({ input: PlanListInput, output: PlanListOutput }),
  'plan.get': query({ input: ById, output: Plan }),
  /** The years the plans (live, or in the bin) are dated in, newest first: the list's year filter. */
  'plan.years': query({ input: PlanYearsInput, output: z.array(z.number().int()) }),
  'plan.revisions': query({ input: RevisionsInput, output: RevisionsOutput }),
  'plan.getRevision': query({ input: ByRevision, output: Plan }),
  /**
   * The plan's revisions found damaged on disk, newest first. Opening a plan whose current revision is damaged sets
   * it aside and goes on from the newest intact one (a 'restore' revision); the editor says so from this list.
   */
  'plan.damagedRevisions': query({ input: ById, output: DamagedRevisionsOutput }),
  /** The lint findings of the content sent (nothing stored). */
  /** Lint a plan's content; with the plan's `id`, a number the register holds for another plan is an error too. */
  'plan.lint': query({ input: z.object({ content: PlanContent, id: uuid.optional() }).strict(), output: z.array(LintFinding) }),
  /** The stored plan as .docx bytes (nothing stored). */
  'plan.renderDocx': query({ input: ById, output: DocxFile }),

  'plan.save': command({
    input: PlanSaveInput,
    output: Plan,
  }),
  'plan.remove': command({ input: ById, output: Ok }),
  'plan.restore': command({ input: ById, output: Plan }),
  'plan.duplicate': command({ input: ById, output: Plan }),
  'plan.restoreRevision': command({ input: ByRevision, output: Plan }),
  'plan.allocateNumber': command({ input: ById, output: Plan }),
  'plan.issue': command({ input: ById, output: Plan }),
  /** Edit an issued plan (after the user confirmed): back to draft; the issued revision stays in the history. */
  'plan.reopen': command({ input: ById, output: Plan }),
  /** Lưu trữ: an issued plan put away; no new revision (the content does not change). A draft is refused. */
  'plan.archive': command({ input: ById, output: Plan }),
  /** Back from the archive: issued again. */
  'plan.unarchive': command({ input: ById, output: Plan }),
} as const;
export type PlansChannels = typeof plansChannels;
