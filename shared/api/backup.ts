/**
 * Backups: automatic copies in `backups/` of the data folder, "Sao lưu ngay", restore from the list or from a
 * `.khbak` file ("Sao lưu ra USB" is the save source `backup.khbak` of `file.chooseSave`, shared/api/file.ts).
 */
import { z } from 'zod';
import { Empty } from './common';
import { command, query } from './contract';

/**
 * Why a backup was taken. `auto` and `manual` are thinned by age; the copies taken before something replaces or
 * rewrites the data are kept 30 days (electron/backend/backup/retention.ts).
 */
export const BackupKind = z.enum(['auto', 'manual', 'before-restore', 'before-import', 'before-migration']);
export type BackupKind = z.infer<typeof BackupKind>;

/** A backup file's name in `backups/` (no folder, no path separators). */
export const BackupName = z
  .string()
  .max(200)
  .regex(/^kehoach-[0-9TZ-]+-[a-z-]+\.sqlite$/u, 'Tên bản sao lưu không hợp lệ');

export const BackupInfo = z.object({
  name: BackupName,
  kind: BackupKind,
  /** ISO timestamp. */
  takenAt: z.string(),
  size: z.number().int().min(0),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupCounts = z.object({
  plans: z.number().int().min(0),
  revisions: z.number().int().min(0),
  registerEntries: z.number().int().min(0),
  tasks: z.number().int().min(0),
  organizations: z.number().int().min(0),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

/** What a backup holds, checked whole; `refusal` says (in Vietnamese) why it cannot be restored. */
export const BackupPreview = z.object({
  takenAt: z.string(),
  kind: BackupKind,
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: BackupCounts,
  files: z.number().int().min(0),
  refusal: z.string().nullable(),
});
export type BackupPreview = z.infer<typeof BackupPreview>;

export const BackupList = z.object({
  items: z.array(BackupInfo),
  /** The newest backup's time (ISO), null when there is none. */
  newestAt: z.string().nullable(),
});
export type BackupList = z.infer<typeof BackupList>;

/**
 * Some revision of some plan carries a secrecy mark: a .khbak of this data is always passphrase-encrypted. Its own
 * query, not a field of `backup.list`: answering it reads every revision, and the header asks for the list on every
 * page load.
 */
export const SecretPlans = z.object({ secretPlans: z.boolean() });
export type SecretPlans = z.infer<typeof SecretPlans>;

/** A passphrase for a .khbak (scrypt + AES-256-GCM). */
export const Passphrase = z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự').max(200);

/** The bytes of a `.khbak` (base64), checked whole and kept aside until `backup.restore` or the next staging. */
export const StageFileInput = z.object({ base64: z.string().min(1), passphrase: Passphrase.optional() }).strict();
export const StageFileOutput = z.discriminatedUnion('staged', [
  z.object({ staged: z.literal(true), id: z.string(), preview: BackupPreview }),
  /** The file is encrypted: ask for the passphrase and send it again. */
  z.object({ staged: z.literal(false), needsPassphrase: z.literal(true) }),
]);
export type StageFileOutput = z.infer<typeof StageFileOutput>;

export const RestoreSource = z.discriminatedUnion('from', [
  z.object({ from: z.literal('list'), name: BackupName }).strict(),
  z.object({ from: z.literal('file'), id: z.string().min(1).max(100) }).strict(),
]);
export type RestoreSource = z.infer<typeof RestoreSource>;

export const RestoreOutput = z.object({
  /** The copy of the data as it was just before the restore (none when the database was damaged). */
  beforeRestore: BackupName.nullable(),
  /** The damaged database's new name beside the data (kehoach.sqlite.hong-<date>), when one was set aside. */
  setAside: z.string().nullable(),
  preview: BackupPreview,
});

/** A damaged database at start: the newest backup that passes its check, offered for a restore. */
export const RecoveryOutput = z.discriminatedUnion('damaged', [
  z.object({ damaged: z.literal(false) }),
  z.object({
    damaged: z.literal(true),
    message: z.string(),
    candidate: BackupInfo.nullable(),
    preview: BackupPreview.nullable(),
  }),
]);
export type RecoveryOutput = z.infer<typeof RecoveryOutput>;

export const KhbakFile = z.object({ fileName: z.string(), base64: z.string(), encrypted: z.boolean() });

export const backupChannels = {
  'backup.list': query({ input: Empty, output: BackupList }),
  /** Whether a .khbak of this data must be encrypted (a plan is, or was, marked MẬT or above). */
  'backup.secretPlans': query({ input: Empty, output: SecretPlans }),
  /** What a backup of the list holds (integrity_check included). */
  'backup.inspect': query({ input: z.object({ name: BackupName }).strict(), output: BackupPreview }),
  /** A database at start that failed its check, and the newest good backup. */
  'backup.recovery': query({ input: Empty, output: RecoveryOutput }),
  /** The whole data as one `.khbak` (produced for `file.chooseSave`; encrypted when a passphrase is given). */
  /**
   * A .khbak. `includeOfficeKey`: the office's private key (for signed exchange) goes in too, which forces the
   * passphrase; without it no .khbak, automatic backup or package ever holds the key.
   */
  'backup.exportFile': query({ input: z.object({ passphrase: Passphrase.optional(), includeOfficeKey: z.boolean().optional() }).strict(), output: KhbakFile }),
  /** "Sao lưu ngay". */
  'backup.create': command({ input: Empty, output: BackupInfo }),
  'backup.stageFile': command({ input: StageFileInput, output: StageFileOutput }),
  'backup.restore': command({ input: z.object({ source: RestoreSource }).strict(), output: RestoreOutput }),
} as const;
export type BackupChannels = typeof backupChannels;
