import { useId } from 'react';
import { fieldMessage } from '~/lib/field-errors';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled <select> whose error (the server's, for this field) is tied to it and announced. */
export function SelectField({
  label,
  name,
  value,
  options,
  onChange,
  error,
  hint,
  disabled,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <small id={hintId} className="muted">
          {hint}
        </small>
      ) : null}
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <span id={errorId} className="field-error" aria-live="polite">
        {fieldMessage(label, error)}
      </span>
    </div>
  );
}
