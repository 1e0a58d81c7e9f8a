import type { MoneyFormat } from '@garage/validators';
import { z } from 'zod';
import { type ConflictReader, type FormValues, readers, textFields } from '~/lib/version-conflict';
import { isLineKind, kindLabels } from '~/lib/work-order-words';
import { jobLineDraftOf, type SavedJobDraft, type SavedJobLineDraft } from './saved-job-draft';

// A saved job's form as the version-conflict hook compares and fills it: one text per field,
// its lines as one (a JSON list of line drafts), since a save replaces them together.

type JobKey = Exclude<keyof SavedJobDraft, 'lines'> | 'lines';
export type JobValues = FormValues<JobKey>;

const lineDrafts = z.array(
  z.object({
    kind: z.string(),
    description: z.string(),
    quantity: z.string(),
    unitPrice: z.string(),
    partNumber: z.string(),
  }),
);

/** The lines a conflict carries as their newer value (the API's JSON, by its field names). */
const storedLines = z.array(
  z.object({
    kind: z.string(),
    description: z.string(),
    partNumber: z.string().nullable(),
    quantity: z.string(),
    unitPriceCents: z.number(),
  }),
);

export function jobValues(draft: SavedJobDraft): JobValues {
  return { ...draft, lines: JSON.stringify(draft.lines) };
}

/** The values as a draft again (lines that do not read keep `lines`). */
export function asJobDraft(values: JobValues, lines: SavedJobLineDraft[]): SavedJobDraft {
  const read = lineDrafts.safeParse(JSON.parse(values.lines));
  const typed = read.success
    ? read.data.flatMap(({ kind, ...line }) => (isLineKind(kind) ? [{ ...line, kind }] : []))
    : lines;
  return { ...values, lines: typed };
}

/** Reads a saved job's changed fields into the form: its lines priced in the shop's locale. */
export function readSavedJob(money: MoneyFormat): ConflictReader<JobKey> {
  return readers<JobKey>(textFields(['name', 'make', 'model']), (field, value) => {
    if (field === 'yearFrom' || field === 'yearTo') {
      // A year as written, not as an amount ("2012", never "2,012"); none clears it.
      const year = typeof value === 'number' ? String(value) : '';
      return value === null || typeof value === 'number'
        ? { key: field, value: year, shown: year }
        : null;
    }
    if (field !== 'lines' || typeof value !== 'string') return null;
    const read = storedLines.safeParse(JSON.parse(value));
    if (!read.success) return null;
    const lines = read.data.map((line) => jobLineDraftOf(line, money));
    const shown = lines
      .map((line) => `${kindLabels[line.kind]} ${line.description} ${line.unitPrice}`)
      .join('; ');
    return { key: 'lines', value: JSON.stringify(lines), shown };
  });
}
