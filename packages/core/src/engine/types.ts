/**
 * The interviewer engine's contract. Other packages (services, router, SPA types) are written
 * against these shapes, so change them only together with their users.
 */

import type { Focus, QuestionCategory } from '../enums.ts';

export type { Focus, QuestionCategory };

/** The job as the candidate sees it. `skills` is raw text exactly as the author wrote it. */
export interface JobContext {
  title: string;
  description: string;
  skills: string;
  experience: string;
}

export interface PlannedQuestion {
  text: string;
  category: QuestionCategory;
  skill: string;
  /** what a strong answer covers, when the planner knows (the offline bank always does) */
  talking_points?: string[];
}

export interface QuestionContext {
  text: string;
  category: QuestionCategory;
  skill: string;
  is_follow_up: boolean;
}

/**
 * One line of the rubric behind a score, shown to the candidate as "why this score".
 * The points of all components add up to the score (before clamping to 0–10); a cap or a
 * penalty is a component with negative points that says what it is for.
 */
export interface RubricComponent {
  /** stable key, e.g. "relevance", "evidence", "cap:off_topic" */
  key: string;
  /** what the candidate reads, e.g. "Answers the question asked" */
  label: string;
  points: number;
  /** the most this component can give (0 for a cap or penalty) */
  max: number;
  /** why, citing the part of the answer it is about (or its absence) */
  note: string;
}

export interface Evaluation {
  /** integer 0–10 */
  score: number;
  /** why the score: components whose points add up to it (both providers fill it) */
  rubric?: RubricComponent[];
  feedback: string;
  strengths: string[];
  improvements: string[];
  skills_shown: string[];
  follow_up: string | null;
}

export interface SummaryItem {
  question: string;
  category: QuestionCategory;
  skill: string;
  answer: string;
  score: number | null;
  is_follow_up: boolean;
}

export interface SessionSummary {
  summary: string;
  skill_notes: { skill: string; note: string }[];
}

/**
 * "What a strong answer covers": the points a good answer makes, and a short example written
 * for the candidate to learn from. Always shown as an example, never as someone's real answer.
 */
export interface ModelAnswer {
  talking_points: string[];
  example: string;
}

export interface InterviewerProvider {
  /** e.g. "offline:rubric-v1" or "openai:gpt-4o-mini" — stored with every feedback so users can tell who graded it */
  readonly evaluator: string;
  planQuestions(input: {
    job: JobContext;
    count: number;
    focus: Focus;
    seed: string;
  }): Promise<PlannedQuestion[]>;
  evaluateAnswer(input: {
    job: JobContext;
    question: QuestionContext;
    answer: string;
    /**
     * The session's other questions (optional): an answer that fits one of them better than its
     * own question is an answer to another question. The offline grader uses them.
     */
    other_questions?: readonly string[];
    onDelta?: (feedbackTextSoFar: string) => void;
    signal?: AbortSignal;
  }): Promise<Evaluation>;
  summarise(input: { job: JobContext; items: SummaryItem[]; overall_score: number }): Promise<SessionSummary>;
  /** Optional so test doubles need not write one; the service falls back to the offline outline. */
  modelAnswer?(input: {
    job: JobContext;
    question: QuestionContext;
    /** the planner's talking points for this question, when it knows them */
    talking_points?: readonly string[];
  }): Promise<ModelAnswer>;
}
