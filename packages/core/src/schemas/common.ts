import { z } from 'zod';
import { FOCUSES, QUESTION_CATEGORIES } from '../enums.ts';

/** What a field left out is told. */
export const REQUIRED = 'is required';
// Wherever a schema has no message of its own, a field left out says so plainly (zod's default
// reads "Invalid input: expected string, received undefined"). Global to zod: set once, here,
// where every schema's module imports from.
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED : undefined),
});
/** A schema's own message for a bad value, and REQUIRED for a field left out. */
export const orRequired = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : message),
});

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Ids are stored lower-case; normalised here, once, so an id in upper case (valid, RFC 4122)
 * finds the same object everywhere an id is compared, in SQL or in code (`canSee`). Any
 * well-formed UUID (8-4-4-4-12 hex digits, whatever its version bits, as PostgreSQL's uuid type
 * takes it) is an id, so an unknown one such as 11111111-1111-1111-1111-111111111111 is a 404,
 * not a 400.
 */
export const idSchema = z.guid(orRequired('must be a UUID')).overwrite((id) => id.toLowerCase());
export const timestampSchema = z.string().describe('ISO 8601 timestamp');

/**
 * A whole number sent as JSON (tRPC) or as a query string (REST): decimal digits only. Not
 * `z.coerce.number()`, which also took `true`, `[5]`, `0x10`, `1e2` and `" 7 "` as numbers.
 */
export const wholeNumber = (min: number, max: number) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{1,15}$/)
          .transform(Number),
      ],
      {
        error: 'must be a whole number (decimal digits)',
      },
    )
    .pipe(
      z
        .number()
        .int({ error: 'must be a whole number' })
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );

/** Pagination input. Strict: an unknown key (a filter this list does not have) is a 400, not ignored. */
export const pageInput = z.strictObject({
  limit: wholeNumber(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: wholeNumber(0, 1_000_000).default(0),
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
    .min(min, { error: min === 1 ? REQUIRED : `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` })
    .refine(noNul, NUL_ERROR);

/** Text that only reaches a query (search, login): bounded, no NUL bytes. */
export const queryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .refine(noNul, NUL_ERROR);

export const questionCategory = z.enum(QUESTION_CATEGORIES);
export const focusSchema = z.enum(FOCUSES);
