import { describe, expect, it } from 'vitest';
import type { JobContext, SummaryItem } from '../types.ts';
import { createOfflineProvider } from './provider.ts';

const job: JobContext = {
  title: 'Data Analyst',
  description: 'SQL, Python and Tableau for product decisions.',
  skills: 'SQL, Python, Tableau, A/B testing',
  experience: '2-4 yrs',
};
const items: SummaryItem[] = [
  {
    question: 'How do you write a fast SQL query?',
    category: 'technical',
    skill: 'SQL',
    answer: 'I use SQL window functions…',
    score: 8,
    is_follow_up: false,
  },
  {
    question: 'Tell me about a time you used Tableau.',
    category: 'behavioural',
    skill: 'Tableau',
    answer: 'I made a chart once.',
    score: 3,
    is_follow_up: false,
  },
  {
    question: 'What would you do if an A/B test was inconclusive?',
    category: 'situational',
    skill: 'A/B testing',
    answer: '',
    score: null,
    is_follow_up: false,
  },
];

describe('offline summary', () => {
  it('names the overall score, strongest and weakest areas, and unanswered questions', async () => {
    const s = await createOfflineProvider().summarise({ job, items, overall_score: 37 });
    expect(s.summary).toMatch(/37\/100/);
    expect(s.summary).toMatch(/Strongest: technical/);
    expect(s.summary).toMatch(/Weakest: behavioural/);
    expect(s.summary).toMatch(/2 of 3/);
    expect(s.summary).toMatch(/unanswered count as 0/);
  });

  it('writes one note per job skill', async () => {
    const s = await createOfflineProvider().summarise({ job, items, overall_score: 37 });
    expect(s.skill_notes.map((n) => n.skill)).toEqual(['SQL', 'Python', 'Tableau', 'A/B testing']);
    expect(s.skill_notes[0]!.note).toMatch(/strong \(average 8\/10\)/);
    expect(s.skill_notes[1]!.note).toMatch(/Not asked about/);
    expect(s.skill_notes[3]!.note).toMatch(/not answered/);
  });

  it('is deterministic and copes with an empty session', async () => {
    const p = createOfflineProvider();
    expect(await p.summarise({ job, items, overall_score: 37 })).toEqual(
      await p.summarise({ job, items, overall_score: 37 }),
    );
    const empty = await p.summarise({ job, items: [], overall_score: 0 });
    expect(empty.summary).toMatch(/0\/100/);
  });
});
