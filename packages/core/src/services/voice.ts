/**
 * Voice answers: one recording for the current question of an ongoing session the caller owns
 * is checked (by its bytes, size and length), charged to the same hourly quota as model calls,
 * transcribed, and measured. The audio is not kept: only the transcript and its delivery
 * figures, so the answer the candidate submits after correcting it carries figures measured
 * on what was said.
 */

import type { FeedbackRow } from '../db/types.ts';
import { computeDelivery } from '../delivery/metrics.ts';
import { EngineError, publicReason } from '../engine/errors.ts';
import { conflict, DomainError, invalidField, notFound } from '../errors.ts';
import { recordAiUsage } from '../queries/feedback.ts';
import * as sq from '../queries/sessions.ts';
import * as vq from '../queries/voice.ts';
import type { Delivery } from '../schemas/delivery.ts';
import {
  DEFAULT_VOICE_PREFERENCES,
  type QuestionSpeech,
  type Recording,
  type SetVoicePreferencesInput,
  type TranscribeInput,
  type Transcription,
  type VoicePreferences,
  type VoiceStatus,
} from '../schemas/voice.ts';
import { sniffAudio, wavSeconds } from '../voice/audio.ts';
import { canSee, type MaybeActor, requireActor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { checkHourlyQuota } from './model-calls.ts';
import { deriveProgress, loadOwnSession } from './sessions.ts';

/** A recorder's and a server's measures of the same audio differ a little (container padding). */
const DURATION_SLACK_SECONDS = 2;

export function voiceStatus(ctx: ServiceContext): VoiceStatus {
  const t = ctx.voice?.transcriber ?? null;
  const speaker = ctx.voice?.speech?.speaker ?? null;
  return {
    transcription: t ? 'openai' : 'browser',
    transcriber: t?.label ?? null,
    speech: speaker ? 'openai' : 'browser',
    speaker: speaker?.label ?? null,
    max_seconds: ctx.voice?.limits.maxSeconds ?? 0,
    max_bytes: ctx.voice?.limits.maxBytes ?? 0,
  };
}

export async function transcribeAnswer(
  ctx: ServiceContext,
  actor: MaybeActor,
  input: TranscribeInput,
  signal?: AbortSignal,
): Promise<Transcription> {
  const me = requireActor(actor);
  const session = await sq.findSession(ctx.db, input.session_id);
  if (!session || !canSee(me, session.user_id)) throw notFound('Session');
  if (session.status !== 'ongoing')
    throw conflict(`Cannot answer: the session is ${session.status}`, { state: session.status });
  const voice = ctx.voice;
  if (!voice?.transcriber) {
    throw conflict(
      'This server does not transcribe recordings; use the browser’s speech recognition or type the answer',
    );
  }
  const { maxBytes, maxSeconds } = voice.limits;
  const audio = Buffer.from(input.audio_base64, 'base64');
  if (audio.length > maxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `audio: the recording is larger than ${maxBytes} bytes`, [
      { path: ['audio'], message: `must be at most ${maxBytes} bytes` },
    ]);
  }
  const current = deriveProgress(session, await sq.listQuestions(ctx.db, session.id)).current;
  if (!current) throw conflict('Every question has been answered: end the session to get your score');

  const kind = sniffAudio(audio);
  if (!kind) throw invalidField('audio', 'is not a WebM, Ogg, WAV, MP3 or MP4 recording');
  const tooLong = `must be at most ${maxSeconds} seconds long`;
  if ((input.duration_seconds ?? 0) > maxSeconds) throw invalidField('duration_seconds', tooLong);
  const headerSeconds = kind.ext === 'wav' ? wavSeconds(audio) : null;
  if (headerSeconds !== null && headerSeconds > maxSeconds) throw invalidField('audio', tooLong);

  await checkHourlyQuota(ctx, me.id);
  await recordAiUsage(ctx.db, me.id, 'transcribe');
  let transcript: Awaited<ReturnType<typeof voice.transcriber.transcribe>>;
  try {
    transcript = await voice.transcriber.transcribe({ bytes: audio, kind }, signal);
  } catch (e) {
    throw new DomainError(
      'UNAVAILABLE',
      `Transcription failed (${publicReason(e)}). Try again, or type your answer.`,
    );
  }
  const measured = transcript.durationSeconds ?? headerSeconds ?? input.duration_seconds ?? null;
  if (measured !== null && measured > maxSeconds + DURATION_SLACK_SECONDS) {
    throw invalidField('audio', tooLong);
  }

  const delivery: Delivery = computeDelivery({
    text: transcript.text,
    category: current.category,
    words: transcript.words,
    durationSeconds: measured ?? 0,
  });
  // the audio stays only if its owner asked for that; otherwise it is gone with this request
  const keep = (await loadPreferences(ctx.db, session.user_id)).keep_recordings;
  const row = await vq.insertTranscript(ctx.db, {
    session_id: session.id,
    question_id: current.id,
    user_id: session.user_id,
    transcript: transcript.text,
    delivery,
    transcriber: voice.transcriber!.label,
    audio: keep ? audio : null,
    audio_type: keep ? kind.mime : null,
  });
  return {
    id: row.id,
    session_id: session.id,
    question_id: current.id,
    transcript: transcript.text,
    words: transcript.words,
    duration_seconds: measured,
    delivery,
    transcriber: row.transcriber,
  };
}

/**
 * The delivery figures an answer is stored with: those of its transcription when it came from
 * one (the same session, question and user; otherwise 400), else the typed text's own.
 */
export async function deliveryForAnswer(
  db: ServiceContext['db'],
  answer: { text: string; category: FeedbackRow['category'] },
  link: { transcript_id?: string | undefined; session_id: string; question_id: string; user_id: string },
): Promise<{ delivery: Delivery; transcriptId: string | null }> {
  if (!link.transcript_id) {
    return {
      delivery: computeDelivery({ text: answer.text, category: answer.category }),
      transcriptId: null,
    };
  }
  const t = await vq.findTranscript(db, link.transcript_id);
  if (
    !t ||
    t.session_id !== link.session_id ||
    t.question_id !== link.question_id ||
    t.user_id !== link.user_id
  ) {
    throw invalidField('transcript_id', 'is not a transcription of the current question');
  }
  return { delivery: t.delivery, transcriptId: t.id };
}

/** Once a question is answered, drop its other transcriptions (and any audio they kept). */
export const forgetUnusedTranscripts = (
  db: ServiceContext['db'],
  questionId: string,
  keptId: string | null,
) => vq.deleteUnusedTranscripts(db, questionId, keptId);

/** A user's voice preferences, the defaults filling what they never chose. */
async function loadPreferences(db: ServiceContext['db'], userId: string): Promise<VoicePreferences> {
  const row = await vq.findVoicePreferences(db, userId);
  return withDefaults(row);
}

/** A stored row (or none) as the user's preferences: the defaults fill what they never chose. */
export const withDefaults = (
  row: Partial<{ [K in keyof VoicePreferences]: VoicePreferences[K] | null }> | undefined,
) => ({
  keep_recordings: row?.keep_recordings ?? DEFAULT_VOICE_PREFERENCES.keep_recordings,
  answer_mode: row?.answer_mode ?? DEFAULT_VOICE_PREFERENCES.answer_mode,
  read_aloud: row?.read_aloud ?? DEFAULT_VOICE_PREFERENCES.read_aloud,
});

export async function getPreferences(db: ServiceContext['db'], actor: MaybeActor): Promise<VoicePreferences> {
  return loadPreferences(db, requireActor(actor).id);
}

export async function setPreferences(
  db: ServiceContext['db'],
  actor: MaybeActor,
  input: SetVoicePreferencesInput,
): Promise<VoicePreferences> {
  const me = requireActor(actor);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return withDefaults(await vq.upsertVoicePreferences(db, me.id, patch));
}

/**
 * The current question of an ongoing session the caller may see, read aloud by the server's
 * voice. Made once per question and voice (SpeechCache): a replay does not call the speech
 * server again, nor count against the hourly quota, which a new reading shares with the model.
 */
export async function speakQuestion(
  ctx: ServiceContext,
  actor: MaybeActor,
  sessionId: string,
): Promise<QuestionSpeech> {
  const me = requireActor(actor);
  const session = await sq.findSession(ctx.db, sessionId);
  if (!session || !canSee(me, session.user_id)) throw notFound('Session');
  if (session.status !== 'ongoing') throw conflict(`No question to read: the session is ${session.status}`);
  const speech = ctx.voice?.speech;
  if (!speech) {
    throw conflict('This server has no voice; the browser reads the question aloud');
  }
  const current = deriveProgress(session, await sq.listQuestions(ctx.db, session.id)).current;
  if (!current) throw conflict('Every question has been answered: end the session to get your score');
  const { speaker, cache } = speech;
  let made: Awaited<ReturnType<typeof cache.getOrMake>>;
  try {
    made = await cache.getOrMake(`${current.id}\n${speaker.label}`, async () => {
      await checkHourlyQuota(ctx, me.id);
      await recordAiUsage(ctx.db, me.id, 'speech');
      // no caller's signal: a reading shared by concurrent requests outlives any one of them
      return speaker.speak(current.text);
    });
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    throw new DomainError(
      'UNAVAILABLE',
      `Reading the question aloud failed (${publicReason(e)}); your browser can read it instead.`,
    );
  }
  return {
    question_id: current.id,
    audio_type: made.speech.kind.mime,
    audio_base64: made.speech.bytes.toString('base64'),
    speaker: speaker.label,
  };
}

/** The kept recordings of a session the caller may see (its owner, or an admin). */
export async function listRecordings(db: ServiceContext['db'], actor: MaybeActor, sessionId: string) {
  await loadOwnSession(db, actor, sessionId);
  const rows = await vq.listSessionRecordings(db, sessionId);
  // audio and its type are stored together (a CHECK says so)
  return rows.map((r) => ({ feedback_id: r.feedback_id, audio_type: r.audio_type ?? '', bytes: r.bytes }));
}

export async function getRecording(
  db: ServiceContext['db'],
  actor: MaybeActor,
  feedbackId: string,
): Promise<Recording> {
  const me = requireActor(actor);
  const row = await vq.findRecordingOfFeedback(db, feedbackId);
  if (!row || !canSee(me, row.user_id) || !row.audio || !row.audio_type) throw notFound('Recording');
  return {
    feedback_id: feedbackId,
    audio_type: row.audio_type,
    audio_base64: Buffer.from(row.audio).toString('base64'),
  };
}
