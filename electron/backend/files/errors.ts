/** File errors with a Vietnamese message for the user, from Node's error codes, and their contract form. */
import type { ApiError } from '../../../shared/api';

export type FileIoCode = 'NO_SPACE' | 'NO_PERMISSION' | 'BUSY' | 'MISSING' | 'TOO_LARGE' | 'MISMATCH' | 'IO';

export class FileIoError extends Error {
  constructor(
    readonly code: FileIoCode,
    message: string,
  ) {
    super(message);
    this.name = 'FileIoError';
  }
}

const errno = (err: unknown): string | undefined =>
  err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

/** What went wrong, said for the user; `step` tells writing from reading. */
export function fileIoError(err: unknown, step: 'write' | 'verify' | 'read'): FileIoError {
  const verb = step === 'read' ? 'Không đọc được tệp' : 'Không lưu được tệp';
  switch (errno(err)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileIoError('NO_SPACE', `${verb}: ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn nơi lưu khác.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new FileIoError('NO_PERMISSION', `${verb}: không có quyền truy cập thư mục này (ổ chỉ đọc hoặc bị khóa). Hãy chọn nơi khác.`);
    case 'EBUSY':
    case 'ETXTBSY':
      return new FileIoError('BUSY', `${verb}: tệp đang được mở trong chương trình khác. Hãy đóng tệp đó rồi thử lại.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new FileIoError('MISSING', `${verb}: thư mục hoặc tệp không còn tồn tại (ổ USB đã bị rút?).`);
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return new FileIoError('IO', `${verb}: ${detail}`);
    }
  }
}

/** Messages the web harness's bridge shows too (it answers the file channels in the browser). */
export const fileMessages = {
  tokenSpent: 'Tệp đã chọn không còn dùng được nữa. Hãy chọn lại tệp.',
  tooLarge: (maxBytes: number) => `Không đọc được tệp: tệp lớn quá ${Math.round(maxBytes / (1024 * 1024))} MB.`,
};

/** A contract error to hand back as is (NOT_FOUND, VALIDATION…). */
export class ContractFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'ContractFailure';
  }
}

/** Any failure while serving a file channel, as the contract's error. */
export function fileApiError(err: unknown): ApiError {
  if (err instanceof ContractFailure) return err.apiError;
  if (err instanceof FileIoError) return { code: 'IO', message: err.message };
  return { code: 'INTERNAL', message: `Lỗi không mong đợi khi xử lý tệp: ${err instanceof Error ? err.message : String(err)}` };
}
