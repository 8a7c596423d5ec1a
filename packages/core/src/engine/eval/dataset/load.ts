/**
 * Reads the labelled family files of this folder (validated by schema.ts) and the first
 * labelled set (labelled-set.ts, dev), as one list of questions with their split.
 * Read from disk on demand, never at import: the server bundles the engine but not this data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobContext, QuestionContext } from '../../types.ts';
import { LABELLED_SET } from '../labelled-set.ts';
import { familySchema, type WrittenKind } from './schema.ts';

export type Split = 'dev' | 'test';

export interface EvalQuestion {
  id: string;
  /** job family (the first set's questions are grouped by their job title) */
  family: string;
  split: Split;
  job: JobContext;
  question: QuestionContext;
  /** the written answers; the first set has only strong, fair, weak and off_topic */
  answers: Partial<Record<WrittenKind, string>>;
  followUp: { text: string; good: string; bad: string } | null;
}

const DATASET_DIR = dirname(fileURLToPath(import.meta.url));

/** Every family file in `dir`, validated; a bad file throws naming the file and the field. */
export function loadFamilyQuestions(dir = DATASET_DIR): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = familySchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${file}: ${why}`);
    }
    const fam = parsed.data;
    for (const q of fam.questions) {
      out.push({
        id: q.id,
        family: fam.family,
        split: fam.split,
        job: fam.job,
        question: { text: q.text, category: q.category, skill: q.skill, is_follow_up: false },
        answers: q.answers,
        followUp: q.follow_up,
      });
    }
  }
  return out;
}

/** The first labelled set (the grader was tuned on it before the split existed), as dev questions. */
export function firstSetQuestions(): EvalQuestion[] {
  return LABELLED_SET.map((q) => ({
    id: q.id,
    family: `first-set:${q.job.title}`,
    split: 'dev' as const,
    job: q.job,
    question: q.question,
    answers: { ...q.answers },
    followUp: null,
  }));
}

/** The whole labelled set: the family files plus the first set. */
export function loadEvalSet(dir = DATASET_DIR): EvalQuestion[] {
  return [...firstSetQuestions(), ...loadFamilyQuestions(dir)];
}
