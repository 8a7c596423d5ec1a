import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';
import type { RubricComponent } from '../engine/types.ts';
import type {
  AnswerMode,
  CreationKind,
  Difficulty,
  Focus,
  GradingStatus,
  QuestionCategory,
  SessionStatus,
  Visibility,
} from '../enums.ts';
import type { Delivery } from '../schemas/delivery.ts';

/** Timestamps come back as Date from pg; we write them as Date or let defaults fill them. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/**
 * The order of creation (a bigint identity, so pg returns it as a string): the tie-breaker of
 * every list ordered by created_at, which ties within a millisecond or a transaction.
 */
type CreationSeq = GeneratedAlways<string>;

export interface RolesTable {
  id: Generated<number>;
  name: string;
  description: string;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  username: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  seq: CreationSeq;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  user_id: string;
  role_id: number;
}

/** Login sessions. `id` is the SHA-256 of the bearer token: the token itself is never stored. */
export interface AuthSessionsTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  created_at: Timestamp;
}

export interface JobDescriptionsTable {
  id: Generated<string>;
  title: string;
  description: string;
  skills: string;
  experience: string;
  created_by: string | null;
  visibility: Visibility;
  created_at: Timestamp;
  seq: CreationSeq;
  updated_at: Timestamp;
}

export interface InterviewSessionsTable {
  id: Generated<string>;
  user_id: string;
  job_description_id: string | null;
  /** A copy of the job at creation: the interview keeps its context if the job is edited or deleted. */
  job_title: string;
  job_description: string;
  job_skills: string;
  job_experience: string;
  status: Generated<SessionStatus>;
  question_count: number;
  focus: Focus;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  transcript: string | null;
  score: number | null;
  summary: string | null;
  skill_notes: ColumnType<{ skill: string; note: string }[] | null, string | null | undefined, string | null>;
  /** migration 0007: the level asked for, instead of the one the experience text implies */
  difficulty: ColumnType<Difficulty | null, Difficulty | null | undefined>;
  /** migration 0007: seconds per answer shown as a countdown (advisory: a late answer is accepted) */
  time_limit_seconds: ColumnType<number | null, number | null | undefined>;
  created_at: Timestamp;
  seq: CreationSeq;
  updated_at: Timestamp;
}

export interface SessionQuestionsTable {
  id: Generated<string>;
  session_id: string;
  /** 1-based index in the plan; a follow-up shares its parent's plan_index. */
  plan_index: number;
  is_follow_up: boolean;
  category: QuestionCategory;
  skill: string;
  text: string;
  created_at: Timestamp;
}

export interface FeedbackTable {
  id: Generated<string>;
  session_id: string;
  user_id: string;
  question_id: string | null;
  question: string;
  answer: string;
  ai_feedback: string | null;
  score: number | null;
  category: QuestionCategory;
  strengths: TextArray;
  improvements: TextArray;
  skills_shown: TextArray;
  follow_up: string | null;
  grading_status: Generated<GradingStatus>;
  grading_error: string | null;
  grading_attempts: Generated<number>;
  evaluator: string | null;
  /** Why the score: the interviewer's rubric components (written as JSON text, read back parsed). */
  rubric: ColumnType<RubricComponent[] | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  seq: CreationSeq;
  updated_at: Timestamp;
  /** migration 0005: how the answer was said (JSON written as a string, read back parsed) */
  delivery: ColumnType<Delivery | null, string | null | undefined, string | null>;
  /** migration 0005: the transcription the answer was corrected from */
  transcript_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** migration 0007: what a strong answer covers, kept once written (JSON text in, parsed out) */
  model_answer: ColumnType<StoredModelAnswer | null, string | null | undefined, string | null>;
}

export interface StoredModelAnswer {
  talking_points: string[];
  example: string;
  written_by: string;
}

/** migration 0007: an earlier attempt at an answer that was redone, with what it got. */
export interface AnswerAttemptsTable {
  id: Generated<string>;
  feedback_id: string;
  answer: string;
  score: number | null;
  ai_feedback: string | null;
  evaluator: string | null;
  created_at: Timestamp;
}

/** migration 0005: a transcribed recording (never the audio) awaiting its corrected answer. */
export interface VoiceTranscriptsTable {
  id: Generated<string>;
  session_id: string;
  question_id: string;
  user_id: string;
  transcript: string;
  delivery: ColumnType<Delivery, string, string>;
  transcriber: string;
  /** only when the user keeps their recordings */
  audio: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  audio_type: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** migration 0005: "keep my recordings" (off unless the user turns it on). */
export interface VoicePreferencesTable {
  user_id: string;
  keep_recordings: Generated<boolean>;
  /** null: not chosen yet (the app's default applies) */
  answer_mode: AnswerMode | null;
  read_aloud: boolean | null;
  updated_at: Timestamp;
}

/** migration 0007: a read-only link to one report; the token itself is never stored. */
export interface ShareLinksTable {
  id: Generated<string>;
  token_hash: string;
  session_id: string;
  user_id: string;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  created_at: Timestamp;
  seq: CreationSeq;
}

/** One row per model call, for the per-user hourly quota. */
export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: Timestamp;
}

export interface AiUsageTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  created_at: Timestamp;
}

/** One row per session or job a user created, for the hourly creation quotas (0004). */
export interface CreationsTable {
  id: Generated<string>;
  user_id: string;
  kind: CreationKind;
  created_at: Timestamp;
}

export interface Database {
  roles: RolesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  auth_sessions: AuthSessionsTable;
  job_descriptions: JobDescriptionsTable;
  interview_sessions: InterviewSessionsTable;
  session_questions: SessionQuestionsTable;
  feedback: FeedbackTable;
  ai_usage: AiUsageTable;
  rate_limits: RateLimitsTable;
  voice_transcripts: VoiceTranscriptsTable;
  voice_preferences: VoicePreferencesTable;
  creations: CreationsTable;
  answer_attempts: AnswerAttemptsTable;
  share_links: ShareLinksTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type JobRow = Selectable<JobDescriptionsTable>;
export type NewJobRow = Insertable<JobDescriptionsTable>;
export type JobUpdate = Updateable<JobDescriptionsTable>;
export type SessionRow = Selectable<InterviewSessionsTable>;
export type NewSessionRow = Insertable<InterviewSessionsTable>;
export type QuestionRow = Selectable<SessionQuestionsTable>;
export type NewQuestionRow = Insertable<SessionQuestionsTable>;
export type FeedbackRow = Selectable<FeedbackTable>;
export type NewFeedbackRow = Insertable<FeedbackTable>;
export type FeedbackUpdate = Updateable<FeedbackTable>;
export type AnswerAttemptRow = Selectable<AnswerAttemptsTable>;
export type AuthSessionRow = Selectable<AuthSessionsTable>;
export type ShareLinkRow = Selectable<ShareLinksTable>;
export type NewAuthSessionRow = Insertable<AuthSessionsTable>;
