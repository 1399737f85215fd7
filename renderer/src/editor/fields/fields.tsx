/**
 * The editor's input fields. Each one:
 *  - is bound to one place of the draft (value + onChange) and carries `data-path` so a lint finding can focus it;
 *  - commits what the user typed, always: what is shown is what autosave stores (a value the store refuses is
 *    held back and named by the save status, see state/storable.ts);
 *  - shows an inline error: its own check (`validate`, a translated message) or the finding for its path (a lint
 *    finding, or the store's reason for holding the value back). Checks never stop a value from being saved.
 *  - pastes as meant: a tab becomes a space; a one-line field takes line breaks as spaces; a text area may offer to
 *    split a pasted text of several lines (`onPasteLines`).
 */
import { useId, useState, type ClipboardEvent, type ReactNode } from 'react';
import { NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Autocomplete } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { normalizePastedText, pastedOnOneLine, splitPastedLines, type PastedLines } from '../../../../shared/format/pasted-text';
import { pathKey, useEdit, useFinding, type FieldPath } from '../state/context';
import { DateInput } from '../../components/DateInput';

/** A text of several lines pasted into a text area: what the field held around it, and the lines. */
export interface PastedInField {
  before: string;
  after: string;
  /** The field's value once pasted (an offer to split it stands while the value is still this). */
  value: string;
  lines: PastedLines;
}

/**
 * The paste handler of a text field: when the clipboard's text holds tabs (or, in a one-line field, line breaks),
 * the cleaned text is inserted instead (through the browser's own insertion where it can, so undo still works);
 * a text of several lines pasted into a text area is reported to `onLines`.
 */
function pasteHandler(value: string, onChange: (value: string) => void, oneLine: boolean, onLines?: (paste: PastedInField) => void) {
  return (e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    const raw = e.clipboardData.getData('text/plain');
    if (!raw || el.readOnly) return;
    const text = oneLine ? pastedOnOneLine(raw) : normalizePastedText(raw);
    const lines = onLines ? splitPastedLines(text) : null;
    if (text === raw && !lines) return;
    e.preventDefault();
    const start = el.selectionStart ?? value.length;
    const end = el.selectionEnd ?? start;
    const before = value.slice(0, start);
    const after = value.slice(end);
    const next = before + text + after;
    const inserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text) && el.value === next;
    if (!inserted) onChange(next);
    if (lines && onLines) onLines({ before, after, value: next, lines });
  };
}

/** The error to show under a field: its own check first, then the finding for its path. */
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
  /** Returns a translated message when the value is not acceptable (shown under the field; the value is kept). */
  validate?: (value: string) => string | null;
  disabled?: boolean;
  className?: string;
  autoFocus?: boolean;
}

/** The Mantine input props every field shares: label, hints, read-only mode, the error to show, the field path. */
function useFrame(props: Omit<CommonProps, 'validate'>, localError: string | null) {
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
  w?: number | string;
  /** 'numeric' for digits typed as text (date parts): the on-screen keyboard shows digits, any text is kept. */
  inputMode?: 'numeric';
  /** Sees pasted plain text first; returns true when it took the paste over (the field then keeps what it set). */
  onPasteText?: (text: string) => boolean;
}

export function TextField(props: TextFieldProps) {
  const common = { ...useFrame(props, props.validate?.(props.value) ?? null), onBlur: props.onBlur, w: props.w, inputMode: props.inputMode };
  const cleanPaste = pasteHandler(props.value, props.onChange, true);
  // The field's own reading of a paste first (a number with its symbol), else the cleaning every field does.
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    if (props.onPasteText && !e.currentTarget.readOnly && props.onPasteText(e.clipboardData.getData('text/plain'))) {
      e.preventDefault();
      return;
    }
    cleanPaste(e);
  };
  if (props.suggestions && props.suggestions.length) {
    return <Autocomplete {...common} value={props.value} onChange={props.onChange} onPaste={onPaste} data={[...new Set(props.suggestions)]} />;
  }
  return <TextInput {...common} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} onPaste={onPaste} />;
}

interface AreaFieldProps extends TextFieldProps {
  minRows?: number;
  /** Gives access to the textarea (e.g. to insert a footnote at the caret). */
  inputRef?: React.Ref<HTMLTextAreaElement>;
  /** A text of several lines was pasted (already inserted as it is, tabs as spaces): e.g. offer to split it. */
  onPasteLines?: (paste: PastedInField) => void;
}

export function AreaField(props: AreaFieldProps) {
  return (
    <Textarea
      {...useFrame(props, props.validate?.(props.value) ?? null)}
      ref={props.inputRef}
      autosize
      minRows={props.minRows ?? 2}
      maxRows={16}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onPaste={pasteHandler(props.value, props.onChange, false, props.onPasteLines)}
      onBlur={props.onBlur}
    />
  );
}

interface NumberFieldProps extends Omit<CommonProps, 'validate'> {
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  w?: number | string;
}

/**
 * A count: whole numbers only (digits are all the input takes), blank for none. Every number typed is committed,
 * in range or not; the range shows as a message (and lint reports it).
 */
export function NumberField(props: NumberFieldProps) {
  const { t } = useTranslation('editor');
  // What the input holds while it has focus (Mantine's value: a number, or a string while incomplete).
  const [raw, setRaw] = useState<string | number | null>(null);
  const shown = raw ?? props.value ?? '';
  const n = Number(shown);
  const message =
    shown === ''
      ? null
      : props.min !== undefined && n < props.min
        ? t('validation.min', { min: props.min })
        : props.max !== undefined && n > props.max
          ? t('validation.max', { max: props.max })
          : null;
  return (
    <NumberInput
      {...useFrame(props, message)}
      w={props.w}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      value={shown}
      onChange={(v) => {
        if (v !== '' && !Number.isSafeInteger(Number(v))) return;
        setRaw(v);
        props.onChange(v === '' ? null : Number(v));
      }}
      onBlur={() => setRaw(null)}
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
    <DateInput {...useFrame(props, null)} clearable={props.clearable ?? true} value={props.value} onChange={props.onChange} />
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
