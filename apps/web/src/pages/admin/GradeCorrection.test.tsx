import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retell } from '../../lib/audience.ts';
import { feedback, question } from '../../test/fixtures.ts';
import { renderPage, trpcErrorShape, trpcFetch } from '../../test/render.tsx';
import { MY_DATA_URL, MyData } from '../profile/ProfilePage.tsx';
import { QuestionReview } from '../report/QuestionReview.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an admin reading a candidate’s interview', () => {
  it('speaks about the candidate and corrects a grade, which is then labelled as the admin’s', async () => {
    const fb = feedback({ score: 3, ai_feedback: 'Your answer lacks an example.' });
    let current = fb;
    const stub = trpcFetch({
      'feedback.update': (input) => {
        const { score } = input as { score: number | null };
        if (typeof score !== 'number')
          return {
            error: trpcErrorShape('VALIDATION', 'score: expected number', [
              { path: ['score'], message: 'expected number' },
            ]),
          };
        current = { ...fb, score, evaluator: 'admin' };
        return { data: current };
      },
      'sessions.feedbacks': () => ({ data: { items: [current], total: 1, limit: 100, offset: 0 } }),
    });
    vi.stubGlobal('fetch', stub.fetch);
    renderPage(<QuestionReview item={{ question: question(), feedback: fb }} index={0} audience="admin" />);
    expect(screen.getByRole('heading', { level: 4, name: "The candidate's answer" })).toBeTruthy();
    expect(screen.getByText("The candidate's answer lacks an example.")).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Correct the grade' }));
    const box = screen.getByLabelText('Score (0–10)');
    fireEvent.change(box, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the grade' }));
    // the server's refusal is shown on the field
    await screen.findByText('Expected number');

    fireEvent.change(box, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the grade' }));
    await screen.findByText('Grade corrected.');
    expect(stub.calls.filter((c) => c.path === 'feedback.update').at(-1)?.input).toEqual({
      id: fb.id,
      score: 7,
    });
  });

  it('leaves the candidate’s own report as it was', () => {
    renderPage(<QuestionReview item={{ question: question(), feedback: feedback() }} index={0} />);
    expect(screen.getByRole('heading', { level: 4, name: 'Answer' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Correct the grade' })).toBeNull();
  });

  it('retells stored summaries about the candidate', () => {
    const summary = 'You answered 2 of 5 questions. Your answers averaged 4/10.';
    expect(retell(summary, 'admin')).toBe(
      "The candidate answered 2 of 5 questions. The candidate's answers averaged 4/10.",
    );
    expect(retell(summary, 'candidate')).toBe(summary);
  });
});

describe('All my data (profile)', () => {
  it('is a download of the REST export', () => {
    renderPage(<MyData />);
    const link = screen.getByRole('link', { name: 'Download all my data (JSON)' });
    expect(link.getAttribute('href')).toBe(MY_DATA_URL);
    expect(link.hasAttribute('download')).toBe(true);
  });
});
