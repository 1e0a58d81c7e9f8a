import { z } from 'zod';
import { string, text } from './fields';

/** Signing in: the account's email (any case) and its password, as typed. */
export const signInInput = z.strictObject({
  email: text(254).toLowerCase(),
  password: string().min(1, 'is required').max(200, 'must be at most 200 characters'),
});
