import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  assertStrictSchema,
  EVALUATION_SCHEMA,
  PLAN_SCHEMA,
  SUMMARY_SCHEMA,
  strictJsonSchema,
} from './schemas.ts';

describe('structured-output schemas', () => {
  it('are strict-compatible: every property required, no additional properties', () => {
    for (const schema of [EVALUATION_SCHEMA, PLAN_SCHEMA, SUMMARY_SCHEMA]) {
      expect(() => assertStrictSchema(schema)).not.toThrow();
      expect(schema).not.toHaveProperty('$schema');
    }
    expect(EVALUATION_SCHEMA).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['feedback', 'strengths', 'improvements', 'skills_shown', 'follow_up', 'rubric', 'score'],
      properties: {
        score: { type: 'integer', minimum: 0, maximum: 10 },
        follow_up: { type: ['string', 'null'] },
        rubric: {
          type: 'array',
          items: {
            required: ['criterion', 'points', 'note'],
            properties: {
              criterion: { enum: ['relevance', 'evidence', 'reasoning', 'outcome', 'penalty'] },
              points: { type: 'integer' },
            },
          },
        },
      },
    });
  });

  it('rejects schemas that strict mode would refuse', () => {
    expect(() => strictJsonSchema(z.object({ a: z.string().optional() }))).toThrow(/required/);
    expect(() => strictJsonSchema(z.object({ a: z.string() }).passthrough())).toThrow(/additionalProperties/);
  });
});
