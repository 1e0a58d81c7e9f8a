import { z } from 'zod';
import { email, id, optionalText, pagination, phone, search, text } from './fields';
import { version } from './version';

// The inputs of the customer procedures.

const customerFields = {
  name: text(120),
  email,
  phone,
  address: optionalText(300, { multiline: true }),
  notes: optionalText(2_000, { multiline: true }),
};

export const customerListInput = z.strictObject({ search, ...pagination }).prefault({});

export const customerCreateInput = z.strictObject(customerFields);

export const customerUpdateInput = z
  .strictObject({ id, version, ...customerFields })
  .partial({ name: true });
