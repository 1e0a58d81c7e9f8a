import type { RouterOutputs } from '@garage/api';

export type Inspection = NonNullable<RouterOutputs['inspection']['byWorkOrder']['inspection']>;
export type InspectionItem = Inspection['items'][number];
export type InspectionGrade = NonNullable<InspectionItem['grade']>;

export const gradeLabels: Record<InspectionGrade, string> = {
  ok: 'OK',
  advisory: 'Advisory',
  required: 'Required',
};

export const grades = Object.keys(gradeLabels) as InspectionGrade[];

/** Whether `text` names a grade (a card's chosen grade is text, empty before one is chosen). */
export const isGrade = (text: string): text is InspectionGrade =>
  grades.some((grade) => grade === text);

/** "2.5 mm", or null when the item has no measurement. */
export function measurementText(item: Pick<InspectionItem, 'measurement' | 'unit'>): string | null {
  if (item.measurement === null) return null;
  return item.unit ? `${item.measurement} ${item.unit}` : item.measurement;
}

/** Where a photo is shown from: this app's proxy of the API's photo route. */
export const photoUrl = (photoId: number) => `/inspection-photos/${photoId}`;

/** The items graded advisory or required: what the customer is told of. */
export const findingsOf = (inspection: Inspection) =>
  inspection.items.filter((item) => item.grade === 'advisory' || item.grade === 'required');
