import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionDetail } from '../../test/fixtures.ts';
import { renderPage, trpcErrorShape, trpcFetch } from '../../test/render.tsx';
import { SetupPage } from './SetupPage.tsx';

afterEach(() => vi.unstubAllGlobals());

const JOB = {
  id: '00000000-0000-4000-8000-00000000aaaa',
  title: 'Backend Engineer',
  description: 'Build APIs.',
  // seven skills, one of them joined by "and" (the server splits it: so must the page)
  skills: 'Node.js, TypeScript, PostgreSQL, REST APIs, Docker, AWS and communication',
  experience: '3 yrs',
  created_by: null,
  visibility: 'public',
  created_at: '2025-03-01T10:00:00.000Z',
  updated_at: '2025-03-01T10:00:00.000Z',
};

function setup(url = `/jobs/${JOB.id}/practise`, createError?: unknown) {
  const session = sessionDetail({ status: 'ongoing' });
  const api = trpcFetch({
    'jobs.get': () => ({ data: JOB }),
    'sessions.create': () =>
      createError ? { error: createError } : { data: { ...session, status: 'pending' } },
    'sessions.start': () => ({ data: session }),
  });
  vi.stubGlobal('fetch', api.fetch);
  renderPage(<SetupPage />, { path: '/jobs/:id/practise', url });
  return api;
}

const boxes = () => screen.getAllByRole('checkbox') as HTMLInputElement[];

describe('SetupPage: skills, difficulty and time limit', () => {
  it('lists every skill of the job, all chosen by default, and sends no subset then', async () => {
    const api = setup();
    await screen.findByText('Skills to practise (7 of 7)');
    expect(boxes().map((b) => b.value)).toEqual([
      'Node.js',
      'TypeScript',
      'PostgreSQL',
      'REST APIs',
      'Docker',
      'AWS',
      'communication',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Start interview' }));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'sessions.create')).toBe(true));
    const input = api.calls.find((c) => c.path === 'sessions.create')!.input as Record<string, unknown>;
    expect(input).toEqual({ job_description_id: JOB.id, question_count: 5, focus: 'mixed' });
  });

  it('says so when a "Practise this skill" link names a skill this job does not list', async () => {
    // a question can be on a skill the posting names in its text only ("design system"): the
    // report offers to practise it, and the setup page cannot pick it
    setup(`/jobs/${JOB.id}/practise?skill=design+system&skill=docker`);
    await screen.findByText('Skills to practise (1 of 7)');
    const note = screen.getByText(/is not one of the skills this job lists/);
    expect(note.textContent).toBe(
      '“design system” is not one of the skills this job lists, so it cannot be practised on its own here: choose from the skills below.',
    );
  });

  it('preselects the skills a "Practise this skill" link names, and sends them with difficulty and limit', async () => {
    const api = setup(`/jobs/${JOB.id}/practise?skill=docker&skill=AWS`);
    await screen.findByText('Skills to practise (2 of 7)');
    expect(
      boxes()
        .filter((b) => b.checked)
        .map((b) => b.value),
    ).toEqual(['Docker', 'AWS']);
    fireEvent.click(screen.getByLabelText('PostgreSQL'));
    fireEvent.change(screen.getByLabelText('Difficulty'), { target: { value: 'senior' } });
    fireEvent.change(screen.getByLabelText('Time per answer'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start interview' }));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'sessions.create')).toBe(true));
    expect(api.calls.find((c) => c.path === 'sessions.create')!.input).toEqual({
      job_description_id: JOB.id,
      question_count: 5,
      focus: 'mixed',
      skills: ['Docker', 'AWS', 'PostgreSQL'],
      difficulty: 'senior',
      time_limit_seconds: 120,
    });
  });

  it('needs at least one skill, and shows a skill the server refused next to the skills', async () => {
    setup(
      undefined,
      trpcErrorShape('VALIDATION', 'skills: "X" is not one of this job\'s skills', [
        { path: ['skills', '0'], message: '"X" is not one of this job\'s skills' },
      ]),
    );
    await screen.findByText('Skills to practise (7 of 7)');
    for (const b of boxes()) fireEvent.click(b);
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one skill to practise');
    expect((screen.getByRole('button', { name: 'Start interview' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(screen.getByLabelText('Docker'));
    fireEvent.click(screen.getByRole('button', { name: 'Start interview' }));
    expect((await screen.findByRole('alert')).textContent).toBe('"X" is not one of this job\'s skills');
  });
});
