/**
 * What the model must reply, as zod schemas. Each reply has two views:
 *  - the wire schema, sent as `response_format` (strict structured outputs): every property
 *    required, `additionalProperties: false`, nullable as a `null` type — checked by
 *    assertStrictSchema when the module loads, so a schema change cannot silently break strict mode;
 *  - the validation schema, applied to the reply we get back (a server that ignores structured
 *    outputs, or a model that drifts, is caught here). It is lenient only where we repair:
 *    the score may be any number and is then clamped to 0–10 (see provider.ts).
 */
import { z } from 'zod';
import { QUESTION_CATEGORIES } from '../../enums.ts';
import { CRITERION_KEYS } from './rubric.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const EvaluationWire = z.object({
  // Feedback first: it streams to the candidate while the rest is generated, and writing the
  // reasons before the number tends to give better-grounded scores.
  feedback: z.string().describe('2–5 sentences to the candidate, citing what the answer did and did not do'),
  strengths: z.array(z.string()).describe('short items: what the answer did well'),
  improvements: z.array(z.string()).describe('short items: what to add or change'),
  skills_shown: z
    .array(z.string())
    .describe("skills from the job's list that the answer demonstrates, as spelled there"),
  follow_up: z
    .string()
    .nullable()
    .describe('one probing follow-up question if the answer is thin, else null'),
  // The components before the total: the score is their sum (rubric.ts).
  rubric: z
    .array(
      z.object({
        criterion: z.enum(CRITERION_KEYS),
        points: z.int().describe('whole points within the criterion’s range (negative only for the penalty)'),
        note: z
          .string()
          .describe('one sentence citing the part of the answer (or its absence) behind the points'),
      }),
    )
    .describe('one item per criterion, plus a penalty item when one applies'),
  score: z.int().min(0).max(10).describe('integer 0–10: the sum of the rubric points, within 0–10'),
});

export const EvaluationReply = z.object({
  feedback: text(4000),
  strengths: z.array(z.string().max(500)).max(20),
  improvements: z.array(z.string().max(500)).max(20),
  skills_shown: z.array(z.string().max(200)).max(50),
  follow_up: z.string().max(600).nullable(),
  // Lenient: a server that ignores the schema may leave it out (the score is used alone then);
  // unknown criteria are dropped and points clamped in rubric.ts rather than failing the grade.
  rubric: z
    .array(z.object({ criterion: z.string().max(40), points: z.number(), note: z.string().max(600) }))
    .max(12)
    .optional(),
  score: z.number(),
});
export type EvaluationReply = z.infer<typeof EvaluationReply>;

const Category = z.enum(QUESTION_CATEGORIES);

export const PlanWire = z.object({
  questions: z.array(
    z.object({
      text: z.string().describe('the question, as the interviewer asks it'),
      category: Category,
      skill: z.string().describe("the job skill the question targets, as spelled in the job's list"),
      talking_points: z.array(z.string()).describe('2–4 short points that a strong answer covers'),
    }),
  ),
});

export const PlanReply = z.object({
  questions: z
    .array(
      z.object({
        text: text(600),
        category: Category,
        skill: text(200),
        // Lenient: a plan without them is still a plan.
        talking_points: z.array(z.string().max(300)).max(8).optional(),
      }),
    )
    .min(1),
});
export type PlanReply = z.infer<typeof PlanReply>;

export const SummaryWire = z.object({
  summary: z
    .string()
    .describe('a short narrative: overall level, strongest and weakest areas, what to practise'),
  skill_notes: z.array(z.object({ skill: z.string(), note: z.string() })),
});

export const SummaryReply = z.object({
  summary: text(4000),
  skill_notes: z.array(z.object({ skill: text(200), note: text(1000) })).max(50),
});
export type SummaryReply = z.infer<typeof SummaryReply>;

type JsonSchema = Record<string, unknown>;

/** The JSON schema for strict structured outputs, checked to be strict-compatible. */
export function strictJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-7' }) as JsonSchema;
  delete json.$schema;
  assertStrictSchema(json);
  return json;
}

/**
 * Strict mode's rules for objects: every property listed in `required`, and no others allowed.
 * Throws (a programming error) if a schema would be rejected by the API in strict mode.
 */
export function assertStrictSchema(node: unknown, path = '$'): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => {
      assertStrictSchema(n, `${path}[${i}]`);
    });
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as JsonSchema;
  if (obj.type === 'object' || 'properties' in obj) {
    const props = Object.keys((obj.properties as JsonSchema | undefined) ?? {});
    const required = new Set((obj.required as string[] | undefined) ?? []);
    if (obj.additionalProperties !== false) throw new Error(`${path}: additionalProperties must be false`);
    const missing = props.filter((p) => !required.has(p));
    if (missing.length > 0)
      throw new Error(`${path}: properties must all be required (${missing.join(', ')})`);
  }
  for (const [k, v] of Object.entries(obj)) assertStrictSchema(v, `${path}.${k}`);
}

export const EVALUATION_SCHEMA = strictJsonSchema(EvaluationWire);
export const PLAN_SCHEMA = strictJsonSchema(PlanWire);
export const SUMMARY_SCHEMA = strictJsonSchema(SummaryWire);

/** "What a strong answer covers", as the model writes it. */
export const ModelAnswerReply = z.strictObject({
  talking_points: z.array(z.string().min(1).max(300)).min(1).max(6),
  example: z.string().min(1).max(3000),
});
export type ModelAnswerReply = z.infer<typeof ModelAnswerReply>;
export const MODEL_ANSWER_SCHEMA = strictJsonSchema(ModelAnswerReply);
