import type { ApiError, ErrorCode } from '../../shared/api';

/**
 * What kind of failure an error is, told apart for the user: the open diagnosis (db/open.ts) and every mapped error
 * of the backend use the same kinds.
 */
export type FailureKind =
  | 'damaged'
  | 'newer'
  | 'read-only'
  | 'disk-full'
  | 'locked'
  | 'path-is-folder'
  | 'data-folder-is-file'
  | 'no-access'
  | 'missing'
  | 'io'
  | 'unknown';

/** An expected failure with a Vietnamese message for the user. Thrown by handlers and repositories. */
export class BackendError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiError['issues'],
    /** What kind of failure it is, when the code alone does not say (the open diagnosis). */
    readonly kind?: FailureKind,
  ) {
    super(message);
    this.name = 'BackendError';
  }
  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

export const notFound = (what: string) => new BackendError('NOT_FOUND', `Không tìm thấy ${what}.`);

/** The machine code of a SQLite (SQLITE_*) or Node (E*) error, if it carries one. */
export function errorCode(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** The kind of a raw SQLite or Node error, from its code (never from its English text). */
export function failureKind(err: unknown): FailureKind {
  if (err instanceof BackendError) return err.kind ?? kindOfCode[err.code] ?? 'unknown';
  const code = errorCode(err) ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_IOERR_SHMSIZE') return 'disk-full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY' || code === 'ETXTBSY') return 'locked';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code === 'EISDIR') return 'path-is-folder';
  if (code === 'ENOTDIR') return 'data-folder-is-file';
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) return 'no-access';
  if (code === 'ENOENT') return 'missing';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') return 'io';
  return 'unknown';
}

const kindOfCode: Partial<Record<ErrorCode, FailureKind>> = {
  DB_CORRUPT: 'damaged',
  DB_NEWER: 'newer',
  READ_ONLY: 'read-only',
  DISK_FULL: 'disk-full',
  DB_LOCKED: 'locked',
};

export const isReadOnlyError = (err: unknown) => failureKind(err) === 'read-only';

/** What the user is told for each kind of failure during work (the open has its own messages, db/open.ts). */
const failures: Record<FailureKind, { code: ErrorCode; message: string }> = {
  'disk-full': {
    code: 'DISK_FULL',
    message: 'Ổ đĩa đã đầy nên chưa lưu được. Dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng chỗ trống trên ổ đĩa; ứng dụng sẽ lưu lại.',
  },
  'read-only': {
    code: 'READ_ONLY',
    message: 'Dữ liệu đang mở ở chế độ chỉ đọc: xem và in được, nhưng không lưu được thay đổi. Hãy kiểm tra quyền ghi vào thư mục dữ liệu rồi mở lại ứng dụng.',
  },
  locked: {
    code: 'DB_LOCKED',
    message: 'Dữ liệu đang bị chương trình khác sử dụng nên chưa thực hiện được. Hãy đóng chương trình đó (hoặc bản ứng dụng thứ hai đang mở) rồi thử lại.',
  },
  damaged: {
    code: 'DB_CORRUPT',
    message: 'Tệp dữ liệu bị hỏng ở chỗ cần đọc nên không thực hiện được. Hãy khôi phục từ bản sao lưu.',
  },
  newer: { code: 'DB_NEWER', message: 'Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất.' },
  'path-is-folder': { code: 'IO', message: 'Nơi cần ghi tệp lại là một thư mục. Hãy đổi tên hoặc chuyển thư mục đó đi.' },
  'data-folder-is-file': { code: 'IO', message: 'Nơi cần là thư mục lại là một tệp. Hãy đổi tên hoặc chuyển tệp đó đi.' },
  'no-access': { code: 'IO', message: 'Không có quyền đọc hoặc ghi thư mục dữ liệu. Hãy kiểm tra quyền truy cập của thư mục.' },
  missing: { code: 'IO', message: 'Không tìm thấy tệp hoặc thư mục cần dùng (ổ đĩa đã bị rút?).' },
  io: { code: 'IO', message: 'Lỗi đọc/ghi ổ đĩa. Dữ liệu đã lưu trước đó vẫn nguyên vẹn; hãy thử lại, nếu lỗi lặp lại hãy kiểm tra ổ đĩa.' },
  unknown: { code: 'INTERNAL', message: 'Lỗi không mong đợi trong phần xử lý dữ liệu; thao tác chưa được thực hiện.' },
};

/**
 * THE translation of any error into what the user reads: a BackendError as it is, a raw SQLite or Node error by its
 * code into a Vietnamese message with what to do. Raw English text ("database is locked", EISDIR…) never reaches the
 * user; an unknown error names only its machine code, and its text goes to the log (stderr).
 */
export function translateError(err: unknown): BackendError {
  if (err instanceof BackendError) return err;
  const kind = failureKind(err);
  const { code, message } = failures[kind];
  if (kind !== 'unknown') return new BackendError(code, message, undefined, kind);
  const machine = errorCode(err);
  process.stderr.write(`Unexpected backend error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return new BackendError(code, machine ? `${message} (mã lỗi ${machine})` : message, undefined, kind);
}
