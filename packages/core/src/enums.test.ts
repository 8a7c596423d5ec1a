// The migrations hold a frozen copy of the enums and bounds; the database must still agree
// with the one module the code derives from (enums.ts), or a value one side accepts fails on the other.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './db/connect.ts';
import {
  ANSWER_MODES,
  CREATION_KINDS,
  DIFFICULTIES,
  FOCUSES,
  GRADING_STATUSES,
  MAX_QUESTIONS,
  MIN_QUESTIONS,
  QUESTION_CATEGORIES,
  ROLE_NAMES,
  SESSION_STATUSES,
  VISIBILITIES,
} from './enums.ts';
import { createTestDatabase } from './testing/test-db.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

/** The definition of a CHECK constraint in this test's schema, as PostgreSQL prints it. */
async function checkDef(name: string): Promise<string> {
  const { rows } = await sql<{ def: string }>`
    SELECT pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = current_schema() AND c.contype = 'c' AND c.conname = ${name}`.execute(h.db);
  const def = rows[0]?.def;
  if (!def) throw new Error(`no CHECK constraint ${name}`);
  return def;
}

/** The values of an `IN (…)` check (PostgreSQL prints it as `= ANY (ARRAY['a'::text, …])`). */
const listed = (def: string) => [...def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]);

describe('the database agrees with enums.ts', () => {
  it.each([
    ['interview_sessions_status_check', SESSION_STATUSES],
    ['interview_sessions_focus_check', FOCUSES],
    ['session_questions_category_check', QUESTION_CATEGORIES],
    ['feedback_category_check', QUESTION_CATEGORIES],
    ['feedback_grading_status_check', GRADING_STATUSES],
    ['job_descriptions_visibility_check', VISIBILITIES],
    ['creations_kind_check', CREATION_KINDS],
    ['interview_sessions_difficulty_check', DIFFICULTIES],
    ['voice_preferences_answer_mode_check', ANSWER_MODES],
  ])('%s lists exactly the module’s values', async (name, values) => {
    expect(listed(await checkDef(name)).sort()).toEqual([...values].sort());
  });

  it.each(['interview_sessions_question_count_check', 'session_questions_plan_index_check'])(
    '%s bounds the plan by MIN_QUESTIONS..MAX_QUESTIONS',
    async (name) => {
      const def = await checkDef(name);
      expect(def).toContain(`>= ${MIN_QUESTIONS}`);
      expect(def).toContain(`<= ${MAX_QUESTIONS}`);
    },
  );

  it('the roles table holds exactly ROLE_NAMES', async () => {
    const rows = await h.db.selectFrom('roles').select('name').orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual([...ROLE_NAMES].sort());
  });
});
