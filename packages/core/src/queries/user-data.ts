import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Db = Kysely<Database>;

// What "all my data" reads, table by table, all keyed by the user. Password and token hashes are
// never selected (users.password_hash, auth_sessions.id), nor recorded audio bytes.

export const jobsCreatedBy = (db: Db, userId: string) =>
  db
    .selectFrom('job_descriptions')
    .selectAll()
    .where('created_by', '=', userId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();

export const sessionsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('interview_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();

export const questionsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('session_questions as q')
    .innerJoin('interview_sessions as s', 's.id', 'q.session_id')
    .selectAll('q')
    .select((eb) =>
      eb
        .exists(eb.selectFrom('feedback as f').select('f.id').whereRef('f.question_id', '=', 'q.id'))
        .$castTo<boolean>()
        .as('answered'),
    )
    .where('s.user_id', '=', userId)
    .orderBy('q.session_id')
    .orderBy('q.plan_index')
    .orderBy('q.is_follow_up')
    .execute();

export const feedbackOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('feedback')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();

export const recordingsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('voice_transcripts')
    .select([
      'id',
      'session_id',
      'question_id',
      'transcript',
      'delivery',
      'transcriber',
      'audio_type',
      'created_at',
    ])
    .select((eb) =>
      eb.fn
        .coalesce(eb.fn('octet_length', ['audio']), eb.lit(0))
        .$castTo<number>()
        .as('audio_bytes'),
    )
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

export const loginsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('auth_sessions')
    .select(['created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

export const modelCallsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('ai_usage')
    .select(['kind', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
