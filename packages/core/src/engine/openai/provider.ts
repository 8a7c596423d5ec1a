/**
 * The OpenAI-compatible interviewer: the official SDK, Chat Completions with strict structured
 * outputs, every reply re-validated with zod. Works with any server that speaks the same API
 * (OpenAI, Azure, Ollama, vLLM, …) through `baseURL`.
 *
 * Failure policy: a refusal, a truncated reply, malformed JSON or a schema mismatch throws
 * EngineError; nothing is ever made up. Retries: exactly one layer, the SDK's own `maxRetries`
 * (429, 408, 409, 5xx and connection errors, with its backoff and Retry-After handling).
 * Score policy: the score is the sum of the model's rubric components, each clamped to its range
 * (rubric.ts); a reply without components (a server that ignores the schema) keeps the model's
 * score. Either way a score outside 0–10 (or fractional) is clamped and rounded, not rejected,
 * since the rest of the evaluation is usable and the product rule is "scores are clamped".
 */
import OpenAI from 'openai';
import type { z } from 'zod';
import { MAX_QUESTIONS, MIN_QUESTIONS } from '../../enums.ts';
import { EngineError } from '../errors.ts';
import { clampScore } from '../scoring.ts';
import { parseSkills } from '../skills.ts';
import { normalizeKey } from '../text.ts';
import type {
  Evaluation,
  Focus,
  InterviewerProvider,
  ModelAnswer,
  PlannedQuestion,
  QuestionCategory,
  SessionSummary,
} from '../types.ts';
import { withBodyIdleTimeout } from './idle-timeout-fetch.ts';
import { toEngineError } from './map-error.ts';
import { extractPartialStringField } from './partial-json.ts';
import {
  EVALUATE_SYSTEM,
  evaluateUserMessage,
  MODEL_ANSWER_SYSTEM,
  modelAnswerUserMessage,
  PLAN_SYSTEM,
  planUserMessage,
  SUMMARY_SYSTEM,
  summaryUserMessage,
} from './prompts.ts';
import { rubricFromReply, scoreOfRubric } from './rubric.ts';
import {
  EVALUATION_SCHEMA,
  EvaluationReply,
  MODEL_ANSWER_SCHEMA,
  ModelAnswerReply,
  PLAN_SCHEMA,
  PlanReply,
  SUMMARY_SCHEMA,
  SummaryReply,
} from './schemas.ts';

export interface OpenAIProviderOptions {
  apiKey: string;
  /** e.g. http://localhost:11434/v1 for Ollama; default: OpenAI */
  baseURL?: string;
  model: string;
  /** per attempt: until the headers arrive (SDK) and between body chunks (idle). Default 30 s. */
  timeoutMs?: number;
  /** the SDK's retries (the only retry layer). Default 2. */
  maxRetries?: number;
  /** default 0.2: grading should be repeatable */
  temperature?: number;
  /** upper bound on the reply's tokens. Default 1200. */
  maxTokens?: number;
  fetch?: typeof fetch;
  /**
   * Which request field carries the token limit. Default: "max_completion_tokens" for OpenAI's
   * own API (required by its newer models), "max_tokens" for other servers (the field every
   * OpenAI-compatible server understands).
   */
  maxTokensParam?: 'max_tokens' | 'max_completion_tokens';
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TEMPERATURE = 0.2;
export const DEFAULT_MAX_TOKENS = 1200;

/** OpenAI's reasoning models reject a custom temperature; they get the default instead. */
function isReasoningModel(model: string): boolean {
  return /^(o\d|gpt-5)/i.test(model);
}

function isOpenAIHost(baseURL: string | undefined): boolean {
  if (!baseURL) return true;
  try {
    return new URL(baseURL).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

export function createOpenAIProvider(opts: OpenAIProviderOptions): InterviewerProvider {
  const model = opts.model.trim();
  if (!model) throw new Error('createOpenAIProvider: model is required');
  const timeoutMs = Math.max(1, Math.round(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  const maxRetries = Math.max(0, Math.floor(opts.maxRetries ?? DEFAULT_MAX_RETRIES));
  const temperature = opts.temperature ?? DEFAULT_TEMPERATURE;
  const maxTokens = Math.max(16, Math.floor(opts.maxTokens ?? DEFAULT_MAX_TOKENS));
  const maxTokensParam =
    opts.maxTokensParam ??
    (isOpenAIHost(opts.baseURL) || isReasoningModel(model) ? 'max_completion_tokens' : 'max_tokens');

  const client = new OpenAI({
    apiKey: opts.apiKey,
    ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
    timeout: timeoutMs,
    maxRetries,
    fetch: withBodyIdleTimeout(opts.fetch ?? globalThis.fetch, timeoutMs),
  });

  /** One structured-output call: request, stream or not, then the failure checks and zod. */
  async function complete<T>(call: {
    name: string;
    jsonSchema: Record<string, unknown>;
    validate: z.ZodType<T>;
    system: string;
    user: string;
    signal?: AbortSignal | undefined;
    onFeedback?: ((text: string) => void) | undefined;
    seed?: number;
  }): Promise<T> {
    const body = {
      model,
      messages: [
        { role: 'system' as const, content: call.system },
        { role: 'user' as const, content: call.user },
      ],
      response_format: {
        type: 'json_schema' as const,
        json_schema: { name: call.name, strict: true, schema: call.jsonSchema },
      },
      ...(isReasoningModel(model) ? {} : { temperature }),
      ...(maxTokensParam === 'max_tokens' ? { max_tokens: maxTokens } : { max_completion_tokens: maxTokens }),
      ...(call.seed === undefined ? {} : { seed: call.seed }),
    };
    const requestOptions = call.signal ? { signal: call.signal } : {};

    let content = '';
    let refusal = '';
    let finishReason: string | null = null;
    try {
      if (call.onFeedback) {
        const stream = await client.chat.completions.create({ ...body, stream: true }, requestOptions);
        let shown = '';
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          if (!choice) continue;
          if (choice.delta?.content) {
            content += choice.delta.content;
            const partial = extractPartialStringField(content, 'feedback');
            if (partial && partial.value.length > shown.length) {
              shown = partial.value;
              safeCall(call.onFeedback, shown);
            }
          }
          if (choice.delta?.refusal) refusal += choice.delta.refusal;
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
      } else {
        const completion = await client.chat.completions.create({ ...body, stream: false }, requestOptions);
        const choice = completion.choices[0];
        if (!choice) throw new EngineError('invalid_reply', 'the model server replied with no choices');
        content = choice.message.content ?? '';
        refusal = choice.message.refusal ?? '';
        finishReason = choice.finish_reason;
      }
    } catch (err) {
      throw toEngineError(err, call.signal);
    }

    if (refusal.trim() || finishReason === 'content_filter') {
      throw new EngineError('refusal', `the model refused: ${refusal.trim() || 'content filter'}`);
    }
    if (finishReason === 'length') {
      throw new EngineError('truncated', `the reply hit the ${maxTokens}-token limit and is incomplete`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(stripFence(content));
    } catch {
      throw new EngineError('invalid_reply', `the reply is not valid JSON: ${preview(content)}`);
    }
    const result = call.validate.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(root)';
      throw new EngineError(
        'invalid_reply',
        `the reply does not match the schema at ${where}: ${issue?.message}`,
      );
    }
    return result.data;
  }

  return {
    evaluator: `openai:${model}`,

    async planQuestions({ job, count, focus, seed }): Promise<PlannedQuestion[]> {
      const n = Math.min(
        MAX_QUESTIONS,
        Math.max(MIN_QUESTIONS, Math.round(Number.isFinite(count) ? count : 1)),
      );
      const reply = await complete({
        name: 'interview_plan',
        jsonSchema: PLAN_SCHEMA,
        validate: PlanReply,
        system: PLAN_SYSTEM,
        user: planUserMessage(job, n, focus),
        seed: seedNumber(seed),
      });
      return shapePlan(reply, n, focus);
    },

    async evaluateAnswer({ job, question, answer, onDelta, signal }): Promise<Evaluation> {
      const reply = await complete({
        name: 'answer_evaluation',
        jsonSchema: EVALUATION_SCHEMA,
        validate: EvaluationReply,
        system: EVALUATE_SYSTEM,
        user: evaluateUserMessage(job, question, answer),
        signal,
        onFeedback: onDelta,
      });
      const jobSkills = parseSkills(job.skills);
      const rubric = rubricFromReply(reply.rubric);
      return {
        // The components are what the model justified, so they decide the score (rubric.ts).
        score: rubric ? scoreOfRubric(rubric) : clampScore(reply.score, 0, 10),
        ...(rubric && { rubric }),
        feedback: reply.feedback,
        strengths: cleanList(reply.strengths),
        improvements: cleanList(reply.improvements),
        skills_shown: onlyJobSkills(reply.skills_shown, jobSkills),
        // Follow-ups are one level deep: never a follow-up to a follow-up.
        follow_up: question.is_follow_up ? null : reply.follow_up?.trim() || null,
      };
    },

    async summarise({ job, items, overall_score }): Promise<SessionSummary> {
      const reply = await complete({
        name: 'session_summary',
        jsonSchema: SUMMARY_SCHEMA,
        validate: SummaryReply,
        system: SUMMARY_SYSTEM,
        user: summaryUserMessage(job, items, clampScore(overall_score, 0, 100)),
      });
      return { summary: reply.summary, skill_notes: reply.skill_notes };
    },

    async modelAnswer({ job, question, talking_points }): Promise<ModelAnswer> {
      const reply = await complete({
        name: 'model_answer',
        jsonSchema: MODEL_ANSWER_SCHEMA,
        validate: ModelAnswerReply,
        system: MODEL_ANSWER_SYSTEM,
        user: modelAnswerUserMessage(job, question, talking_points),
      });
      return { talking_points: cleanList(reply.talking_points), example: reply.example.trim() };
    },
  };
}

/** A streaming consumer's bug must not fail the grading. */
function safeCall(fn: (text: string) => void, text: string): void {
  try {
    fn(text);
  } catch {
    // ignored on purpose
  }
}

/** Some compatible servers wrap JSON in a ``` fence even in JSON mode. */
function stripFence(s: string): string {
  const t = s.trim();
  const m = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(t);
  return m ? m[1]! : t;
}

function preview(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 120)}…` : t || '(empty)';
}

function cleanList(items: string[]): string[] {
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** skills_shown is "which of the job's skills": keep those, spelled as the job spells them. */
function onlyJobSkills(shown: string[], jobSkills: string[]): string[] {
  if (jobSkills.length === 0) return cleanList(shown);
  const byKey = new Map(jobSkills.map((s) => [normalizeKey(s), s]));
  const out: string[] = [];
  for (const s of shown) {
    const canonical = byKey.get(normalizeKey(s));
    if (canonical && !out.includes(canonical)) out.push(canonical);
  }
  return out;
}

/**
 * The plan as the engine promises it: exactly n distinct questions. More are cut; fewer (after
 * removing duplicates) is a failed reply. With a single-category focus, the focus wins over the
 * model's label.
 */
function shapePlan(reply: PlanReply, n: number, focus: Focus): PlannedQuestion[] {
  const seen = new Set<string>();
  const out: PlannedQuestion[] = [];
  for (const q of reply.questions) {
    const key = normalizeKey(q.text);
    if (seen.has(key)) continue;
    seen.add(key);
    const category: QuestionCategory = focus === 'mixed' ? q.category : focus;
    const points = cleanList(q.talking_points ?? []).slice(0, 4);
    out.push({
      text: q.text,
      category,
      skill: q.skill,
      ...(points.length > 0 && { talking_points: points }),
    });
    if (out.length === n) return out;
  }
  throw new EngineError(
    'invalid_reply',
    `the plan has ${out.length} distinct questions, ${n} were asked for`,
  );
}

/** The session's seed as the integer the API's `seed` field takes (best-effort repeatability). */
function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2_147_483_647;
}
