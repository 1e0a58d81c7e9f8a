import { z } from 'zod';
import { pagination } from './fields';

export const dueSoonInput = z.strictObject(pagination);
