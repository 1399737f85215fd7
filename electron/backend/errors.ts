import type { ApiError, ErrorCode } from '../../shared/api';

/** An expected failure with a Vietnamese message for the user. Thrown by handlers and repositories. */
export class BackendError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
    this.name = 'BackendError';
  }
  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

export const notFound = (what: string) => new BackendError('NOT_FOUND', `Không tìm thấy ${what}.`);
