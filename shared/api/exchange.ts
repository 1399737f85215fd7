/**
 * Data exchange between offices: the office's identity (Ed25519 key, fingerprint), key cards (.khkey) and the trust
 * list, signed packages (.khx) exported, inspected and imported, the Sổ trao đổi and the sổ văn bản đến.
 * Files travel as base64 (main's file.chooseOpen/file.read and file.chooseSave carry them).
 */
import { z } from 'zod';
import { uuid } from '../model';
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

export const RecordCheck = z.object({
  kind: z.literal('plan'),
  id: z.string(),
  title: z.string(),
  number: z.string(),
  owner: z.object({ officeId: z.string(), name: z.string() }),
  version: z.number().int(),
  verdict: RecordVerdict,
  /** Why (refused, or a note on trùng), in Vietnamese. */
  reason: z.string().nullable(),
  hasDocument: z.boolean(),
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
    /** The receiving office (from the trust list). */
    receiverId: uuid.optional(),
    /** Required when a plan is marked MẬT. */
    passphrase: Passphrase.optional(),
  })
  .strict();

export const ExportOutput = z.object({
  fileName: z.string(),
  base64: z.string(),
  packageId: z.string(),
  plans: z.number().int(),
  documents: z.number().int(),
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

export const exchangeChannels = {
  'exchange.identity': query({ input: Empty, output: OfficeIdentityInfo }),
  'exchange.exportKeyCard': query({ input: Empty, output: ProducedFile }),
  'exchange.replaceKey': command({ input: Empty, output: OfficeIdentityInfo, invalidates: ['exchange.identity'] }),
  'exchange.trustList': query({ input: Empty, output: z.array(TrustedOfficeInfo) }),
  'exchange.checkKeyCards': query({ input: z.object({ files: z.array(FileBytes).min(1).max(1000) }).strict(), output: z.array(KeyCardCheck) }),
  'exchange.enrolKeyCards': command({
    input: z.object({ files: z.array(FileBytes).min(1).max(1000), confirmChanged: z.array(uuid).max(1000).default([]) }).strict(),
    output: z.array(KeyCardCheck),
    invalidates: ['exchange.trustList'],
  }),
  'exchange.revokeKey': command({ input: z.object({ officeId: uuid }).strict(), output: TrustedOfficeInfo, invalidates: ['exchange.trustList'] }),
  'exchange.linkOrg': command({ input: z.object({ officeId: uuid, orgId: uuid.nullable() }).strict(), output: TrustedOfficeInfo, invalidates: ['exchange.trustList'] }),
  'exchange.exportPackage': command({ input: ExportInput, output: ExportOutput, invalidates: ['exchange.log'] }),
  'exchange.inspect': query({ input: PackageInput, output: InspectOutput }),
  'exchange.import': command({
    input: PackageInput.extend({ trust: z.boolean().default(false) }).strict(),
    output: ImportOutput,
    invalidates: ['exchange.log', 'exchange.incoming', 'exchange.trustList', 'plan.list', 'plan.get', 'plan.years', 'plan.revisions'],
  }),
  'exchange.log': query({ input: Empty, output: z.array(ExchangeLogEntry) }),
  'exchange.incoming': query({ input: Empty, output: z.array(IncomingEntry) }),
} as const;
export type ExchangeChannels = typeof exchangeChannels;
