import type { AppRouter } from '@ai-interviewer/api';
import { act, fireEvent, screen } from '@testing-library/react';
import { httpBatchLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedback, question, sessionDetail } from '../../test/fixtures.ts';
import { renderPage, trpcErrorShape, trpcFetch } from '../../test/render.tsx';
import { trpc } from '../../trpc.ts';
import { InterviewRoom } from './InterviewRoom.tsx';

afterEach(() => vi.unstubAllGlobals());

type StreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'result'; result: { feedback: ReturnType<typeof feedback>; next_question: null; done: boolean } };

/** An async iterable the test feeds by hand: each event (or failure) is let through when pushed. */
function controlledStream() {
  const queue: ({ event: StreamEvent } | { error: unknown } | { end: true })[] = [];
  let wake: (() => void) | null = null;
  const put = (item: (typeof queue)[number]) => {
    queue.push(item);
    wake?.();
  };
  return {
    push: (event: StreamEvent) => put({ event }),
    fail: (error: unknown) => put({ error }),
    end: () => put({ end: true }),
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const item = queue.shift();
        if (!item) {
          await new Promise<void>((r) => {
            wake = r;
          });
          continue;
        }
        if ('error' in item) throw item.error;
        if ('end' in item) return;
        yield item.event;
      }
    },
  };
}

/** feedback.submitStream answers with `stream` (as httpBatchStreamLink would); the rest goes to fetch. */
function clientStreaming(stream: AsyncIterable<StreamEvent>, inputs: unknown[]) {
  const streamStub: TRPCLink<AppRouter> =
    () =>
    ({ op, next }) =>
      op.path === 'feedback.submitStream'
        ? observable((observer) => {
            inputs.push(op.input);
            observer.next({ result: { type: 'data', data: stream } });
            observer.complete();
          })
        : next(op);
  return trpc.createClient({ links: [streamStub, httpBatchLink({ url: '/trpc' })] });
}

function setup() {
  const q1 = question({ plan_index: 1, text: 'How do you keep a large React app fast?' });
  const q2 = question({ plan_index: 2, text: 'Tell me about a hard bug.' });
  const session = sessionDetail({
    status: 'ongoing',
    question_count: 2,
    ended_at: null,
    score: null,
    questions: [q1, q2],
    current_question: q1,
    progress: { answered: 0, planned: 2, done: false },
  });
  let answered = false;
  const api = trpcFetch({
    'sessions.get': () => ({
      data: answered
        ? {
            ...session,
            questions: [{ ...q1, answered: true }, q2],
            current_question: q2,
            progress: { answered: 1, planned: 2, done: false },
          }
        : session,
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const stream = controlledStream();
  const inputs: unknown[] = [];
  const utils = renderPage(<InterviewRoom />, {
    path: '/sessions/:id',
    url: `/sessions/${session.id}`,
    client: clientStreaming(stream, inputs),
  });
  return { ...utils, api, stream, inputs, session, q1, markAnswered: () => (answered = true) };
}

async function submitAnswer(text: string) {
  const box = await screen.findByLabelText('Your answer');
  fireEvent.change(box, { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByTestId('grading-card');
}

describe('InterviewRoom: the feedback streams in while the answer is graded', () => {
  it('shows the growing text live, then the full feedback card from the result', async () => {
    const { stream, inputs, session, q1, router, markAnswered } = setup();
    await submitAnswer('  I measure first, then memoise.  ');
    expect(inputs).toEqual([
      { session_id: session.id, question_id: q1.id, answer: 'I measure first, then memoise.' },
    ]);

    const live = screen.getByTestId('live-feedback');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('heading', { name: 'Grading…' })).toBeTruthy();
    for (const text of ['A', 'A b', 'A b c']) {
      await act(async () => stream.push({ type: 'delta', text }));
      expect(live.textContent).toBe(text);
    }
    // still grading: the form is locked and the full card is not there yet
    expect(screen.getByTestId('live-feedback').textContent).toBe('A b c');
    expect(screen.queryByTestId('feedback-card')).toBeNull();
    expect((screen.getByRole('button', { name: /Grading…/ }) as HTMLButtonElement).disabled).toBe(true);

    const fb = feedback({ session_id: session.id, question_id: q1.id, ai_feedback: 'A b c', score: 8 });
    markAnswered();
    await act(async () => {
      stream.push({ type: 'result', result: { feedback: fb, next_question: null, done: false } });
      stream.end();
    });

    const card = await screen.findByTestId('feedback-card');
    expect(card.querySelector('.feedback-card__text')?.textContent).toBe('A b c');
    expect(screen.getByRole('img', { name: 'Score 8 out of 10' })).toBeTruthy();
    expect(screen.queryByTestId('grading-card')).toBeNull();
    expect(router.state.location.search).toBe(`?feedback=${fb.id}`);
    expect(sessionStorage.getItem(`answer-draft:${q1.id}`)).toBeNull();
    expect(await screen.findByRole('button', { name: /Next question/ })).toBeTruthy();
  });

  it('renders the streamed text as text, never as HTML', async () => {
    const { stream, container } = setup();
    await submitAnswer('An answer');
    await act(async () => stream.push({ type: 'delta', text: '<img src=x onerror=alert(1)> ok' }));
    expect(screen.getByTestId('live-feedback').textContent).toBe('<img src=x onerror=alert(1)> ok');
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows an error thrown mid-stream like any submit error, and keeps the answer', async () => {
    const { stream, api, q1 } = setup();
    await submitAnswer('My answer');
    await act(async () => stream.push({ type: 'delta', text: 'A' }));
    const refetchesBefore = api.calls.filter((c) => c.path === 'sessions.get').length;
    await act(async () =>
      stream.fail(
        TRPCClientError.from({ error: trpcErrorShape('CONFLICT', 'This question was already answered') }),
      ),
    );

    expect((await screen.findByRole('alert')).textContent).toContain('This question was already answered');
    expect(screen.queryByTestId('grading-card')).toBeNull();
    expect(screen.queryByTestId('feedback-card')).toBeNull();
    expect((screen.getByLabelText('Your answer') as HTMLTextAreaElement).value).toBe('My answer');
    expect(sessionStorage.getItem(`answer-draft:${q1.id}`)).toBe('My answer');
    // a conflict means the session moved on elsewhere: it is fetched again
    await vi.waitFor(() =>
      expect(api.calls.filter((c) => c.path === 'sessions.get').length).toBeGreaterThan(refetchesBefore),
    );
  });

  it('keeps an answer refused because another tab answered the question first, and says why', async () => {
    const { stream, q1, markAnswered } = setup();
    await submitAnswer('My answer, typed in the second tab');
    // the other tab's answer is in: the session has moved on to question 2
    markAnswered();
    await act(async () =>
      stream.fail(
        TRPCClientError.from({
          error: trpcErrorShape('CONFLICT', 'question_id is not the current question'),
        }),
      ),
    );
    // the room shows where things stand: question 2, an empty box for it
    await screen.findByText('Tell me about a hard bug.');
    expect((screen.getByLabelText('Your answer') as HTMLTextAreaElement).value).toBe('');
    // and what happened to the answer just written, with its text to reuse
    const notice = (await screen.findByText('Your answer was not sent')).closest('[role="status"]');
    if (!notice) throw new Error('the notice is not announced');
    expect(notice.textContent).toContain('already answered, in another tab or window');
    expect(notice.textContent).toContain(q1.text);
    expect(notice.textContent).toContain('My answer, typed in the second tab');
    expect(notice.textContent).not.toContain('question_id');
    // the box that had the focus is gone: the notice has it
    expect(notice.closest('.unsent-notice')).toBe(document.activeElement);
  });

  it('says so when the stream ends without a result', async () => {
    const { stream } = setup();
    await submitAnswer('My answer');
    await act(async () => stream.end());
    expect((await screen.findByRole('alert')).textContent).toContain('Grading stopped before it finished');
    expect((screen.getByRole('button', { name: 'Submit answer' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
