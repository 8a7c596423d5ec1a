import type { FeedbackRow, JobRow, QuestionRow, SessionRow } from '../db/types.ts';
import type { UserWithRoles } from '../queries/users.ts';
import type { Feedback } from '../schemas/feedback.ts';
import type { Job } from '../schemas/jobs.ts';
import type { Question, Session } from '../schemas/sessions.ts';
import type { User } from '../schemas/users.ts';

// Rows are snake_case like the API, so mapping is only: drop secrets, dates to ISO strings.

export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

export const toUser = (row: UserWithRoles): User => ({
  id: row.id,
  email: row.email,
  username: row.username,
  active: row.active,
  roles: row.roles,
  created_at: iso(row.created_at),
});

export const toJob = (row: JobRow): Job => ({
  id: row.id,
  title: row.title,
  description: row.description,
  skills: row.skills,
  experience: row.experience,
  created_by: row.created_by,
  visibility: row.visibility,
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

export const toSession = (row: SessionRow): Session => ({
  id: row.id,
  user_id: row.user_id,
  job_description_id: row.job_description_id,
  job_title: row.job_title,
  status: row.status,
  question_count: row.question_count,
  focus: row.focus,
  started_at: isoOrNull(row.started_at),
  ended_at: isoOrNull(row.ended_at),
  score: row.score,
  summary: row.summary,
  difficulty: row.difficulty,
  time_limit_seconds: row.time_limit_seconds,
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

export const toQuestion = (row: QuestionRow, answered: boolean): Question => ({
  id: row.id,
  plan_index: row.plan_index,
  is_follow_up: row.is_follow_up,
  category: row.category,
  skill: row.skill,
  text: row.text,
  answered,
});

export const toFeedback = (row: FeedbackRow): Feedback => ({
  id: row.id,
  session_id: row.session_id,
  user_id: row.user_id,
  question_id: row.question_id,
  question: row.question,
  answer: row.answer,
  ai_feedback: row.ai_feedback,
  score: row.score,
  rubric: row.rubric,
  category: row.category,
  strengths: row.strengths,
  improvements: row.improvements,
  skills_shown: row.skills_shown,
  follow_up: row.follow_up,
  grading_status: row.grading_status,
  grading_error: row.grading_error,
  evaluator: row.evaluator,
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
  delivery: row.delivery ?? null,
});
