/** Field name -> message, for showing the server's validation errors next to inputs. */
export type FieldErrors = Record<string, string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function firstMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((item): item is string => typeof item === 'string');
  return undefined;
}

/**
 * Maps a tRPC error to one message per field. The API's error formatter puts them in
 * `data.fieldErrors` (field -> messages): zod's rules, a service's FieldError (e.g. a mileage
 * lower than recorded), or a unique conflict (`{ vin: ['is already registered'] }`).
 */
export function fieldErrorsFrom(error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!isRecord(error) || !isRecord(error.data) || !isRecord(error.data.fieldErrors)) {
    return result;
  }
  for (const [field, value] of Object.entries(error.data.fieldErrors)) {
    const message = firstMessage(value);
    if (message) result[field] = message;
  }
  return result;
}

/**
 * The message to show above a form: a pointer to the fields when some carry errors, the
 * server's message otherwise (e.g. a CONFLICT), or a generic line. With `shown`, the fields the
 * form has inputs for, an error on any other field (say `decisions.0.lineId`) is spelled out
 * here, since nothing on the form could be highlighted for it.
 */
export function formErrorFrom(
  error: unknown,
  fields: FieldErrors,
  shown?: readonly string[],
): string | undefined {
  if (!error) return undefined;
  const unplaced = shown ? Object.entries(fields).filter(([field]) => !shown.includes(field)) : [];
  if (unplaced.length > 0) {
    return `Not saved: ${unplaced.map(([field, message]) => `${field} ${message}`).join('; ')}.`;
  }
  if (Object.keys(fields).length > 0) return 'Please fix the highlighted fields.';
  if (isRecord(error) && typeof error.message === 'string' && error.message) {
    // The API words messages in lower case; shown on their own they start a sentence.
    return error.message.charAt(0).toUpperCase() + error.message.slice(1);
  }
  return 'Something went wrong. Please try again.';
}

/**
 * The API words field errors as predicates ("is required", "is already registered"), so a
 * lower-case message reads after the field's label: "VIN is already registered".
 */
export function fieldMessage(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
