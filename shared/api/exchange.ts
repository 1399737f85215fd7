/**
 * Data exchange between offices: the office's identity (Ed25519 key, fingerprint), key cards (.khkey) and the trust
 * list, signed packages (.khx) exported, inspected and imported, the Sổ trao đổi and the sổ văn bản đến.
 * Files travel as base64 (main's file.chooseOpen/file.read and file.chooseSave carry them).
 */
import { z } from 'zod';
import { PlanContent, PlanStatus, uuid } from '../model';
import { command, query } from './contract';
import { Empty } from './common';
import { Passphrase } from './backup';

const FileBytes = z.object({ fileName: z.string().max(500).default(''), base64: z.string().min(1) }).strict();

export const OfficeIdentityInfo = z.object({
  officeId: uuid,
  name: z.string(),
  symbol: z.string(),
  publicKey: z.string(),
  /** Six groups of five digits, to compare aloud. */
  fingerprint: z.string(),
  createdAt: z.string(),
  /** No office profile yet: packages name the office by its id and fingerprint. */
  profileMissing: z.boolean(),
});
export type OfficeIdentityInfo = z.infer<typeof OfficeIdentityInfo>;

export const ProducedFile = z.object({ fileName: z.string(), base64: z.string() });

export const TrustStatus = z.enum(['trusted', 'revoked']);
export const TrustedOfficeInfo = z.object({
  officeId: z.string(),
  name: z.string(),
  symbol: z.string(),
  fingerprint: z.string(),
  status: TrustStatus,
  orgId: z.string().nullable(),
  addedAt: z.string(),
  updatedAt: z.string(),
});
export type TrustedOfficeInfo = z.infer<typeof TrustedOfficeInfo>;

/** new: not known; same: that key already; replaced: a new key signed by the known one; changed: a new key NOT signed by it. */
export const CardVerdict = z.enum(['new', 'same', 'replaced', 'changed', 'revoked', 'self']);
export const KeyCardCheck = z.object({
  fileName: z.string(),
  /** null: the file is not a valid key card (`error` says why). */
  officeId: z.string().nullable(),
  name: z.string(),
  fingerprint: z.string(),
  verdict: CardVerdict.nullable(),
  error: z.string().nullable(),
  /** After enrol: the key is now in the trust list. */
  enrolled: z.boolean(),
});
export type KeyCardCheck = z.infer<typeof KeyCardCheck>;

/** How the sender's key stands in this office's trust list. */
export const KeyStanding = z.enum(['self', 'trusted', 'unknown', 'changed', 'revoked']);
export type KeyStanding = z.infer<typeof KeyStanding>;

/** mới / cập nhật / trùng / xung đột / bị từ chối. */
export const RecordVerdict = z.enum(['new', 'update', 'same', 'conflict', 'refused']);
export type RecordVerdict = z.infer<typeof RecordVerdict>;

/** What a package record is: a plan, a tracked task's facts, a progress report (with evidence), a directory entry. */
export const RecordKind = z.enum(['plan', 'task', 'report', 'org']);
export type RecordKind = z.infer<typeof RecordKind>;

export const RecordCheck = z.object({
  kind: RecordKind,
  id: z.string(),
  title: z.string(),
  number: z.string(),
  owner: z.object({ officeId: z.string(), name: z.string() }),
  version: z.number().int(),
  verdict: RecordVerdict,
  /** Why (refused, or a note on trùng), in Vietnamese. */
  reason: z.string().nullable(),
  hasDocument: z.boolean(),
  /** A task or report: the plan it belongs to (else null). */
  planId: z.string().nullable().default(null),
  /** A report: how many evidence files travel with it. */
  files: z.number().int().default(0),
});
export type RecordCheck = z.infer<typeof RecordCheck>;

export const VerdictCounts = z.object({ new: z.number(), update: z.number(), same: z.number(), conflict: z.number(), refused: z.number() });
export type VerdictCounts = z.infer<typeof VerdictCounts>;

export const PackageInspection = z.object({
  packageId: z.string(),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  sender: z.object({ officeId: z.string(), name: z.string(), symbol: z.string(), fingerprint: z.string(), profileMissing: z.boolean() }),
  receiver: z.object({ officeId: z.string(), name: z.string() }).nullable(),
  /** The signature verified (an invalid one is refused before this answer). */
  signatureValid: z.literal(true),
  standing: KeyStanding,
  /** Vietnamese: what the standing means and what the clerk must do. */
  standingMessage: z.string(),
  encrypted: z.boolean(),
  fileSha256: z.string(),
  /** When this package was imported here already (ISO), else null. */
  importedAt: z.string().nullable(),
  records: z.array(RecordCheck),
  counts: VerdictCounts,
});
export type PackageInspection = z.infer<typeof PackageInspection>;

/** The package's bytes; an empty file is the backend's to name ("Tệp rỗng"). */
const PackageInput = z.object({ base64: z.string(), passphrase: Passphrase.optional() }).strict();

/** Several packages at once (every .khx on a stick): each is checked and applied in its own transaction. */
export const ImportManyInput = z
  .object({
    packages: z
      .array(z.object({ fileName: z.string().max(500).default(''), base64: z.string(), passphrase: Passphrase.optional() }).strict())
      .min(1)
      .max(200),
    /** The clerk compared every unknown sender's fingerprint and accepts their keys. */
    trust: z.boolean().default(false),
  })
  .strict();

export const ImportOutcome = z.enum(['imported', 'alreadyImported', 'needsPassphrase', 'refused']);
export const ImportManyOutput = z.object({
  results: z.array(
    z.object({
      fileName: z.string(),
      outcome: ImportOutcome,
      /** Vietnamese: what was imported, or why not. */
      message: z.string(),
      inspection: PackageInspection.nullable(),
    }),
  ),
  /** The records of every package imported now, by verdict. */
  counts: VerdictCounts,
  /** One line for the whole set, in Vietnamese. */
  message: z.string(),
});
export type ImportManyOutput = z.infer<typeof ImportManyOutput>;

export const InspectOutput = z.discriminatedUnion('opened', [
  z.object({ opened: z.literal(true), inspection: PackageInspection }),
  z.object({ opened: z.literal(false), needsPassphrase: z.literal(true) }),
]);

export const ImportOutput = z.discriminatedUnion('opened', [
  z.object({
    opened: z.literal(true),
    inspection: PackageInspection,
    /** Nothing written: the package was imported before (the message says when). */
    alreadyImported: z.boolean(),
    message: z.string(),
  }),
  z.object({ opened: z.literal(false), needsPassphrase: z.literal(true) }),
]);

export const ExportInput = z
  .object({
    /** Only these plans (else every plan the office owns that is not in the bin). */
    planIds: z.array(uuid).max(100_000).optional(),
    /** Every plan of this term ("2025 - 2030"). */
    term: z.string().min(1).max(100).optional(),
    /** Only what changed since the last package to `receiverId` (Sổ trao đổi); everything when none went yet. */
    sinceLast: z.boolean().optional(),
    /** These directory entries (else every entry of ours marked "chia sẻ khi trao đổi"). */
    orgIds: z.array(uuid).max(10_000).optional(),
    /** The receiving office (from the trust list). */
    receiverId: uuid.optional(),
    /** Required when a plan is marked MẬT. */
    passphrase: Passphrase.optional(),
    /**
     * Saving to a file (main's dialog): the Sổ trao đổi line is written only when `exchange.packageWritten` says the
     * file is on disk, so a cancelled dialog leaves no line and "since the last package" misses nothing.
     */
    logWhenWritten: z.boolean().optional(),
  })
  .strict()
  .refine((i) => [i.planIds !== undefined, i.term !== undefined, i.sinceLast === true].filter(Boolean).length <= 1, {
    message: 'Chọn một cách: các kế hoạch đã chọn, các kế hoạch của một nhiệm kỳ, hoặc những gì thay đổi từ gói trước.',
    path: ['planIds'],
  })
  .refine((i) => !i.sinceLast || i.receiverId !== undefined, { message: 'Xuất phần thay đổi từ gói trước cần chọn đơn vị nhận.', path: ['receiverId'] });

export const ExportOutput = z.object({
  fileName: z.string(),
  base64: z.string(),
  packageId: z.string(),
  plans: z.number().int(),
  documents: z.number().int(),
  /** Tracked tasks' facts, progress reports, their evidence files, directory entries. */
  tasks: z.number().int(),
  reports: z.number().int(),
  evidence: z.number().int(),
  orgs: z.number().int(),
  /** sinceLast: the time of the previous package to that receiver (null: none, everything went). */
  since: z.string().nullable(),
  encrypted: z.boolean(),
  /** Plans left out, with why (TỐI MẬT / TUYỆT MẬT go through the cơ yếu channel). */
  skipped: z.array(z.object({ id: z.string(), title: z.string(), reason: z.string() })),
  /** The office profile is missing: the sender is named by id and fingerprint. */
  profileMissing: z.boolean(),
});
export type ExportOutput = z.infer<typeof ExportOutput>;
/** What went into a package written to a file (file.chooseSave's answer for an exchange package). */
export const ExportSummary = ExportOutput.omit({ base64: true, fileName: true });
export type ExportSummary = z.infer<typeof ExportSummary>;

export const ExchangeLogEntry = z.object({
  id: z.string(),
  direction: z.enum(['out', 'in']),
  packageId: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  at: z.string(),
  fileSha256: z.string(),
  records: z.number().int(),
  summary: z.string(),
});

export const IncomingEntry = z.object({
  id: z.string(),
  receivedAt: z.string(),
  packageId: z.string(),
  fromOffice: z.string(),
  fromName: z.string(),
  planId: z.string().nullable(),
  number: z.string(),
  docDate: z.string(),
  trichYeu: z.string(),
  kind: z.enum(['new', 'update', 'conflict']),
});

/** A conflict copy: the same record changed in two places since the version both knew, kept beside ours. */
export const ConflictItem = z.object({
  /** The copy (a plan of its own, read-only). */
  copyId: z.string(),
  /** Our plan it conflicts with. */
  planId: z.string(),
  trichYeu: z.string(),
  number: z.string(),
  owner: z.object({ officeId: z.string(), name: z.string() }),
  /** The owner's version the copy carries, and ours. */
  theirVersion: z.number().int(),
  ourRevision: z.number().int(),
  receivedAt: z.string(),
});
export type ConflictItem = z.infer<typeof ConflictItem>;

export const ConflictSide = z.object({ revision: z.number().int(), status: PlanStatus, updatedAt: z.string(), content: PlanContent });
export const ConflictDetail = ConflictItem.extend({ ours: ConflictSide, theirs: ConflictSide });
export type ConflictDetail = z.infer<typeof ConflictDetail>;

export const ResolveConflictInput = z.object({ copyId: uuid, keep: z.enum(['ours', 'theirs']) }).strict();
export const ResolveConflictOutput = z.object({ planId: z.string(), kept: z.enum(['ours', 'theirs']), revision: z.number().int() });

/** For one of our plans: each unit (a duty block's body or a pilot unit) and whether it has reported. */
export const ReportGridRow = z.object({
  body: z.string(),
  orgId: z.string().nullable(),
  /** The office linked to that unit in the trust list (its reports come in packages), else null. */
  officeId: z.string().nullable(),
  tasks: z.number().int(),
  /** Tasks with at least one progress report, and all reports. */
  tasksReported: z.number().int(),
  reports: z.number().int(),
  /** Reports that came from that unit's own packages. */
  reportsReceived: z.number().int(),
  lastReportDate: z.string().nullable(),
  completed: z.number().int(),
  overdue: z.number().int(),
  reported: z.boolean(),
});
export const ReportGrid = z.object({ planId: z.string(), on: z.string(), units: z.array(ReportGridRow) });
export type ReportGrid = z.infer<typeof ReportGrid>;

export const exchangeChannels = {
  'exchange.identity': query({ input: Empty, output: OfficeIdentityInfo }),
  'exchange.exportKeyCard': query({ input: Empty, output: ProducedFile }),
  'exchange.replaceKey': command({ input: Empty, output: OfficeIdentityInfo }),
  'exchange.trustList': query({ input: Empty, output: z.array(TrustedOfficeInfo) }),
  'exchange.checkKeyCards': query({ input: z.object({ files: z.array(FileBytes).min(1).max(1000) }).strict(), output: z.array(KeyCardCheck) }),
  'exchange.enrolKeyCards': command({
    input: z.object({ files: z.array(FileBytes).min(1).max(1000), confirmChanged: z.array(uuid).max(1000).default([]) }).strict(),
    output: z.array(KeyCardCheck),
  }),
  'exchange.revokeKey': command({ input: z.object({ officeId: uuid }).strict(), output: TrustedOfficeInfo }),
  'exchange.linkOrg': command({ input: z.object({ officeId: uuid, orgId: uuid.nullable() }).strict(), output: TrustedOfficeInfo }),
  'exchange.exportPackage': command({ input: ExportInput, output: ExportOutput }),
  /** The package made with `logWhenWritten` is on disk: its Sổ trao đổi line is written now (false: none was waiting). */
  'exchange.packageWritten': command({
    input: z.object({ packageId: z.string().min(1).max(100) }).strict(),
    output: z.object({ logged: z.boolean() }),
  }),
  'exchange.inspect': query({ input: PackageInput, output: InspectOutput }),
  'exchange.import': command({
    input: PackageInput.extend({ trust: z.boolean().default(false) }).strict(),
    output: ImportOutput,
  }),
  'exchange.importMany': command({
    input: ImportManyInput,
    output: ImportManyOutput,
  }),
  'exchange.conflicts': query({ input: Empty, output: z.array(ConflictItem) }),
  'exchange.conflict': query({ input: z.object({ copyId: uuid }).strict(), output: ConflictDetail }),
  'exchange.resolveConflict': command({
    input: ResolveConflictInput,
    output: ResolveConflictOutput,
  }),
  'exchange.reportGrid': query({ input: z.object({ planId: uuid, on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional() }).strict(), output: ReportGrid }),
  'exchange.log': query({ input: Empty, output: z.array(ExchangeLogEntry) }),
  'exchange.incoming': query({ input: Empty, output: z.array(IncomingEntry) }),
} as const;
export type ExchangeChannels = typeof exchangeChannels;
