import type { z } from 'zod';
import type { FieldErrors } from './field-errors';

/**
 * A form's draft turned into a procedure's input: the fields its inputs could read (typed text
 * read as numbers and amounts), by the schema's own keys.
 */
export type Candidate<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

/** The input, checked; or every problem at once, by field (dotted for nested ones). */
export type Checked<S extends z.ZodType> =
  | { input: z.output<S> }
  | { problems: FieldErrors; formProblem?: string };

/**
 * Checks a form's input with the schema the API checks it with (@garage/validators), so a form
 * reports every field's problem in one submit, in the API's own words. `unread` holds the
 * problems of the fields the form could not read at all (an amount that is no amount); they are
 * left out of `candidate`, and their words stand over whatever the schema says of the gap.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  candidate: Candidate<S>,
  unread: FieldErrors = {},
): Checked<S> {
  const result = schema.safeParse(candidate);
  if (result.success && Object.keys(unread).length === 0) return { input: result.data };
  const problems: FieldErrors = {};
  const whole: string[] = [];
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path.map(String).join('.');
    if (field === '') whole.push(issue.message);
    // The first problem of a field is the one shown, as the API's field errors are.
    else problems[field] ??= issue.message;
  }
  Object.assign(problems, unread);
  return whole.length > 0 ? { problems, formProblem: whole.join('; ') } : { problems };
}
