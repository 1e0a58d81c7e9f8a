import { useId } from 'react';
import { fieldMessage } from '~/lib/field-errors';

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field; predicates ("is required") get the label in front. */
  error?: string | undefined;
  type?:
    | 'text'
    | 'email'
    | 'password'
    | 'tel'
    | 'number'
    | 'search'
    | 'date'
    | 'time'
    | 'datetime-local';
  /** A <textarea> instead of an <input>, for notes and addresses. */
  multiline?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  /** What the field read from the text as typed (e.g. "= 1.234,50 €"), announced as it changes. */
  reading?: string | undefined;
}

/** A labelled input whose error is tied to it (aria-describedby) and announced. */
export function TextField({
  label,
  name,
  value,
  onChange,
  error,
  type = 'text',
  multiline,
  inputMode,
  autoComplete,
  required,
  hint,
  reading,
}: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const readingId = `${id}-reading`;
  const describedBy = [hint ? hintId : null, reading ? readingId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name,
    value,
    autoComplete,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
  return (
    <div className="field">
      <span>
        {/* The marker sits outside the label, so the label (and its accessible name) is the
            field's name alone; `required` tells assistive technology. */}
        <label htmlFor={id}>{label}</label>
        {required ? <span aria-hidden="true"> *</span> : null}
      </span>
      {hint ? (
        <small id={hintId} className="muted">
          {hint}
        </small>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {reading === undefined ? null : (
        <small id={readingId} className="muted field-reading" aria-live="polite">
          {reading}
        </small>
      )}
      <span id={errorId} className="field-error" aria-live="polite">
        {fieldMessage(label, error)}
      </span>
    </div>
  );
}
