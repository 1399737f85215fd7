/**
 * The editor's input fields. Each one:
 *  - is bound to one place of the draft (value + onChange) and carries `data-path` so a lint finding can focus it;
 *  - shows an inline error: its own validation message (Vietnamese, through i18n) or the lint finding for its path;
 *  - with a `validate` function, keeps what the user typed while it is invalid and only commits valid values,
 *    so the autosaved draft always satisfies the model.
 */
import { useId, useState, type ReactNode } from 'react';
import { NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Autocomplete } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { pathKey, useEdit, useFinding, type FieldPath } from '../state/context';

/** The error to show under a field: local validation first, then a lint finding (as a warning style). */
function useShownError(path: FieldPath | undefined, local: string | null): ReactNode {
  const finding = useFinding(path);
  if (local) return local;
  return finding ? finding.message : null;
}

interface CommonProps {
  path?: FieldPath;
  label: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  required?: boolean;
  /** Returns a translated message when the value is not acceptable (it is then not committed). */
  validate?: (value: string) => string | null;
  disabled?: boolean;
  className?: string;
  autoFocus?: boolean;
}

/** The Mantine input props every field shares: label, hints, read-only mode, the error to show, the field path. */
function useFrame(props: CommonProps, localError: string | null) {
  const { readOnly } = useEdit();
  const error = useShownError(props.path, localError);
  return {
    label: props.label,
    description: props.description,
    placeholder: props.placeholder,
    withAsterisk: props.required,
    error,
    readOnly,
    disabled: props.disabled,
    className: props.className,
    autoFocus: props.autoFocus,
    'data-path': props.path ? pathKey(props.path) : undefined,
  };
}

interface TextFieldProps extends CommonProps {
  value: string;
  onChange: (value: string) => void;
  /** Offer these values as suggestions while typing. */
  suggestions?: readonly string[];
  onBlur?: () => void;
}

/** Local buffer for a field whose text may be temporarily invalid. */
function useBuffered(value: string, onChange: (v: string) => void, validate?: (v: string) => string | null) {
  const [raw, setRaw] = useState<string | null>(null);
  const shown = raw ?? value;
  const error = raw !== null && validate ? validate(raw) : null;
  const change = (next: string) => {
    if (!validate) {
      onChange(next);
      return;
    }
    setRaw(next);
    if (!validate(next)) onChange(next);
  };
  const blur = () => {
    if (raw !== null && !validate?.(raw)) setRaw(null);
  };
  return { shown, error, change, blur };
}

export function TextField(props: TextFieldProps) {
  const b = useBuffered(props.value, props.onChange, props.validate);
  const common = {
    ...useFrame(props, b.error),
    onBlur: () => {
      b.blur();
      props.onBlur?.();
    },
  };
  if (props.suggestions && props.suggestions.length) {
    return <Autocomplete {...common} value={b.shown} onChange={b.change} data={[...new Set(props.suggestions)]} />;
  }
  return <TextInput {...common} value={b.shown} onChange={(e) => b.change(e.currentTarget.value)} />;
}

interface AreaFieldProps extends TextFieldProps {
  minRows?: number;
  /** Gives access to the textarea (e.g. to insert a footnote at the caret). */
  inputRef?: React.Ref<HTMLTextAreaElement>;
}

export function AreaField(props: AreaFieldProps) {
  const b = useBuffered(props.value, props.onChange, props.validate);
  return (
    <Textarea
      {...useFrame(props, b.error)}
      ref={props.inputRef}
      autosize
      minRows={props.minRows ?? 2}
      maxRows={16}
      value={b.shown}
      onChange={(e) => b.change(e.currentTarget.value)}
      onBlur={() => {
        b.blur();
        props.onBlur?.();
      }}
    />
  );
}

interface NumberFieldProps extends Omit<CommonProps, 'validate'> {
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  /** Blank allowed (null). */
  nullable?: boolean;
  w?: number | string;
}

/** Whole numbers only; out-of-range values show the range and are not committed. */
export function NumberField(props: NumberFieldProps) {
  const { t } = useTranslation('editor');
  const [raw, setRaw] = useState<string | number | null>(null);
  const check = (v: string | number): string | null => {
    if (v === '' || v === null) return props.nullable === false ? t('validation.required') : null;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n)) return t('validation.wholeNumber');
    if (props.min !== undefined && n < props.min) return t('validation.min', { min: props.min });
    if (props.max !== undefined && n > props.max) return t('validation.max', { max: props.max });
    return null;
  };
  const frame = useFrame(props, raw !== null ? check(raw) : null);
  return (
    <NumberInput
      {...frame}
      w={props.w}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      value={raw ?? props.value ?? ''}
      onChange={(v) => {
        setRaw(v);
        if (!check(v)) props.onChange(v === '' ? null : Number(v));
      }}
      onBlur={() => {
        if (raw !== null && !check(raw)) setRaw(null);
      }}
    />
  );
}

interface SelectFieldProps<V extends string> extends Omit<CommonProps, 'validate'> {
  value: V;
  onChange: (value: V) => void;
  data: readonly { value: V; label: string }[];
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  return (
    <Select
      {...useFrame(props, null)}
      allowDeselect={false}
      data={props.data.map((d) => ({ value: d.value, label: d.label }))}
      value={props.value}
      onChange={(v) => v !== null && props.onChange(v as V)}
    />
  );
}

interface DateFieldProps extends Omit<CommonProps, 'validate'> {
  /** ISO date (YYYY-MM-DD) or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  clearable?: boolean;
}

export function DateField(props: DateFieldProps) {
  return (
    <DatePickerInput
      {...useFrame(props, null)}
      clearable={props.clearable ?? true}
      valueFormat="DD/MM/YYYY"
      value={props.value}
      onChange={(v) => props.onChange(typeof v === 'string' && v ? v.slice(0, 10) : null)}
    />
  );
}

interface ChoiceFieldProps<V extends string> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  data: { value: V; label: string }[];
  hint?: string;
  path?: FieldPath;
}

/** A labelled segmented choice among a few fixed values (list/sentence form, T/M · K/T · T/L …). */
export function ChoiceField<V extends string>(props: ChoiceFieldProps<V>) {
  const { readOnly } = useEdit();
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {props.label}
      </Text>
      <SegmentedControl
        className="kh-choice"
        aria-labelledby={labelId}
        readOnly={readOnly}
        data-path={props.path ? pathKey(props.path) : undefined}
        value={props.value}
        onChange={(v) => props.onChange(v as V)}
        data={props.data}
      />
      {props.hint && (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      )}
    </Stack>
  );
}
