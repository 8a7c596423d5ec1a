import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerTimer } from '../pages/interview/AnswerTimer.tsx';
import { RedoPanel } from '../pages/interview/RedoPanel.tsx';
import { feedback } from '../test/fixtures.ts';
import { renderPage, trpcFetch } from '../test/render.tsx';
import { ModelAnswerPanel } from './ModelAnswerPanel.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('ModelAnswerPanel', () => {
  it('loads what a strong answer covers when opened, labelled as an example', async () => {
    const api = trpcFetch({
      'practice.modelAnswer': () => ({
        data: {
          id: 'f1',
          talking_points: ['gathering evidence first', 'the fix and how you verified it'],
          example: 'Answer the question directly, then back it up.',
          written_by: 'offline:rubric-v2',
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderPage(<ModelAnswerPanel feedbackId="f1" />);
    const summary = await screen.findByText('What a strong answer covers');
    expect(api.calls).toEqual([]); // nothing asked until opened
    const details = summary.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByText('gathering evidence first')).toBeTruthy();
    expect(
      screen.getByRole('heading', { name: 'Example outline (not a real candidate’s answer)' }),
    ).toBeTruthy();
    expect(screen.getByText(/An outline built from the talking points/)).toBeTruthy();
    expect(api.calls.map((c) => c.path)).toEqual(['practice.modelAnswer']);
  });
});

describe('RedoPanel', () => {
  it('lists every attempt with its score, and sends the new answer', async () => {
    const fb = feedback({ id: 'f2', score: 6, answer: 'Second try.' });
    const api = trpcFetch({
      'practice.attempts': () => ({
        data: {
          id: 'f2',
          attempts: [
            {
              id: 'a1',
              answer: 'First try.',
              score: 2,
              ai_feedback: 'Thin.',
              evaluator: 'offline:rubric-v2',
              created_at: '2025-03-01T10:00:00.000Z',
            },
          ],
        },
      }),
      'feedback.update': (input) => ({
        data: { ...fb, answer: (input as { answer: string }).answer, score: 8 },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const onRedone = vi.fn();
    renderPage(<RedoPanel feedback={fb} onRedone={onRedone} />);
    const attempts = await screen.findByTestId('attempts');
    expect(attempts.textContent).toMatch(/Attempt 1: 2\/10/);
    expect(attempts.textContent).toMatch(/Attempt 2 \(this one\): 6\/10/);
    fireEvent.click(screen.getByRole('button', { name: 'Redo this answer' }));
    fireEvent.change(screen.getByLabelText('Your new answer'), {
      target: { value: 'Third try, with numbers.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the new answer' }));
    await waitFor(() => expect(onRedone).toHaveBeenCalled());
    expect(api.calls.find((c) => c.path === 'feedback.update')!.input).toEqual({
      id: 'f2',
      answer: 'Third try, with numbers.',
    });
  });
});

describe('AnswerTimer', () => {
  it('counts down, then says time is up and that the answer can still be submitted', () => {
    vi.useFakeTimers();
    render(<AnswerTimer seconds={61} />);
    expect(screen.getByTestId('answer-timer').textContent).toMatch(/Time left 1:01/);
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('answer-timer').textContent).toMatch(/Time left 0:59/);
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('status').textContent).toBe(
      'Time is up. You can still finish and submit your answer.',
    );
  });
});
