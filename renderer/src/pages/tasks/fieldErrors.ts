/**
 * The backend's Vietnamese VALIDATION messages at the fields they name: `issues[].path[0]` is the input's field
 * ("date", "reason", "text", "percent", "files"). What names no field of the form stays a message for the form.
 */
import { ApiCallError, errorMessage } from '../../api/client';

export interface FieldErrors {
  fields: Record<string, string>;
  /** A message for the whole form (no field named, or not a validation error). */
  form: string | null;
}

export const NO_ERRORS: FieldErrors = { fields: {}, form: null };

export function fieldErrorsOf(err: unknown, fields: readonly string[]): FieldErrors {
  if (err instanceof ApiCallError && err.apiError.code === 'VALIDATION' && err.apiError.issues?.length) {
    const out: Record<string, string> = {};
    for (const issue of err.apiError.issues) {
      const field = String(issue.path[0] ?? '');
      if (fields.includes(field) && !(field in out)) out[field] = issue.message;
    }
    if (Object.keys(out).length > 0) return { fields: out, form: null };
  }
  return { fields: {}, form: errorMessage(err) };
}
