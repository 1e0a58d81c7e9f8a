import { z } from 'zod';
import { pagination } from '../validation';

export const dueSoonInput = z.strictObject(pagination);
