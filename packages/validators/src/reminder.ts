import { z } from 'zod';
import { id, pagination } from './fields';

export const dueSoonInput = z.strictObject(pagination);

/** "Due soon"'s one click: the saved job offered for a reminder's service, onto a work order. */
export const reminderSavedJobInput = z.strictObject({ reminderId: id, savedJobId: id });
