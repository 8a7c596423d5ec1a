import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retell } from '../../lib/audience.ts';
import { feedback, question, sessionDetail } from '../../test/fixtures.ts';
import { renderPage, trpcErrorShape, trpcFetch } from '../../test/render.tsx';
import { MY_DATA_URL, MyData } from '../profile/ProfilePage.tsx';
import { QuestionReview } from '../report/QuestionReview.tsx';
import { ReportPage } from '../report/ReportPage.tsx';

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

  it('shows the overall score the server recomputed, not the one before the correction', async () => {
    // a completed interview: correcting one answer changes its overall score on the server
    const q = question();
    let fb = feedback({ question_id: q.id, score: 4 });
    const session = sessionDetail({ questions: [{ ...q, answered: true }], score: 25 });
    fb = { ...fb, session_id: session.id };
    let score = 25;
    const stub = trpcFetch({
      'auth.viewer': () => ({
        data: { id: 'admin-id', email: 'a@example.com', username: 'admin', roles: ['admin', 'candidate'] },
      }),
      'sessions.get': () => ({ data: { ...session, score } }),
      'sessions.feedbacks': () => ({ data: { items: [fb], total: 1, limit: 100, offset: 0 } }),
      'voice.recordings': () => ({ data: [] }),
      'feedback.update': (input) => {
        fb = { ...fb, score: (input as { score: number }).score, evaluator: 'admin' };
        score = 28;
        return { data: fb };
      },
    });
    vi.stubGlobal('fetch', stub.fetch);
    renderPage(<ReportPage />, { path: '/sessions/:id/report', url: `/sessions/${session.id}/report` });
    expect((await screen.findByTestId('overall-score')).textContent).toBe('25 / 100 · Early days');

    fireEvent.click(screen.getByRole('button', { name: 'Correct the grade' }));
    fireEvent.change(screen.getByLabelText('Score (0–10)'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the grade' }));
    await screen.findByText('Grade corrected.');
    await vi.waitFor(() =>
      expect(screen.getByTestId('overall-score').textContent).toBe('28 / 100 · Early days'),
    );
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
