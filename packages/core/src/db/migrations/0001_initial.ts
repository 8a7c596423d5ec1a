import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code, and is never edited once
// released. Later changes go in a new migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE roles (
      id smallserial PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (name ~ '^[a-z_]{1,32}$'),
      description text NOT NULL DEFAULT ''
    )`.execute(db);
  await sql`
    INSERT INTO roles (name, description) VALUES
      ('admin', 'Runs the catalogue and manages every user, session and feedback record'),
      ('candidate', 'Practises interviews; sees only their own data')`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND position('@' in email) > 1),
      username text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.-]{3,32}$'),
      password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`.execute(db);
  await sql`CREATE INDEX users_created_at_idx ON users (created_at, id)`.execute(db);

  await sql`
    CREATE TABLE user_roles (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role_id smallint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, role_id)
    )`.execute(db);

  await sql`
    CREATE TABLE auth_sessions (
      id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      expires_at timestamptz NOT NULL,
      absolute_expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX auth_sessions_user_id_idx ON auth_sessions (user_id)`.execute(db);
  await sql`CREATE INDEX auth_sessions_expires_at_idx ON auth_sessions (expires_at)`.execute(db);

  await sql`
    CREATE TABLE job_descriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 20000),
      skills text NOT NULL CHECK (length(skills) BETWEEN 1 AND 2000),
      experience text NOT NULL DEFAULT '' CHECK (length(experience) <= 100),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('public', 'private')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- a private job description always has an owner
      CHECK (visibility = 'public' OR created_by IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX job_descriptions_visibility_created_idx ON job_descriptions (visibility, created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX job_descriptions_created_by_idx ON job_descriptions (created_by, created_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE interview_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      job_description_id uuid REFERENCES job_descriptions (id) ON DELETE SET NULL,
      job_title text NOT NULL,
      job_description text NOT NULL,
      job_skills text NOT NULL,
      job_experience text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ongoing', 'completed', 'cancelled')),
      question_count smallint NOT NULL CHECK (question_count BETWEEN 1 AND 20),
      focus text NOT NULL CHECK (focus IN ('technical', 'behavioural', 'situational', 'mixed')),
      started_at timestamptz,
      ended_at timestamptz,
      transcript text,
      score smallint CHECK (score BETWEEN 0 AND 100),
      summary text,
      skill_notes jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- the lifecycle, enforced by the database too
      CHECK (status <> 'pending' OR (started_at IS NULL AND ended_at IS NULL)),
      CHECK (status <> 'ongoing' OR (started_at IS NOT NULL AND ended_at IS NULL)),
      CHECK (status <> 'completed' OR (started_at IS NOT NULL AND ended_at IS NOT NULL AND score IS NOT NULL)),
      CHECK (score IS NULL OR status = 'completed')
    )`.execute(db);
  await sql`CREATE INDEX interview_sessions_user_created_idx ON interview_sessions (user_id, created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX interview_sessions_created_idx ON interview_sessions (created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX interview_sessions_job_idx ON interview_sessions (job_description_id)`.execute(db);

  await sql`
    CREATE TABLE session_questions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
      plan_index smallint NOT NULL CHECK (plan_index BETWEEN 1 AND 20),
      is_follow_up boolean NOT NULL DEFAULT false,
      category text NOT NULL CHECK (category IN ('technical', 'behavioural', 'situational')),
      skill text NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      -- at most one follow-up per planned question
      UNIQUE (session_id, plan_index, is_follow_up)
    )`.execute(db);

  await sql`
    CREATE TABLE feedback (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      question_id uuid UNIQUE REFERENCES session_questions (id) ON DELETE SET NULL,
      question text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
      answer text NOT NULL CHECK (length(answer) BETWEEN 1 AND 8000),
      ai_feedback text,
      score smallint CHECK (score BETWEEN 0 AND 10),
      category text NOT NULL CHECK (category IN ('technical', 'behavioural', 'situational')),
      strengths text[] NOT NULL DEFAULT '{}',
      improvements text[] NOT NULL DEFAULT '{}',
      skills_shown text[] NOT NULL DEFAULT '{}',
      follow_up text,
      grading_status text NOT NULL DEFAULT 'pending' CHECK (grading_status IN ('pending', 'graded', 'failed')),
      grading_error text,
      grading_attempts smallint NOT NULL DEFAULT 0 CHECK (grading_attempts >= 0),
      evaluator text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (grading_status <> 'graded' OR (score IS NOT NULL AND evaluator IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX feedback_session_created_idx ON feedback (session_id, created_at, id)`.execute(db);
  await sql`CREATE INDEX feedback_user_created_idx ON feedback (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX feedback_created_idx ON feedback (created_at DESC, id)`.execute(db);

  await sql`
    CREATE TABLE ai_usage (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX ai_usage_user_created_idx ON ai_usage (user_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'ai_usage',
    'feedback',
    'session_questions',
    'interview_sessions',
    'job_descriptions',
    'auth_sessions',
    'user_roles',
    'users',
    'roles',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
