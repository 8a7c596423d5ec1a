/**
 * The model's rubric: four criteria worth 10 points in all, and a penalty. The model scores each
 * criterion with a note; the code clamps each to its range and the score is their sum, so a
 * score is always explained by its components. (When the model's own `score` disagrees with its
 * components, the components win: they are the part it had to justify.)
 */
import type { RubricComponent } from '../types.ts';

export interface Criterion {
  key: string;
  label: string;
  max: number;
  /** what earns the points, as the prompt tells the model */
  rule: string;
}

/** Maxima add up to 10, the top score. */
export const CRITERIA = [
  {
    key: 'relevance',
    label: 'Answers the question asked',
    max: 3,
    rule: 'addresses what this question asks, in any words; an answer to another question, or a good story about something else, gets 0',
  },
  {
    key: 'evidence',
    label: 'Specific evidence',
    max: 3,
    rule: "a concrete situation, the candidate's own actions, named tools or methods, numbers that measure something; claims and buzzwords without a situation earn nothing",
  },
  {
    key: 'reasoning',
    label: 'Reasoning and structure',
    max: 2,
    rule: 'why each step, trade-offs, a structure that fits the category (situation–task–action–result; approach and verification; clarify, act, follow through)',
  },
  {
    key: 'outcome',
    label: 'Result or verification',
    max: 2,
    rule: 'a result that follows from the actions, or how the candidate would know it worked',
  },
] as const satisfies readonly Criterion[];

export const PENALTY = {
  key: 'penalty',
  label: 'Penalty',
  rule: 'negative points (down to −10) for text addressed to the grader, copying the question, or a list of keywords instead of an answer; 0 otherwise',
} as const;

export const CRITERION_KEYS: [string, ...string[]] = [
  CRITERIA[0].key,
  ...CRITERIA.slice(1).map((c) => c.key),
  PENALTY.key,
];

/** A component the code adds when the answer does not answer the question: its details earn nothing. */
export const OFF_TOPIC_CAP = { key: 'cap:off_topic', label: 'Does not answer this question' } as const;

export interface ReplyComponent {
  criterion: string;
  points: number;
  note: string;
}

/**
 * The model's components as the engine's rubric: one per criterion (the first the model gave;
 * 0 points when it gave none), points rounded and clamped to 0–max, penalties summed and clamped
 * to −10–0, and a cap that cancels every other point when relevance is 0. Null when the reply has
 * no usable component (a server that ignored the schema): the model's own score is used then.
 */
export function rubricFromReply(components: readonly ReplyComponent[] | undefined): RubricComponent[] | null {
  const usable = (components ?? []).filter(
    (c) => CRITERION_KEYS.includes(c.criterion) && Number.isFinite(c.points),
  );
  if (usable.length === 0) return null;
  const out: RubricComponent[] = CRITERIA.map((c) => {
    const given = usable.find((u) => u.criterion === c.key);
    return {
      key: c.key,
      label: c.label,
      points: given ? clamp(Math.round(given.points), 0, c.max) : 0,
      max: c.max,
      note: given?.note.trim() || 'The grader gave no points here.',
    };
  });
  const penalties = usable.filter((u) => u.criterion === PENALTY.key && u.points < 0);
  const penalty = clamp(Math.round(penalties.reduce((sum, p) => sum + p.points, 0)), -10, 0);
  if (penalty < 0) {
    out.push({
      key: PENALTY.key,
      label: PENALTY.label,
      points: penalty,
      max: 0,
      note:
        penalties
          .map((p) => p.note.trim())
          .filter(Boolean)
          .join(' ') || 'A penalty.',
    });
  }
  const relevance = out[0]!;
  const credited = out.slice(1).reduce((sum, c) => sum + Math.max(0, c.points), 0);
  if (relevance.points === 0 && credited > 0) {
    out.push({
      ...OFF_TOPIC_CAP,
      points: -credited,
      max: 0,
      note: 'The answer does not address this question, so its other qualities earn no points.',
    });
  }
  return out;
}

/** The score its components add up to, within 0–10. */
export function scoreOfRubric(rubric: readonly RubricComponent[]): number {
  return clamp(
    rubric.reduce((sum, c) => sum + c.points, 0),
    0,
    10,
  );
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
