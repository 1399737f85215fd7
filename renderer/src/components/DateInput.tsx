/**
 * The one field for entering a date: shown dd/mm/yyyy with a calendar in the window's language (DatesProvider in
 * AppProviders), whatever the machine's locale; the value is an ISO day ("YYYY-MM-DD"), or a list of them with
 * `multiple`. Every date entered in the renderer goes through it (no <input type="date">, which shows the system's
 * mm/dd/yyyy).
 */
import { DatePickerInput } from '@mantine/dates';
import type { ReactNode } from 'react';

/** How a date shows in the field. */
export const DATE_INPUT_FORMAT = 'DD/MM/YYYY';

interface CommonProps {
  label?: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  error?: ReactNode;
  withAsterisk?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  className?: string;
  autoFocus?: boolean;
  w?: number | string;
  maxLevel?: 'month' | 'year' | 'decade';
  'data-path'?: string;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  /** ISO day, or null/'' for none. */
  value: string | null;
  onChange: (value: string | null) => void;
  /** Offer a button that empties the field (default true). */
  clearable?: boolean;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value: readonly string[];
  onChange: (value: string[]) => void;
  clearable?: boolean;
}

/** A picked value as an ISO day: the picker answers "YYYY-MM-DD" (older versions a Date-like string with a time). */
const isoDay = (v: unknown): string | null => (typeof v === 'string' && v ? v.slice(0, 10) : null);

export function DateInput(props: SingleProps | MultipleProps) {
  const { multiple, value, onChange, clearable = true, ...rest } = props;
  if (multiple) {
    const change = onChange as MultipleProps['onChange'];
    return (
      <DatePickerInput
        {...rest}
        type="multiple"
        clearable={clearable}
        valueFormat={DATE_INPUT_FORMAT}
        value={[...(value as readonly string[])]}
        onChange={(v) => change((v as unknown[]).map(isoDay).filter((d): d is string => d !== null))}
      />
    );
  }
  const change = onChange as SingleProps['onChange'];
  return <DatePickerInput {...rest} clearable={clearable} valueFormat={DATE_INPUT_FORMAT} value={(value as string | null) || null} onChange={(v) => change(isoDay(v))} />;
}
