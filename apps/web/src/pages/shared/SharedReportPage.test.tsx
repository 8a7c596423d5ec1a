import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { question } from '../../test/fixtures.ts';
import { renderPage, trpcErrorShape, trpcFetch } from '../../test/render.tsx';
import { SharedReportPage } from './SharedReportPage.tsx';
import { ShareLinksCard } from './ShareLinksCard.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const TOKEN = 'A'.repeat(43);
const q1 = question({ plan_index: 1, skill: 'SQL', text: 'How do you index a table?', answered: true });
const q2 = question({ plan_index: 2, skill: 'Python', text: 'How do you test a pipeline?' });
const report = {
  job_title: 'Data Analyst',
  job_skills: 'SQL, Python',
  job_experience: '1-3 yrs',
  status: 'completed',
  focus: 'mixed',
  question_count: 2,
  started_at: '2026-11-28T09:00:00.000Z',
  ended_at: '2026-11-28T09:20:00.000Z',
  score: 31,
  summary: 'Overall 31/100. You answered 1 of 2 questions.',
  skill_notes: [{ skill: 'SQL', note: 'Knows indexes.' }],
  progress: { answered: 1, planned: 2, done: false },
  questions: [q1, q2],
  answers: [
    {
      question_id: q1.id,
      question: q1.text,
      answer: 'A B-tree on the filtered column.',
      category: 'technical',
      score: 6,
      ai_feedback: 'Solid.',
      rubric: null,
      strengths: ['Names the index type'],
      improvements: ['Say how you measured it'],
      skills_shown: ['SQL'],
      grading_status: 'graded',
      evaluator: 'offline:rubric-v1',
      delivery: null,
    },
  ],
  link_expires_at: '2026-12-05T09:20:00.000Z',
};

describe('SharedReportPage (/shared/:token)', () => {
  it('shows that report read-only, ended early, with no link to anything of the candidate', async () => {
    const stub = trpcFetch({ 'shares.view': () => ({ data: report }) });
    vi.stubGlobal('fetch', stub.fetch);
    renderPage(<SharedReportPage />, { path: '/shared/:token', url: `/shared/${TOKEN}` });
    await screen.findByRole('heading', { level: 1, name: 'Shared interview report' });
    expect(stub.calls).toEqual([{ path: 'shares.view', input: { token: TOKEN } }]);
    expect(screen.getByText('Ended early · 1 of 2')).toBeTruthy();
    // told about the candidate, not to them
    expect(screen.getByText('Overall 31/100. The candidate answered 1 of 2 questions.')).toBeTruthy();
    expect(screen.getByText('A B-tree on the filtered column.')).toBeTruthy();
    expect(screen.getByText('Not answered.')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 4, name: "The candidate's answer" })).toHaveLength(1);
    // a read-only page: no link, no form, no button
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('is a 404 page for a revoked, expired or unknown link', async () => {
    vi.stubGlobal(
      'fetch',
      trpcFetch({ 'shares.view': () => ({ error: trpcErrorShape('NOT_FOUND', 'Shared report not found') }) })
        .fetch,
    );
    renderPage(<SharedReportPage />, { path: '/shared/:token', url: `/shared/${TOKEN}` });
    await screen.findByRole('heading', { level: 1, name: 'We could not find this shared report' });
  });
});

describe('ShareLinksCard', () => {
  it('creates a link with the chosen expiry, shows its address once, lists and revokes links', async () => {
    const link = {
      id: '00000000-0000-4000-8000-00000000aaaa',
      session_id: '00000000-0000-4000-8000-00000000bbbb',
      expires_at: '2026-11-29T09:00:00.000Z',
      revoked_at: null as string | null,
      created_at: '2026-11-28T09:00:00.000Z',
      active: true,
    };
    let links: (typeof link)[] = [];
    const stub = trpcFetch({
      'shares.list': () => ({ data: links }),
      'shares.create': () => {
        links = [link];
        return { data: { ...link, token: TOKEN } };
      },
      'shares.revoke': () => {
        links = [{ ...link, active: false, revoked_at: '2026-11-28T10:00:00.000Z' }];
        return { data: links[0] };
      },
    });
    vi.stubGlobal('fetch', stub.fetch);
    renderPage(<ShareLinksCard sessionId={link.session_id} />);
    fireEvent.change(await screen.findByLabelText('Link works for'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create share link' }));
    const url = (await screen.findByLabelText('Share link')) as HTMLInputElement;
    expect(url.value).toBe(`${window.location.origin}/shared/${TOKEN}`);
    expect(stub.calls.find((c) => c.path === 'shares.create')?.input).toEqual({
      session_id: link.session_id,
      expires_in_days: 1,
    });
    const active = await screen.findByRole('list', { name: 'Active share links' });
    fireEvent.click(within(active).getByRole('button', { name: 'Revoke' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke link' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Active share links' })).toBeNull());
    expect(screen.getByText('1 past link')).toBeTruthy();
    expect(stub.calls.find((c) => c.path === 'shares.revoke')?.input).toEqual({ id: link.id });
  });
});
