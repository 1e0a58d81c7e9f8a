import { z } from 'zod';
import {
  boolean,
  checkVin,
  id,
  mileage,
  optionalText,
  pagination,
  plate,
  search,
  text,
  vin,
  vinChecks,
  year,
} from './fields';
import { version } from './version';

// The inputs of the vehicle procedures.

const vehicleFields = {
  ownerId: id,
  vin,
  /** false skips the North American check digit (vehicles built for other markets). */
  vinCheckDigit: boolean().optional(),
  plate,
  make: text(60),
  model: text(60),
  year,
  mileage,
  colour: optionalText(40),
  notes: optionalText(2_000, { multiline: true }),
};

export const vehicleListInput = z
  .strictObject({ ownerId: id.optional(), search, ...pagination })
  .prefault({});

export const vehicleCreateInput = z.strictObject(vehicleFields).superRefine(checkVin, vinChecks);

export const vehicleUpdateInput = z
  .strictObject({
    id,
    version,
    ...vehicleFields,
    /** Lowering the mileage corrects a typo; it must be asked for explicitly. */
    allowMileageDecrease: boolean().default(false),
  })
  .partial({
    ownerId: true,
    vin: true,
    plate: true,
    make: true,
    model: true,
    year: true,
    mileage: true,
  })
  .superRefine(checkVin, vinChecks);

export const vehicleHistoryInput = z.strictObject({ vehicleId: id });

/** A VIN to decode: any market's (the check digit is not required to look one up). */
export const decodeVinInput = z
  .strictObject({ vin })
  .superRefine((value, ctx) => checkVin({ ...value, vinCheckDigit: false }, ctx));
