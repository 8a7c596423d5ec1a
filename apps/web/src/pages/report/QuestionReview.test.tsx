import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { feedback, question } from '../../test/fixtures.ts';
import { QuestionReview } from './QuestionReview.tsx';

const rubric = [
  {
    key: 'relevance',
    label: 'Answers the question asked',
    points: 4,
    max: 4,
    note: 'Names the render cost.',
  },
  {
    key: 'admin',
    label: 'Corrected by an admin',
    points: 1,
    max: 0,
    note: 'An admin set the score to 5/10.',
  },
];

describe('QuestionReview (the report)', () => {
  it('shows why the score next to the feedback: components, points and notes', () => {
    render(
      <QuestionReview item={{ question: question(), feedback: feedback({ score: 5, rubric }) }} index={0} />,
    );
    expect(screen.getByRole('heading', { level: 5, name: 'Why this score' })).toBeTruthy();
    const items = within(
      screen.getByRole('list', { name: 'Rubric components behind this score' }),
    ).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Answers the question asked4 / 4Names the render cost.',
      'Corrected by an admin+1An admin set the score to 5/10.',
    ]);
  });

  it('shows no breakdown for an answer that is not graded', () => {
    render(
      <QuestionReview
        item={{ question: question(), feedback: feedback({ grading_status: 'failed', score: null, rubric }) }}
        index={0}
      />,
    );
    expect(screen.queryByText('Why this score')).toBeNull();
    expect(screen.getByText(/Not graded \(failed\)/)).toBeTruthy();
  });
});
