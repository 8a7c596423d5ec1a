/**
 * Read-only share links to one interview report (for a mentor). The owner creates one with an
 * expiry, lists and revokes them; anyone holding the token reads that report and nothing else.
 * The token is 256 random bits shown once; the database keeps its SHA-256 only.
 */
import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../auth/auth.ts';
import type { Database, ShareLinkRow } from '../db/types.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { allFeedbackOfSession } from '../queries/feedback.ts';
import * as sq from '../queries/sessions.ts';
import * as q from '../queries/shares.ts';
import type { CreatedShareLink, CreateShareInput, SharedReport, ShareLink } from '../schemas/shares.ts';
import { canSee, type MaybeActor, requireActor } from './actor.ts';
import { iso, toQuestion } from './mappers.ts';
import { deriveProgress, loadOwnSession } from './sessions.ts';

type Db = Kysely<Database>;
const DAY_MS = 24 * 3600 * 1000;

export const toShareLink = (row: ShareLinkRow, now = Date.now()): ShareLink => ({
  id: row.id,
  session_id: row.session_id,
  expires_at: iso(row.expires_at),
  revoked_at: row.revoked_at === null ? null : iso(row.revoked_at),
  created_at: iso(row.created_at),
  active: row.revoked_at === null && row.expires_at.getTime() > now,
});

/**
 * Only the candidate shares their report: an admin may see it, but handing it to a third party
 * is the candidate's choice (403 for an admin, 404 for anyone else). Only a finished interview.
 */
export async function createShareLink(
  db: Db,
  actor: MaybeActor,
  input: CreateShareInput,
): Promise<CreatedShareLink> {
  const me = requireActor(actor);
  const session = await loadOwnSession(db, me, input.session_id);
  if (session.user_id !== me.id) throw forbidden('Only the candidate can share their report');
  if (session.status !== 'completed') throw conflict(`Cannot share a session that is ${session.status}`);
  const token = newToken();
  const row = await q.insertShareLink(db, {
    token_hash: hashToken(token),
    session_id: session.id,
    user_id: me.id,
    expires_at: new Date(Date.now() + input.expires_in_days * DAY_MS),
  });
  return { ...toShareLink(row), token };
}

/** Owner or admin: the session's links, revoked and expired ones included (they say so). */
export async function listShareLinks(db: Db, actor: MaybeActor, sessionId: string): Promise<ShareLink[]> {
  const session = await loadOwnSession(db, actor, sessionId);
  const rows = await q.listShareLinksOfSession(db, session.id);
  const now = Date.now();
  return rows.map((r) => toShareLink(r, now));
}

/** Owner or admin; anyone else gets 404. Revoking a revoked link changes nothing. */
export async function revokeShareLink(db: Db, actor: MaybeActor, id: string): Promise<ShareLink> {
  const me = requireActor(actor);
  const row = await q.findShareLink(db, id);
  if (!row || !canSee(me, row.user_id)) throw notFound('Share link');
  const revoked = await q.revokeShareLinkRow(db, id);
  return toShareLink(revoked ?? row);
}

/**
 * Anyone with a live token: the report of that one session. Unknown, revoked and expired tokens
 * all answer the same 404, so a probe learns nothing. No user id, email or username is returned.
 */
export async function viewSharedReport(db: Db, token: string): Promise<SharedReport> {
  const link = await q.findLiveShareLinkByHash(db, hashToken(token));
  const session = link && (await sq.findSession(db, link.session_id));
  if (!link || !session) throw notFound('Shared report');
  const [questions, feedback] = await Promise.all([
    sq.listQuestions(db, session.id),
    allFeedbackOfSession(db, session.id),
  ]);
  const { progress } = deriveProgress(session, questions);
  return {
    job_title: session.job_title,
    job_skills: session.job_skills,
    job_experience: session.job_experience,
    status: session.status,
    focus: session.focus,
    question_count: session.question_count,
    started_at: session.started_at === null ? null : iso(session.started_at),
    ended_at: session.ended_at === null ? null : iso(session.ended_at),
    score: session.score,
    summary: session.summary,
    skill_notes: session.skill_notes,
    progress,
    questions: questions.map((x) => toQuestion(x, x.answered)),
    answers: feedback.map((f) => ({
      question_id: f.question_id,
      question: f.question,
      answer: f.answer,
      category: f.category,
      score: f.score,
      ai_feedback: f.ai_feedback,
      rubric: f.rubric,
      strengths: f.strengths,
      improvements: f.improvements,
      skills_shown: f.skills_shown,
      grading_status: f.grading_status,
      evaluator: f.evaluator,
      delivery: f.delivery ?? null,
    })),
    link_expires_at: iso(link.expires_at),
  };
}
