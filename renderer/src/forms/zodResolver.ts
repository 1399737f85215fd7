/**
 * Validate a @mantine/form with a zod schema from shared/model. Messages written in the schemas
 * (Vietnamese) win; zod's generic ones are replaced by translated, human ones.
 */
import type { z } from 'zod';
import type { FormErrors } from '@mantine/form';
import type { ApiError } from '../../../shared/api';
import { i18n } from '../i18n';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

function genericMessage(issue: Issue): string | undefined {
  const t = i18n.t.bind(i18n);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.required');
    case 'too_small':
      if (issue.origin === 'number') return t('validation.min', { min: issue.minimum });
      if (issue.origin === 'string') return t('validation.required');
      return t('validation.tooFew', { min: issue.minimum });
    case 'too_big':
      if (issue.origin === 'number') return t('validation.max', { max: issue.maximum });
      if (issue.origin === 'string') return t('validation.tooLong', { max: issue.maximum });
      return t('validation.tooMany', { max: issue.maximum });
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_format':
      return t('validation.format');
    default:
      return t('validation.invalid');
  }
}

/** Zod issue paths → Mantine form error keys ("issuer.higherLines.0"). The first message per field wins. */
export function issuesToFormErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** The field errors a backend VALIDATION error carries, ready for form.setErrors. */
export function apiErrorToFormErrors(error: ApiError): FormErrors {
  return error.issues ? issuesToFormErrors(error.issues) : {};
}

export function zodResolver(schema: z.ZodType) {
  return (values: unknown): FormErrors => {
    const result = schema.safeParse(values, { error: genericMessage });
    return result.success ? {} : issuesToFormErrors(result.error.issues);
  };
}
