import { z } from 'zod';

/**
 * READ_ONLY: the data is open read-only (a write-protected file or folder), so nothing can be saved. DISK_FULL: the
 * disk is full, nothing half-written was kept. DB_LOCKED: another program holds the database.
 */
export const ErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'DB_NEWER',
  'DB_CORRUPT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'IO',
  'INTERNAL',
  'READ_ONLY',
  'DISK_FULL',
  'DB_LOCKED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Errors travel as data, with a Vietnamese message ready for the user. */
export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For VALIDATION: the field paths and their messages. */
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Turn a zod error into the contract's VALIDATION error with Vietnamese field messages. */
export function validationError(error: z.ZodError, what = 'Dữ liệu'): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  const first = issues[0];
  const where = first && first.path.length ? ` (trường ${first.path.join('.')})` : '';
  return {
    code: 'VALIDATION',
    message: `${what} không hợp lệ${where}: ${first?.message ?? 'lỗi không xác định'}`,
    issues,
  };
}
