'use client';

import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { type FieldErrors, fieldErrorsFrom, formErrorFrom } from './field-errors';
import { type Candidate, checkInput } from './form-check';

/** The parts of a form's useMutation result the form reads. */
interface FormMutation {
  error: unknown;
  reset: () => void;
  isPending: boolean;
}

/** What a form found wrong before sending: problems by field, and any of the input as a whole. */
interface Found {
  fields: FieldErrors;
  form?: string | undefined;
}

/** A mutation's `mutate`, given the checked input and the form's own callbacks for the answer. */
type Mutate<Input, Data> = (input: Input, callbacks: { onSuccess: (data: Data) => void }) => void;

/** The keys of the draft that hold text (the ones a text input edits). */
type TextKeys<Draft> = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft];

/**
 * A form that runs a tRPC mutation. It holds what was typed (`draft`, from `initial`), checks it
 * with the API's own schema before sending (every problem at once, in the API's words), shows the
 * server's refusals by field (an AppError's field lands on its input; a field the form has no
 * input for, named in `fields`, is spelled out above it) and keeps what was typed when refused.
 * `send` passes the checked input to a mutation's `mutate`; once the server took it, `saved`
 * runs, and `reset` puts the form back to `initial` (or to the draft given).
 */
export function useFormMutation<Draft extends object>(
  mutation: FormMutation,
  options: { initial: Draft; fields: readonly string[] },
) {
  const { initial, fields: shown } = options;
  const [draft, setDraft] = useState<Draft>(initial);
  const [found, setFound] = useState<Found | null>(null);
  const fields: FieldErrors = { ...fieldErrorsFrom(mutation.error), ...found?.fields };
  const formError = found
    ? formErrorFrom({ message: found.form }, found.fields, shown)
    : formErrorFrom(mutation.error, fields, shown);

  /** Changes one value of the draft. */
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  /** The input to send, or null after showing every problem the schema and `unread` name. */
  function check<S extends z.ZodType>(
    schema: S,
    candidate: Candidate<S>,
    unread: FieldErrors = {},
  ): z.output<S> | null {
    const checked = checkInput(schema, candidate, unread);
    if ('input' in checked) {
      setFound(null);
      return checked.input;
    }
    mutation.reset();
    setFound({ fields: checked.problems, form: checked.formProblem });
    return null;
  }

  return {
    draft,
    setDraft,
    set,
    /** An input's value, change handler and error (the API's field `error` when named apart). */
    field: <K extends TextKeys<Draft>>(key: K, error: string = String(key)) => ({
      value: draft[key],
      onChange: set(key),
      error: fields[error],
    }),
    fields,
    formError,
    busy: mutation.isPending,
    check,
    /** Back to `initial`, or to `next`. */
    reset: (next: Draft = initial) => setDraft(next),
    /** Forgets the last attempt's problems (what was typed stays). */
    dismiss: () => {
      mutation.reset();
      setFound(null);
    },
    /** Checks `candidate` with `schema` and, when it holds, hands the input to `mutate`. */
    send<S extends z.ZodType, Data>(
      mutate: Mutate<z.output<S>, Data>,
      schema: S,
      candidate: Candidate<S>,
      then: { unread?: FieldErrors; saved?: (data: Data) => void } = {},
    ): void {
      const input = check(schema, candidate, then.unread);
      if (input !== null) mutate(input, { onSuccess: (data) => then.saved?.(data) });
    },
    /** A form's onSubmit: the browser does not submit it; `submit` does. */
    onSubmit: (submit: () => void) => (event: FormEvent) => {
      event.preventDefault();
      submit();
    },
  };
}
