import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/useMe.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { plural } from '../../lib/format.ts';
import { splitSkills } from '../../lib/skills.ts';
import { trpc } from '../../trpc.ts';
import { JobCard } from './JobCard.tsx';

export const CATALOGUE_PAGE_SIZE = 12;

/** Home: the public catalogue, searchable and filterable by skill; filters live in the URL. */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const skill = params.get('skill') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [qInput, setQInput] = useState(q);
  const [skillInput, setSkillInput] = useState(skill);
  const debouncedQ = useDebouncedValue(qInput.trim(), 300);
  const debouncedSkill = useDebouncedValue(skillInput.trim(), 300);
  const { user } = useMe();

  // the URL changed from outside (back button, a link): the inputs follow it
  const pushed = useRef({ q, skill });
  useEffect(() => {
    if (pushed.current.q === q && pushed.current.skill === skill) return;
    pushed.current = { q, skill };
    setQInput(q);
    setSkillInput(skill);
  }, [q, skill]);

  // typing updates the URL (and so the query) once the user pauses
  useEffect(() => {
    if (debouncedQ === pushed.current.q && debouncedSkill === pushed.current.skill) return;
    pushed.current = { q: debouncedQ, skill: debouncedSkill };
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        for (const [k, v] of [
          ['q', debouncedQ],
          ['skill', debouncedSkill],
        ] as const) {
          if (v) n.set(k, v);
          else n.delete(k);
        }
        n.delete('offset');
        return n;
      },
      { replace: true },
    );
  }, [debouncedQ, debouncedSkill, setParams]);

  const jobs = trpc.jobs.list.useQuery(
    {
      q: q || undefined,
      skill: skill || undefined,
      visibility: 'public',
      limit: CATALOGUE_PAGE_SIZE,
      offset,
    },
    { placeholderData: keepPreviousData },
  );

  const skillOptions = useMemo(() => {
    const all = (jobs.data?.items ?? []).flatMap((j) => splitSkills(j.skills));
    return [...new Set(all)].sort((a, b) => a.localeCompare(b)).slice(0, 50);
  }, [jobs.data]);

  const pickSkill = (s: string) => {
    setSkillInput(skill.toLowerCase() === s.toLowerCase() ? '' : s);
  };
  const clear = () => {
    setQInput('');
    setSkillInput('');
  };
  const setOffset = (o: number) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (o > 0) n.set('offset', String(o));
      else n.delete('offset');
      return n;
    });

  return (
    <div className="page">
      <PageHeader
        title="Practise for the job you want"
        eyebrow="Job catalogue"
        lead="Pick a role and our interviewer asks questions tailored to its skills, grades every answer out of 10, and scores your whole interview."
        actions={
          <Link to={user ? '/practise/own' : '/login?next=/practise/own'} className="btn btn--secondary">
            Practise for my own job
          </Link>
        }
      />

      <search className="filters card" aria-label="Filter the catalogue">
        <div className="filters__field filters__field--grow">
          <label htmlFor="catalogue-q" className="field__label">
            Search
          </label>
          <input
            id="catalogue-q"
            type="search"
            className="input"
            placeholder="Title, description or skill"
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
          />
        </div>
        <div className="filters__field">
          <label htmlFor="catalogue-skill" className="field__label">
            Skill
          </label>
          <input
            id="catalogue-skill"
            className="input"
            list="catalogue-skill-options"
            placeholder="e.g. React"
            value={skillInput}
            onChange={(e) => setSkillInput(e.target.value)}
          />
          <datalist id="catalogue-skill-options">
            {skillOptions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        {(qInput || skillInput) && (
          <button type="button" className="btn btn--ghost filters__clear" onClick={clear}>
            Clear filters
          </button>
        )}
      </search>

      {jobs.isLoading ? (
        <LoadingState label="Loading jobs…" />
      ) : jobs.error ? (
        <ErrorState
          error={jobs.error}
          title="Could not load the catalogue"
          onRetry={() => void jobs.refetch()}
        />
      ) : jobs.data && jobs.data.items.length === 0 ? (
        <EmptyState
          title="No jobs match"
          action={
            <button type="button" className="btn btn--secondary" onClick={clear}>
              Clear filters
            </button>
          }
        >
          Try another search or skill — or paste your own job description.
        </EmptyState>
      ) : jobs.data ? (
        <>
          <p className="results-count" aria-live="polite">
            {plural(jobs.data.total, 'job')}
            {skill && (
              <>
                {' '}
                requiring <strong>{skill}</strong>
              </>
            )}
            {jobs.isFetching && (
              <span className="inline-loading">
                <Spinner /> updating
              </span>
            )}
          </p>
          <div className="job-grid">
            {jobs.data.items.map((job) => (
              <JobCard key={job.id} job={job} onSkill={pickSkill} activeSkill={skill} />
            ))}
          </div>
          <Pagination
            total={jobs.data.total}
            limit={CATALOGUE_PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      ) : null}
    </div>
  );
}
