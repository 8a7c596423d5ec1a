import { scoreLabel } from '@ai-interviewer/core/bands';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { feedback } from '../../test/fixtures.ts';
import { FeedbackCard } from './FeedbackCard.tsx';

describe('FeedbackCard', () => {
  it('shows the score, verdict, lists, skills and the evaluator', () => {
    render(<FeedbackCard feedback={feedback({ score: 8 })} />);
    expect(screen.getByRole('img', { name: 'Score 8 out of 10' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Strong answer' })).toBeTruthy();
    expect(screen.getByText('Measures before optimising')).toBeTruthy();
    expect(screen.getByText('Give a concrete example')).toBeTruthy();
    expect(screen.getByText('performance')).toBeTruthy();
    expect(screen.getByText('Scored by a built-in checklist, not an AI model')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry grading' })).toBeNull();
  });

  it.each(Array.from({ length: 11 }, (_, s) => s))(
    "heads a %i/10 with that score's band, the same words the engine uses",
    (score) => {
      render(<FeedbackCard feedback={feedback({ score })} />);
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(scoreLabel(score));
    },
  );

  it('shows why the score: each rubric component with its points and note', () => {
    render(
      <FeedbackCard
        feedback={feedback({
          score: 4,
          rubric: [
            {
              key: 'relevance',
              label: 'Answers the question asked',
              points: 3,
              max: 4,
              note: 'Talks about “memoising”.',
            },
            {
              key: 'evidence',
              label: 'Concrete evidence',
              points: 0,
              max: 3,
              note: 'No example from your own work.',
            },
            {
              key: 'structure',
              label: 'Clear structure',
              points: 1.5,
              max: 3,
              note: 'A plan, but no result.',
            },
            { key: 'cap:short', label: 'Too short', points: -0.5, max: 0, note: 'Two sentences.' },
          ],
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Why this score' })).toBeTruthy();
    const items = within(
      screen.getByRole('list', { name: 'Rubric components behind this score' }),
    ).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Answers the question asked3 / 4Talks about “memoising”.',
      'Concrete evidence0 / 3No example from your own work.',
      'Clear structure1.5 / 3A plan, but no result.',
      'Too short\u22120.5Two sentences.',
    ]);
    expect(items[1]!.className).toContain('rubric__item--miss');
    expect(items[3]!.className).toContain('rubric__item--loss');
  });

  it('marks a component that earned almost none of its points as a miss, not a gain', () => {
    // what the offline grader gave an off-topic answer: a green mark beside "uses none" was untrue
    render(
      <FeedbackCard
        feedback={feedback({
          score: 1,
          rubric: [
            {
              key: 'relevance',
              label: 'Answers the question asked',
              points: 0.1,
              max: 3,
              note: "Uses none of the question's terms.",
            },
            { key: 'substance', label: 'Adds substance', points: 1, max: 2, note: '30 words of its own.' },
          ],
        })}
      />,
    );
    const items = within(
      screen.getByRole('list', { name: 'Rubric components behind this score' }),
    ).getAllByRole('listitem');
    expect(items[0]!.className).toContain('rubric__item--miss');
    expect(items[1]!.className).toContain('rubric__item--gain');
  });

  it('shows no breakdown when the grade has none, nor while grading', () => {
    const { rerender } = render(<FeedbackCard feedback={feedback({ rubric: null })} />);
    expect(screen.queryByText('Why this score')).toBeNull();
    const rubric = [{ key: 'relevance', label: 'Relevant', points: 2, max: 4, note: 'On topic.' }];
    rerender(<FeedbackCard feedback={feedback({ grading_status: 'pending', score: null, rubric })} />);
    expect(screen.queryByText('Why this score')).toBeNull();
  });

  it('names the model that graded', () => {
    render(<FeedbackCard feedback={feedback({ evaluator: 'openai:gpt-4o-mini' })} />);
    expect(screen.getByText('Graded by gpt-4o-mini')).toBeTruthy();
  });

  it('offers "Retry grading" when grading failed', () => {
    const onRetry = vi.fn();
    render(
      <FeedbackCard
        feedback={feedback({
          grading_status: 'failed',
          score: null,
          grading_error: 'Grading failed: timeout. Your answer is saved; retry grading.',
        })}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByText(/Grading failed: timeout/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry grading' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('renders AI text as text, never as HTML', () => {
    const { container } = render(
      <FeedbackCard
        feedback={feedback({ ai_feedback: '<img src=x onerror=alert(1)> nice', strengths: ['<b>bold</b>'] })}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)> nice')).toBeTruthy();
  });
});
