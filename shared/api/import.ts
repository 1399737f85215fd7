/**
 * Nhập kế hoạch có sẵn: read a plan from a .docx, a .txt or a pasted text (plan.recognise, nothing stored), then
 * create it from the reviewed content (plan.import, the one write path with revision reason 'import').
 */
import { z } from 'zod';
import { ROLES } from '../import/context';
import { OVERRIDABLE_ROLES } from '../import/lines';
import { Plan, PlanContent } from '../model';
import { command, query } from './contract';
import { MAX_OPEN_BYTES } from './file';

/**
 * Generous bounds on what crosses the boundary; the importer itself refuses a file over MAX_OPEN_BYTES with its own
 * Vietnamese message (how large it is, what the limit is), so these only stop what no file could be.
 */
const MAX_IMPORT_BASE64 = Math.ceil((MAX_OPEN_BYTES * 4) / 3) * 3;
const MAX_PASTED_CHARS = MAX_OPEN_BYTES * 2;

/** What to read: a chosen file's bytes (file.chooseOpen + file.read: main reads the disk) or a pasted text. */
export const ImportSource = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('file'),
      fileName: z.string().min(1).max(260),
      base64: z.string().max(MAX_IMPORT_BASE64, { message: 'Tệp quá lớn để nhập. Không có gì được ghi.' }),
    })
    .strict(),
  z.object({ kind: z.literal('text'), text: z.string().max(MAX_PASTED_CHARS, { message: 'Văn bản dán vào quá dài. Không có gì được ghi.' }) }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportRole = z.enum(ROLES);
export type ImportRole = z.infer<typeof ImportRole>;
export const ImportOverrideRole = z.enum(OVERRIDABLE_ROLES);

export const RecogniseInput = z
  .object({
    source: ImportSource,
    /** Roles chosen by hand: the paragraph's index (in `paragraphs` of the answer) and its role. */
    overrides: z.array(z.object({ index: z.number().int().min(0).max(1_000_000), role: ImportOverrideRole }).strict()).max(100_000).default([]),
    /** A pasted text's TCVN3/VNI words: converted to Unicode (default) or kept as pasted. */
    legacy: z.enum(['convert', 'keep']).default('convert'),
  })
  .strict();
export type RecogniseInput = z.input<typeof RecogniseInput>;

/**
 * What creating the plan would do with the number register (sổ văn bản đi): `register` — ours, issued, the number free:
 * recorded; `taken` — ours but another plan holds the number: plan.import refuses; `not-ours` — another office's plan
 * (or no office profile to compare with): kept as it is, not recorded; `no-number` — issued without a number (or not
 * a number the book can hold), `unknown-term` — the plan's term is not known (dated outside the office's term), `draft`.
 */
export const RegisterOutcome = z.object({
  kind: z.enum(['register', 'taken', 'not-ours', 'no-profile', 'no-number', 'unknown-term', 'draft']),
  /** The printed number ("Số 315-KH/HU"), '' when none. */
  number: z.string(),
  /** The book's term ("2025-2030"), '' when not known. */
  term: z.string(),
  /** `taken`: the trích yếu of the plan holding the number. */
  heldBy: z.string().nullable(),
});
export type RegisterOutcome = z.infer<typeof RegisterOutcome>;

export const ImportStatus = z.enum(['draft', 'issued']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const RecogniseOutput = z.object({
  plan: PlanContent,
  /** Confidence of each recognised field (0..1) by its path in the plan. */
  confidence: z.record(z.string(), z.number()),
  /** Text left out: web page boilerplate, page numbers, lines no role fits, paragraphs left out by hand. */
  dropped: z.array(z.string()),
  /** What was changed or guessed (Vietnamese). */
  notes: z.array(z.string()),
  /** Each source paragraph with its recognised role, in order. */
  paragraphs: z.array(z.object({ text: z.string(), role: ImportRole, overridden: z.boolean().optional() })),
  /** Legacy-font (TCVN3/VNI) text found in a pasted text: the clerk confirms the conversion. */
  legacy: z.object({ encoding: z.enum(['tcvn3', 'vni']), name: z.string(), examples: z.array(z.string()) }).nullable(),
  /** Issued when the text carries a number and a full date and is no draft. */
  proposedStatus: ImportStatus,
  /** What plan.import would do with the register if the plan is created as issued. */
  register: RegisterOutcome,
});
export type RecogniseOutput = z.infer<typeof RecogniseOutput>;

export const PlanImportInput = z
  .object({
    content: PlanContent,
    /** 'issued': keeps its number, date and status; recorded in the register only when it is ours. */
    status: ImportStatus,
    /** Where it came from (for the messages and the history): a .docx, a .txt or a pasted text, and its name. */
    source: z.object({ kind: z.enum(['docx', 'txt', 'paste']), name: z.string().max(260).default('') }).strict(),
  })
  .strict();
export type PlanImportInput = z.input<typeof PlanImportInput>;

export const PlanImportOutput = z.object({
  plan: Plan,
  register: RegisterOutcome,
  /** The "before-import" backup taken first (its file name). */
  backup: z.string(),
});
export type PlanImportOutput = z.infer<typeof PlanImportOutput>;

export const importChannels = {
  /** Read a file or a pasted text as a plan (nothing stored): the review shows it before anything is created. */
  'plan.recognise': query({ input: RecogniseInput, output: RecogniseOutput }),
  /** Create the reviewed plan: a "before-import" backup, then the plan with its 'import' revision. */
  'plan.import': command({
    input: PlanImportInput,
    output: PlanImportOutput,
  }),
} as const;
export type ImportChannels = typeof importChannels;
