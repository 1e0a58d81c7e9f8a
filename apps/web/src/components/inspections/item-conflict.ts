import { type ConflictReader, type FormValues, readers, textFields } from '~/lib/version-conflict';
import { gradeLabels, type InspectionItem, isGrade } from './inspection-words';

// An inspection item's card as the version-conflict hook compares and fills it: the grade last
// chosen, the measurement and the note, as text.

type ItemKey = 'grade' | 'measurement' | 'note';
export type ItemValues = FormValues<ItemKey>;

/** The item as stored, as the card's values. */
export function itemValues(item: InspectionItem): ItemValues {
  return { grade: item.grade ?? '', measurement: item.measurement ?? '', note: item.note ?? '' };
}

/** Reads an item's changed fields into the card: the grade by its label. */
export const readItem: ConflictReader<ItemKey> = readers<ItemKey>(
  textFields(['measurement', 'note']),
  (field, value) => {
    if (field !== 'grade') return null;
    if (value === null) return { key: 'grade', value: '', shown: '' };
    return typeof value === 'string' && isGrade(value)
      ? { key: 'grade', value, shown: gradeLabels[value] }
      : null;
  },
);
