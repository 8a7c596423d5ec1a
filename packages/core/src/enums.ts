/**
 * The domain's enums and bounds, each written once. zod schemas, the Kysely table types and the
 * engine derive from these; the migrations hold a frozen copy, and `enums.test.ts` checks that the
 * database's CHECK constraints still list exactly these values. No dependencies: the SPA imports
 * this file alone (`@ai-interviewer/core/enums`).
 */

/** What a question asks about. */
export const QUESTION_CATEGORIES = ['technical', 'behavioural', 'situational'] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

/** What a session's questions focus on: one category, or a mix. */
export const FOCUSES = [...QUESTION_CATEGORIES, 'mixed'] as const;
export type Focus = (typeof FOCUSES)[number];

/** An interview session's lifecycle. */
export const SESSION_STATUSES = ['pending', 'ongoing', 'completed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Where an answer's grading stands. */
export const GRADING_STATUSES = ['pending', 'graded', 'failed'] as const;
export type GradingStatus = (typeof GRADING_STATUSES)[number];

/** Who may see a job description. */
export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The roles a user may hold (rows of the `roles` table, seeded by migration 0001). */
export const ROLE_NAMES = ['admin', 'candidate'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** What the hourly creation quotas count (migration 0004). */
export const CREATION_KINDS = ['session', 'job'] as const;
export type CreationKind = (typeof CREATION_KINDS)[number];

/** The level of a session's questions, when the candidate picks one (else the job's experience decides). */
export const DIFFICULTIES = ['junior', 'mid', 'senior'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** How a user answers in the interview room. */
export const ANSWER_MODES = ['type', 'voice'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** Questions in one plan: what a user may ask for, and what the planners produce. */
export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 20;
export const DEFAULT_QUESTIONS = 5;
