'use client';

import { useState } from 'react';
import type { z } from 'zod';
import { type FieldErrors, fieldErrorsFrom, formErrorFrom } from './field-errors';
import { type Candidate, checkInput } from './form-check';

/** What a form found wrong before sending: problems by field, and any of the input as a whole. */
interface Found {
  fields: FieldErrors;
  form?: string | undefined;
}

/**
 * A form's problems, its own and the server's, on the same inputs. `check` validates the input
 * with the API's schema before sending: all problems at once, or the input to send. `shown` are
 * the fields the form has inputs for; a problem of any other is spelled out above the form.
 */
export function useFormCheck(
  mutation: { error: unknown; reset: () => void },
  shown: readonly string[],
) {
  const [found, setFound] = useState<Found | null>(null);
  const fields: FieldErrors = { ...fieldErrorsFrom(mutation.error), ...found?.fields };
  const formError = found
    ? formErrorFrom({ message: found.form }, found.fields, shown)
    : formErrorFrom(mutation.error, fields, shown);

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

  return { fields, formError, check };
}
