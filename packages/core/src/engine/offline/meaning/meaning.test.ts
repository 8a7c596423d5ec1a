import { describe, expect, it } from 'vitest';
import type { JobContext, QuestionContext } from '../../types.ts';
import { createOfflineProvider } from '../provider.ts';
import { gradeAnswer } from '../rubric.ts';
import { ANOTHER_QUESTION_CAP, measureMeaning } from './index.ts';
import { alignment, vectorWords } from './vectors.ts';

const job: JobContext = {
  title: 'Warehouse Team Lead',
  description:
    'Lead a shift of pickers and packers in a regional distribution centre; keep stock records right and people safe.',
  skills: 'inventory control, team leadership, health and safety, scheduling',
  experience: '3+ years',
};
const conflict: QuestionContext = {
  text: 'Tell me about a time two people on your team disagreed. How did you settle it?',
  category: 'behavioural',
  skill: 'team leadership',
  is_follow_up: false,
};
const stock: QuestionContext = {
  text: 'Your stock counts keep disagreeing with the system. How do you find out why and fix it?',
  category: 'technical',
  skill: 'inventory control',
  is_follow_up: false,
};
// A good story about stock accuracy: the right answer to `stock`, not to `conflict`.
const stockStory =
  'At my last site the cycle counts for small parts were off by around 6% every week. I pulled the ' +
  'adjustment log and saw most errors came from one returns bay, because returned items were put away ' +
  'before they were scanned. I changed the routine so nothing left the bay unscanned and trained the ' +
  'two returns clerks, which meant the records matched the shelves again. Within a month the weekly ' +
  'variance fell to under 1% and the pickers stopped hunting for missing boxes.';

describe('word vectors', () => {
  it('relate words with the same meaning, and not unrelated ones', () => {
    const q = vectorWords('inventory');
    expect(alignment(q, vectorWords('stock'))).toBeGreaterThan(alignment(q, vectorWords('guitar')));
    expect(alignment(vectorWords('argument'), vectorWords('disagreement'))).toBeGreaterThan(0.5);
  });
});

describe('ranking against the session’s other questions', () => {
  it('finds that a story answers another question better', () => {
    const m = measureMeaning(conflict, stockStory, [stock.text]);
    expect(m.betterFit?.question).toBe(stock.text);
    expect(measureMeaning(stock, stockStory, [conflict.text]).betterFit).toBeNull();
  });

  it('caps it below a fair answer, says which question it answers, and does nothing without others', async () => {
    const r = gradeAnswer(job, conflict, stockStory, undefined, [stock.text]);
    expect(r.score).toBeLessThanOrEqual(ANOTHER_QUESTION_CAP);
    expect(r.caps.map((c) => c.reason)).toContain('off_topic');
    const own = gradeAnswer(job, stock, stockStory, undefined, [conflict.text]);
    expect(own.score).toBeGreaterThan(r.score);
    expect(gradeAnswer(job, conflict, stockStory).meaning.betterFit).toBeNull();

    const evaluation = await createOfflineProvider().evaluateAnswer({
      job,
      question: conflict,
      answer: stockStory,
      other_questions: [stock.text, conflict.text],
    });
    expect(evaluation.score).toBe(r.score);
    expect(evaluation.improvements.join(' ')).toContain('another question of this interview');
  });

  it('is deterministic', () => {
    const a = gradeAnswer(job, conflict, stockStory, undefined, [stock.text]);
    const b = gradeAnswer(job, conflict, stockStory, undefined, [stock.text]);
    expect(a.score).toBe(b.score);
    expect(a.meaning).toEqual(b.meaning);
  });
});
