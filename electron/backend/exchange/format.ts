/**
 * The `.khx` package and the `.khkey` key card, as data (docs/EXCHANGE-FORMAT.md describes both for other programs).
 *
 * A package is a zip of `manifest.json` (who sent it, to whom, and every record with its owner, version, path and
 * SHA-256), the records as canonical JSON under `records/`, each issued plan's official .docx under `documents/`, and
 * `manifest.sig`: the sender's Ed25519 signature over the exact bytes of manifest.json (base64). With a MẬT plan the
 * whole zip is passphrase-encrypted (crypto/passphrase-box.ts, magic `KHXENC01`).
 */
import { z } from 'zod';
import { EvidenceMediaType } from '../../../shared/api/tasks';
import { OrgKind, PlanContent, PlanStatus } from '../../../shared/model';
import { TaskFacts } from '../../../shared/tasks/status';
import { KeyReplacement } from './identity';

export const PACKAGE_FORMAT = 'kehoach-khx';
/** The format version this app writes; it reads every version up to it (2: tasks, reports with evidence, directory entries). */
export const PACKAGE_VERSION = 2;
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
export const PACKAGE_MAGIC = 'KHXENC01';

/** Hostile-input limits of a package, each refused with its own message (package.ts). */
export const LIMITS = {
  /** The file itself. */
  fileBytes: 512 * 1024 * 1024,
  /** All entries uncompressed. */
  totalBytes: 1024 * 1024 * 1024,
  entries: 50_000,
  /** Uncompressed / compressed, for entries over ratioFloorBytes (a plan's JSON deflates about 6-10×). */
  ratio: 200,
  ratioFloorBytes: 64 * 1024,
  manifestBytes: 64 * 1024 * 1024,
} as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);
const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/u, 'Khóa công khai không hợp lệ');
const officeId = z.string().uuid();
const entryPath = (pattern: string) =>
  z
    .string()
    .max(200)
    .regex(new RegExp(`^${pattern}$`, 'u'), 'Tên thành phần không hợp lệ');
const UUID_PATH = '[0-9a-f-]{36}';

export const OfficeRef = z.object({ officeId, name: z.string().max(1000) });
export type OfficeRef = z.infer<typeof OfficeRef>;

export const Sender = OfficeRef.extend({
  symbol: z.string().max(100),
  publicKey: base64Key,
  fingerprint: z.string().max(100),
  /** No office profile yet: the sender is named by its id and fingerprint only. */
  profileMissing: z.boolean(),
});
export type Sender = z.infer<typeof Sender>;

export const FileRef = z.object({ path: entryPath(`documents/${UUID_PATH}\\.docx`), size: z.number().int().min(0), sha256: sha256Hex });
/** An evidence file of a report, named by its SHA-256 (the same file listed by several reports is one entry). */
export const EvidenceRef = z.object({ path: entryPath('evidence/[0-9a-f]{64}'), size: z.number().int().min(0), sha256: sha256Hex });

export const RecordKind = z.enum(['plan', 'task', 'report', 'org']);
export type RecordKind = z.infer<typeof RecordKind>;

export const ManifestRecord = z.object({
  kind: RecordKind,
  id: z.string().uuid(),
  /** The office the record belongs to: only it can change the record (owner-writes). */
  owner: officeId,
  /** The owner's revision of the record. */
  version: z.number().int().min(1),
  path: entryPath(`records/(?:(?:task|report|org)-)?${UUID_PATH}\\.json`),
  size: z.number().int().min(0),
  sha256: sha256Hex,
  /** The issued plan's official .docx. */
  document: FileRef.optional(),
  /** A report's evidence files. */
  files: z.array(EvidenceRef).max(100).optional(),
});
export type ManifestRecord = z.infer<typeof ManifestRecord>;

/** The fields every version keeps, read first so a newer version is refused by name (not as a schema error). */
export const ManifestHead = z.object({ format: z.literal(PACKAGE_FORMAT), version: z.number().int().min(1) });

export const Manifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  packageId: z.string().uuid(),
  createdAt: z.string().max(40),
  appVersion: z.string().max(100),
  sender: Sender,
  receiver: OfficeRef.nullable(),
  records: z.array(ManifestRecord).max(LIMITS.entries),
});
export type Manifest = z.infer<typeof Manifest>;

/** A plan as it travels: its content, status and the owner's revision. */
export const PlanRecord = z.object({
  kind: z.literal('plan'),
  id: z.string().uuid(),
  owner: OfficeRef,
  version: z.number().int().min(1),
  status: PlanStatus,
  updatedAt: z.string().max(40),
  content: PlanContent,
});
export type PlanRecord = z.infer<typeof PlanRecord>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/**
 * A tracked task's facts, sent by the office that reports on it: the unit a received plan's duty is assigned to
 * (back to the plan's owner), or the owner for its other tasks. Matched by plan and content id.
 */
export const TaskRecord = z.object({
  kind: z.literal('task'),
  id: z.string().uuid(),
  /** The office whose facts these are (the sender). */
  owner: OfficeRef,
  /** That office's count of changes to the facts. */
  version: z.number().int().min(1),
  planId: z.string().uuid(),
  /** The task's (or pilot unit's) id in the plan's content. */
  sourceId: z.string().uuid(),
  body: z.string().max(2000),
  facts: TaskFacts,
});
export type TaskRecord = z.infer<typeof TaskRecord>;

/** A progress report: append-only, so a union by id; its evidence files travel beside it. */
export const ReportRecord = z.object({
  kind: z.literal('report'),
  id: z.string().uuid(),
  /** The office that wrote it. */
  owner: OfficeRef,
  version: z.literal(1),
  planId: z.string().uuid(),
  sourceId: z.string().uuid(),
  date: day,
  text: z.string().max(20_000),
  percent: z.number().int().min(0).max(100).nullable(),
  createdAt: z.string().max(40),
  files: z
    .array(z.object({ sha256: sha256Hex, name: z.string().min(1).max(255), size: z.number().int().min(1), mediaType: EvidenceMediaType }))
    .max(100),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

/** A directory entry the sender chose to share. */
export const OrgRecord = z.object({
  kind: z.literal('org'),
  id: z.string().uuid(),
  owner: OfficeRef,
  version: z.number().int().min(1),
  name: z.string().min(1).max(500),
  shortName: z.string().max(200),
  orgKind: OrgKind,
  notes: z.string().max(5000),
});
export type OrgRecord = z.infer<typeof OrgRecord>;

export const AnyRecord = z.discriminatedUnion('kind', [PlanRecord, TaskRecord, ReportRecord, OrgRecord]);
export type AnyRecord = z.infer<typeof AnyRecord>;

export const KEY_CARD_FORMAT = 'kehoach-khkey';

/** The `.khkey` key card: an office's public key, signed by that key; after a replacement also by the old key. */
export const KeyCardBody = z.object({
  format: z.literal(KEY_CARD_FORMAT),
  version: z.literal(1),
  officeId,
  name: z.string().max(1000),
  symbol: z.string().max(100),
  publicKey: base64Key,
  fingerprint: z.string().max(100),
  createdAt: z.string().max(40),
  replaces: KeyReplacement.optional(),
});
export type KeyCardBody = z.infer<typeof KeyCardBody>;
export const KeyCard = KeyCardBody.extend({ signature: z.string().max(200) });
export type KeyCard = z.infer<typeof KeyCard>;
