/** Field name -> message, for showing the server's validation errors next to inputs. */
export type FieldErrors = Record<string, string>;

interface ErrorShape {
  message?: unknown;
  data?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function firstMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((item): item is string => typeof item === 'string');
  return undefined;
}

function collect(target: FieldErrors, source: unknown): void {
  if (!isRecord(source)) return;
  for (const [field, value] of Object.entries(source)) {
    const message = firstMessage(value);
    if (message && !target[field]) target[field] = message;
  }
}

/**
 * Maps a tRPC error to per-field messages. Reads a flattened zod error
 * (`data.zodError.fieldErrors`), a `data.fieldErrors` map, or a single `data.field`.
 */
export function fieldErrorsFrom(error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!isRecord(error)) return result;
  const { data, message } = error as ErrorShape;
  if (!isRecord(data)) return result;
  if (isRecord(data.zodError)) collect(result, data.zodError.fieldErrors);
  collect(result, data.fieldErrors);
  if (typeof data.field === 'string' && typeof message === 'string' && !result[data.field]) {
    result[data.field] = message;
  }
  return result;
}

/** The message to show above a form when no field owns the error. */
export function formErrorFrom(error: unknown, fields: FieldErrors): string | undefined {
  if (!error) return undefined;
  if (Object.keys(fields).length > 0) return 'Please fix the highlighted fields.';
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return 'Something went wrong. Please try again.';
}
