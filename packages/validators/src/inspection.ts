import { z } from 'zod';
import { boolean, id, number, optionalText, string, text, typeError } from './fields';
import { version } from './version';

// The inputs of inspection templates and of inspections: each item graded ok, advisory or
// required, with a measurement in the item's unit when it asks for one, a note and photos.

/**
 * The largest photo upload taken (the API's route and the web's proxy alike): a phone's
 * full-size photo fits; it is resized before it is kept.
 */
export const maxPhotoBytes = 12 * 1024 * 1024;

/** What an upload above `maxPhotoBytes` is told (with a 413). */
export const photoTooLarge = `a photo may be at most ${maxPhotoBytes / (1024 * 1024)} MiB`;

export const inspectionGrades = ['ok', 'advisory', 'required'] as const;
export type InspectionGrade = (typeof inspectionGrades)[number];

export const inspectionGrade = z.enum(inspectionGrades, {
  error: typeError('must be ok, advisory or required'),
});

/**
 * A reading as decimal text with at most two places ("2.5" mm, "-25" °C), sent as text or a
 * JSON number; the column is numeric(10, 2).
 */
export const measurement = z
  .union([string(), number()], { error: typeError('must be a number (e.g. 2.5)') })
  .transform((value, ctx) => {
    const text = typeof value === 'string' ? value.trim() : String(value);
    const match = /^(-?)(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
    if (!match) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a number with at most two decimal places, below 10,000,000',
      });
      return z.NEVER;
    }
    const [, sign = '', whole = '0', fraction = ''] = match;
    const canonical = `${sign}${whole.replace(/^0+(?=\d)/, '')}${fraction ? `.${fraction}` : ''}`;
    return canonical === '-0' ? '0' : canonical;
  });

/** "mm", "%", "°C", "psi": short, one line. */
const unit = text(12);

export const templateItem = z.strictObject({
  section: text(80),
  label: text(120),
  unit: unit.nullish().transform((value) => value ?? null),
  advisoryLimit: measurement.nullish().transform((value) => value ?? null),
  requiredLimit: measurement.nullish().transform((value) => value ?? null),
  savedJobId: id.nullish().transform((value) => value ?? null),
});

type TemplateItemInput = z.output<typeof templateItem>;

/** Limits belong to a measured item; an item measured in a unit may have them or not. */
function checkItems(items: readonly TemplateItemInput[] | undefined, ctx: z.RefinementCtx) {
  for (const [index, item] of (items ?? []).entries()) {
    for (const limit of ['advisoryLimit', 'requiredLimit'] as const) {
      if (item[limit] !== null && item.unit === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, limit],
          message: 'needs a unit: only a measured item has limits',
        });
      }
    }
    if (item.advisoryLimit !== null && item.advisoryLimit === item.requiredLimit) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', index, 'requiredLimit'],
        message: 'must differ from the advisory limit',
      });
    }
  }
}

const items = z
  .array(templateItem, { error: typeError('must be a list of items') })
  .min(1, 'must hold at least one item')
  .max(100, 'must hold at most 100 items');

export const templateCreateInput = z
  .strictObject({ name: text(120), isDefault: boolean().default(false), items })
  .superRefine((value, ctx) => checkItems(value.items, ctx));

/** Changes the named fields; `items`, when sent, replaces every item (inspections keep theirs). */
export const templateUpdateInput = z
  .strictObject({
    id,
    version,
    name: text(120).optional(),
    isDefault: boolean().optional(),
    items: items.optional(),
  })
  .superRefine((value, ctx) => checkItems(value.items, ctx));

/** Starts the inspection of a work order, from a template (the default one when none is named). */
export const startInspectionInput = z.strictObject({
  workOrderId: id,
  templateId: id.optional(),
});

export const inspectionByWorkOrderInput = z.strictObject({ workOrderId: id });

/** Grades one item: the named fields change; null clears a measurement or a note. */
export const gradeItemInput = z.strictObject({
  id,
  version,
  grade: inspectionGrade.nullish(),
  measurement: measurement.nullish(),
  note: optionalText(1_000, { multiline: true }),
});

/** Turns an advisory or required finding into lines for the customer to decide on. */
export const recommendFindingInput = z.strictObject({ itemId: id });

export const removePhotoInput = z.strictObject({ id });

export const vehicleMeasurementsInput = z.strictObject({ vehicleId: id });
