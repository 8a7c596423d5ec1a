import { z } from 'zod';

/**
 * Delivery figures: how an answer was said (pace, fillers, hedges, pauses, talk time), computed
 * by code from the transcript, never by a model. Kept apart from the content grade on purpose.
 */

export const deliverySource = z.enum(['voice', 'text']);

/** One recognised word with its time in the recording, in seconds. */
export const timedWordSchema = z.object({
  word: z.string(),
  start: z.number().min(0),
  end: z.number().min(0),
});
export type TimedWord = z.infer<typeof timedWordSchema>;

const phraseCount = z.object({
  phrase: z.string(),
  count: z.number().int().min(1),
  quotes: z.array(z.string()).describe('the phrase in a few words of its context, as said'),
});

const tally = z.object({
  count: z.number().int().min(0),
  per_100_words: z.number().min(0),
  found: z.array(phraseCount),
});

export const band = z.enum(['under', 'within', 'over']);

export const deliverySchema = z.object({
  source: deliverySource.describe('voice: from a transcript with timings; text: typed, text-only figures'),
  word_count: z.number().int().min(0),
  fillers: tally.describe('"um", "uh", "you know", "basically"…'),
  hedges: tally.describe('"I guess", "maybe", "I think", "not sure"…'),
  words_per_minute: z.number().min(0).nullable().describe('null for typed answers'),
  pace: band
    .nullable()
    .describe('words per minute against the comfortable range (under = slow, over = fast)'),
  pace_range: z.object({ min: z.number(), max: z.number() }),
  long_pauses: z
    .array(z.object({ after: z.string(), at_seconds: z.number(), seconds: z.number() }))
    .nullable()
    .describe('silences between words of at least long_pause_seconds; null without word timings'),
  long_pause_seconds: z.number(),
  talk_seconds: z.number().min(0).nullable().describe('speaking time; null for typed answers'),
  suggested_seconds: z.object({ min: z.number(), max: z.number() }),
  length: band.describe('talk time (or, typed, the words it would take to say) against the suggested length'),
});
export type Delivery = z.infer<typeof deliverySchema>;
