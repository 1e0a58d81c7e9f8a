import { z } from 'zod';
import { id, optionalText, text, typeError, year } from './fields';
import { version } from './version';
import { cents, quantity, taxRateBps } from './work-order';
import { lineKinds } from './work-order-vocabulary';

// The inputs of saved jobs (canned services): a named set of lines priced in minor units, with
// an optional fitment. A form parses the money people type in the shop's locale (money.ts) and
// sends whole minor units, like every other price.

/** One line of a saved job: what it adds to a work order, priced. */
export const savedJobLine = z.strictObject({
  kind: z.enum(lineKinds, { error: typeError('must be labor, part or fee') }),
  description: text(300),
  quantity,
  unitPriceCents: cents,
  // Null or omitted: the shop's tax rate when the job is inserted.
  taxRateBps: taxRateBps.nullish().transform((rate) => rate ?? null),
  partNumber: optionalText(60).transform((value) => value ?? null),
});

const lines = z
  .array(savedJobLine, { error: typeError('must be a list of lines') })
  .min(1, 'must hold at least one line')
  .max(30, 'must hold at most 30 lines');

const fitment = {
  make: optionalText(60),
  model: optionalText(60),
  yearFrom: year.nullish(),
  yearTo: year.nullish(),
};

type Years = { yearFrom?: number | null | undefined; yearTo?: number | null | undefined };

const modelNeedsMake = (ctx: z.RefinementCtx) =>
  ctx.addIssue({ code: 'custom', path: ['make'], message: 'is required with a model' });

/** A span of years runs forwards. */
function checkYears({ yearFrom, yearTo }: Years, ctx: z.RefinementCtx) {
  if (typeof yearFrom === 'number' && typeof yearTo === 'number' && yearFrom > yearTo) {
    ctx.addIssue({ code: 'custom', path: ['yearTo'], message: 'cannot be before the first year' });
  }
}

export const savedJobCreateInput = z
  .strictObject({ name: text(120), ...fitment, lines })
  .superRefine((value, ctx) => {
    if (value.model && !value.make) modelNeedsMake(ctx);
    checkYears(value, ctx);
  });

/** Changes the named fields; `lines`, when sent, replaces every line. */
export const savedJobUpdateInput = z
  .strictObject({ id, version, name: text(120).optional(), ...fitment, lines: lines.optional() })
  .superRefine((value, ctx) => {
    // A partial update may keep the stored make under a new model, but not clear it.
    if (value.model && value.make === null) modelNeedsMake(ctx);
    checkYears(value, ctx);
  });

/** Inserts a saved job's lines at the end of a work order, pending like any new line. */
export const insertSavedJobInput = z.strictObject({ workOrderId: id, savedJobId: id });

export type SavedJobLineInput = z.output<typeof savedJobLine>;
