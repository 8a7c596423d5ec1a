import { fireEvent, render, screen } from '@testing-library/react';
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
