import { z } from 'zod';
import { id } from './fields';

// Optimistic concurrency: an edit (or removal) of a customer, vehicle, work order's details or
// work-order line names the version of the record it was based on, as read with it; a record
// that has changed since refuses it (CONFLICT) rather than lose the other change.

/** The version of the record a save was based on. */
export const version = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'is required: the version of the record the change was based on'
        : 'must be a number',
  })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(2_147_483_647, 'must be at most 2147483647');

/** A record to remove, at the version the removal was based on. */
export const versionedIdInput = z.strictObject({ id, version });
