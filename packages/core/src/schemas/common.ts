import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const idSchema = z.uuid({ error: 'must be a UUID' });
export const timestampSchema = z.string().describe('ISO 8601 timestamp');

/** Pagination input. Coerced because REST sends query strings. */
export const pageInput = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageInput = z.infer<typeof pageInput>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

const noNul = (s: string) => !s.includes('\u0000');
const NUL_ERROR = { error: 'must not contain NUL characters' };

/** Text that is stored: trimmed, no NUL bytes (PostgreSQL refuses them), bounded. */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, { error: min === 1 ? 'is required' : `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` })
    .refine(noNul, NUL_ERROR);

/** Text that only reaches a query (search, login): bounded, no NUL bytes. */
export const queryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .refine(noNul, NUL_ERROR);

export const idParam = z.object({ id: idSchema });
export const questionCategory = z.enum(['technical', 'behavioural', 'situational']);
export const focusSchema = z.enum(['technical', 'behavioural', 'situational', 'mixed']);
