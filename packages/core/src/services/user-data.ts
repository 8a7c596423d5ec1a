/**
 * "All my data": everything the service holds about the caller, as one document (profile, own
 * job descriptions, interviews with questions and graded answers, kept recordings' metadata,
 * share links, logins, model calls). Read in one repeatable-read transaction so the parts agree.
 * Never a password hash, a token or its hash, or audio bytes (those have their own download).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notFound } from '../errors.ts';
import { listShareLinksOfUser } from '../queries/shares.ts';
import * as q from '../queries/user-data.ts';
import { findUserById } from '../queries/users.ts';
import { findVoicePreferences } from '../queries/voice.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type UserExport } from '../schemas/exports.ts';
import { type MaybeActor, requireActor } from './actor.ts';
import { iso, toFeedback, toJob, toUser } from './mappers.ts';
import { sessionDetailOf } from './sessions.ts';
import { toShareLink } from './shares.ts';
import { withDefaults as voicePreferencesOf } from './voice.ts';

type Db = Kysely<Database>;

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export async function exportMyData(db: Db, actor: MaybeActor): Promise<UserExport> {
  const me = requireActor(actor);
  const parts = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const t = trx as unknown as Db;
      return {
        user: await findUserById(t, me.id),
        preferences: await findVoicePreferences(t, me.id),
        jobs: await q.jobsCreatedBy(t, me.id),
        sessions: await q.sessionsOfUser(t, me.id),
        questions: await q.questionsOfUser(t, me.id),
        feedback: await q.feedbackOfUser(t, me.id),
        recordings: await q.recordingsOfUser(t, me.id),
        shares: await listShareLinksOfUser(t, me.id),
        logins: await q.loginsOfUser(t, me.id),
        calls: await q.modelCallsOfUser(t, me.id),
      };
    });
  if (!parts.user) throw notFound('User');
  const questionsOf = groupBy(parts.questions, (x) => x.session_id);
  const feedbackOf = groupBy(parts.feedback, (x) => x.session_id);
  const now = Date.now();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: new Date(now).toISOString(),
    user: toUser(parts.user),
    voice_preferences: voicePreferencesOf(parts.preferences),
    jobs: parts.jobs.map(toJob),
    sessions: parts.sessions.map((row) => {
      return {
        ...sessionDetailOf(row, questionsOf.get(row.id) ?? []),
        job_description: row.job_description,
        feedback: (feedbackOf.get(row.id) ?? []).map(toFeedback),
      };
    }),
    recordings: parts.recordings.map((r) => ({
      id: r.id,
      session_id: r.session_id,
      question_id: r.question_id,
      transcript: r.transcript,
      delivery: r.delivery,
      transcriber: r.transcriber,
      audio_kept: r.audio_type !== null,
      audio_type: r.audio_type,
      audio_bytes: Number(r.audio_bytes),
      created_at: iso(r.created_at),
    })),
    share_links: parts.shares.map((r) => toShareLink(r, now)),
    logins: parts.logins.map((l) => ({ created_at: iso(l.created_at), expires_at: iso(l.expires_at) })),
    model_calls: parts.calls.map((c) => ({ kind: c.kind, created_at: iso(c.created_at) })),
  };
}
