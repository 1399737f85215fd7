/**
 * Files the user chooses. Main owns the native dialogs and the reading and writing of the chosen files (in the web
 * harness: a browser download or upload); the renderer never sees a path. Saving is one call: name what to save,
 * main produces the bytes, asks where, writes them safely and answers with the chosen file's name.
 */
import { z } from 'zod';
import { uuid } from '../model/common';
import { Passphrase } from './backup';
import { command } from './contract';
import { ExportInput, ExportSummary } from './exchange';
import { TaskExportInput } from './tasks';

/** The kinds of file the app saves or opens, with the dialog's filter (the label is Vietnamese, shown by the OS). */
export const FILE_KINDS = {
  docx: { label: 'Văn bản Word (.docx)', extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { label: 'Tài liệu PDF (.pdf)', extensions: ['pdf'], mime: 'application/pdf' },
  json: { label: 'Tệp dữ liệu JSON (.json)', extensions: ['json'], mime: 'application/json' },
  khbak: { label: 'Bản sao lưu KẾ HOẠCH (.khbak)', extensions: ['khbak'], mime: 'application/octet-stream' },
  xlsx: { label: 'Bảng tính Excel (.xlsx)', extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  /** A plain text (a plan to import). */
  txt: { label: 'Văn bản thuần (.txt)', extensions: ['txt'], mime: 'text/plain' },
  /** A signed exchange package (Trao đổi dữ liệu). */
  khx: { label: 'Gói trao đổi KẾ HOẠCH (.khx)', extensions: ['khx'], mime: 'application/octet-stream' },
  /** An office's public key card. */
  khkey: { label: 'Thẻ khóa đơn vị (.khkey)', extensions: ['khkey'], mime: 'application/octet-stream' },
  /** A progress report's evidence (the backend checks the type by content: shared/api/tasks.ts). */
  evidence: {
    label: 'Tệp minh chứng (PDF, ảnh, Word, Excel, văn bản)',
    extensions: ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'txt'],
    mime: 'application/octet-stream',
  },
} as const;
export const FileKind = z.enum(['docx', 'pdf', 'json', 'khbak', 'xlsx', 'txt', 'khx', 'khkey', 'evidence']);
export type FileKind = z.infer<typeof FileKind>;

/** Largest file `file.read` hands over (the bytes travel as base64 over IPC). */
export const MAX_OPEN_BYTES = 32 * 1024 * 1024;
/**
 * A backup (.khbak) may be larger: the whole data. Its bytes still travel as base64 (main → renderer → backend,
 * which checks it whole before anything changes); 256 MB keeps that base64 well under V8's longest string. The web
 * harness takes it at /api/upload up to this size (its other calls stay within 32 MB).
 */
export const MAX_BACKUP_OPEN_BYTES = 256 * 1024 * 1024;
/** The size limit of `file.read` for a chosen file, by its name. */
export const maxOpenBytesFor = (fileName: string): number => (/\.khbak$/iu.test(fileName) ? MAX_BACKUP_OPEN_BYTES : MAX_OPEN_BYTES);

/** What to save: main (or the harness) produces the bytes and the suggested file name from it. */
export const SaveSource = z.discriminatedUnion('kind', [
  /** The plan as .docx (the backend's writer). */
  z.object({ kind: z.literal('plan.docx'), id: uuid }).strict(),
  /** The plan's print pages (route #/print/:id) as an A4 PDF. */
  z.object({ kind: z.literal('plan.pdf'), id: uuid }).strict(),
  /** The whole data as a .khbak ("Sao lưu ra USB"), passphrase-encrypted when one is given (backup.exportFile). */
  z.object({ kind: z.literal('backup.khbak'), passphrase: Passphrase.optional(), includeOfficeKey: z.boolean().optional() }).strict(),
  /** The task table as .xlsx, with its status on the day and the list's filters (the backend's task.exportXlsx). */
  z.object({ kind: z.literal('tasks.xlsx'), filter: TaskExportInput }).strict(),
  /** A signed exchange package of the chosen plans (the backend's exchange.exportPackage, entered in the Sổ trao đổi). */
  z.object({ kind: z.literal('exchange.khx'), export: ExportInput }).strict(),
  /** The office's public key card (exchange.exportKeyCard). */
  z.object({ kind: z.literal('exchange.khkey') }).strict(),
]);
export type SaveSource = z.infer<typeof SaveSource>;

/** The file kind a save source produces. */
export const saveSourceKind = (source: SaveSource): FileKind => SAVE_SOURCE_KINDS[source.kind];
const SAVE_SOURCE_KINDS: Record<SaveSource['kind'], FileKind> = {
  'plan.docx': 'docx',
  'plan.pdf': 'pdf',
  'backup.khbak': 'khbak',
  'tasks.xlsx': 'xlsx',
  'exchange.khx': 'khx',
  'exchange.khkey': 'khkey',
};

export const ChooseSaveInput = z.object({ source: SaveSource }).strict();
/**
 * `saved: true` only once the file on disk read back equal to the bytes; `fileName` is the chosen name, no folder.
 * An exchange package also says what went in it (`exchange`).
 */
export const ChooseSaveOutput = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), fileName: z.string(), exchange: ExportSummary.optional() }),
  z.object({ saved: z.literal(false) }),
]);
export type ChooseSaveOutput = z.infer<typeof ChooseSaveOutput>;

export const ChooseOpenInput = z.object({ kinds: z.array(FileKind).min(1).max(Object.keys(FILE_KINDS).length) }).strict();
/** A short-lived, single-use token stands for the chosen file; `file.read` exchanges it for the bytes. */
export const ChooseOpenOutput = z.discriminatedUnion('opened', [
  z.object({ opened: z.literal(true), token: z.string(), fileName: z.string(), size: z.number().int().min(0) }),
  z.object({ opened: z.literal(false) }),
]);
export type ChooseOpenOutput = z.infer<typeof ChooseOpenOutput>;

/** Several files at once (e.g. every .khx on a stick); none when cancelled. Each token as `file.chooseOpen`'s. */
export const ChooseOpenManyOutput = z.object({
  files: z.array(z.object({ token: z.string(), fileName: z.string(), size: z.number().int().min(0) })).max(1000),
});
export type ChooseOpenManyOutput = z.infer<typeof ChooseOpenManyOutput>;

export const ReadInput = z.object({ token: z.string().min(1).max(100) }).strict();
export const ReadOutput = z.object({ fileName: z.string(), base64: z.string() });
export type ReadOutput = z.infer<typeof ReadOutput>;

/** An evidence file by its SHA-256 (a report's `files[].sha256`). */
export const OpenEvidenceInput = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Mã SHA-256 không hợp lệ' }) }).strict();
/** `fileName`: the name it was opened under (its original name, with the extension its content calls for). */
export const OpenEvidenceOutput = z.object({ opened: z.literal(true), fileName: z.string() });
export type OpenEvidenceOutput = z.infer<typeof OpenEvidenceOutput>;


/**
 * The channels main answers itself (the web harness and its bridge in the browser); the backend never sees them.
 * Commands that change nothing the app reads back: they invalidate no query.
 */
export const fileChannels = {
  /** Produce the file for `source`, ask where to save it, write it safely. */
  'file.chooseSave': command({ input: ChooseSaveInput, output: ChooseSaveOutput }),
  /** Ask which file to open; a token stands for it. */
  'file.chooseOpen': command({ input: ChooseOpenInput, output: ChooseOpenOutput }),
  /** Ask which files to open (several may be chosen); a token stands for each. */
  'file.chooseOpenMany': command({ input: ChooseOpenInput, output: ChooseOpenManyOutput }),
  /** The bytes of the file behind a token (spends the token). */
  'file.read': command({ input: ReadInput, output: ReadOutput }),
  /** Open an evidence file with the system's viewer (a copy in a temporary folder; in the web harness: a download). */
  'file.openEvidence': command({ input: OpenEvidenceInput, output: OpenEvidenceOutput }),
} as const;
export type FileChannels = typeof fileChannels;
export type FileChannel = keyof FileChannels;
export const isFileChannel = (name: string): name is FileChannel => Object.hasOwn(fileChannels, name);
