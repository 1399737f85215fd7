import { z } from 'zod';
import { uuid } from '../model';

/** No input: `{}` (or nothing at all). */
export const Empty = z.object({}).strict().default({});
export const ById = z.object({ id: uuid }).strict();
export const Ok = z.object({ ok: z.literal(true) });
