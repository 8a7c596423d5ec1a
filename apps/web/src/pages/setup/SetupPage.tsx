import { ANSWER_TIME_LIMIT_SECONDS } from '@ai-interviewer/core/limits';
import { parseSkills } from '@ai-interviewer/core/skills';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useFocusOnFailure } from '../../hooks/useFocusOnFailure.ts';
import { domainCodeOf, errorMessage, fieldErrorsOf } from '../../lib/errors.ts';
import { type Difficulty, type Focus, trpc } from '../../trpc.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';

export const FOCUS_OPTIONS: { value: Focus; label: string; text: string }[] = [
  { value: 'mixed', label: 'Mixed', text: 'A realistic blend of all three kinds.' },
  { value: 'technical', label: 'Technical', text: 'Depth on the skills the job lists.' },
  { value: 'behavioural', label: 'Behavioural', text: '“Tell me about a time…” questions.' },
  { value: 'situational', label: 'Situational', text: '“What would you do if…” scenarios.' },
];

const DIFFICULTY_OPTIONS: { value: Difficulty | ''; label: string }[] = [
  { value: '', label: 'As the job asks' },
  { value: 'junior', label: 'Junior' },
  { value: 'mid', label: 'Mid-level' },
  { value: 'senior', label: 'Senior' },
];

/** Per-answer countdowns offered, in seconds, within the API's bounds ('' = no limit). */
const TIME_LIMITS = [60, 120, 180, 300].filter(
  (t) => t >= ANSWER_TIME_LIMIT_SECONDS.min && t <= ANSWER_TIME_LIMIT_SECONDS.max,
);

/**
 * Choose the skills (every skill of the job; those in ?skill= preselected, as "Practise this
 * skill" links do), the number of questions, focus, difficulty and an optional time limit per
 * answer; then the session is created and started.
 */
export function SetupPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const job = trpc.jobs.get.useQuery({ id });
  const [count, setCount] = useState('5');
  const [focus, setFocus] = useState<Focus>('mixed');
  const [difficulty, setDifficulty] = useState<Difficulty | ''>('');
  const [timeLimit, setTimeLimit] = useState('');
  // null: every skill (until the candidate changes the selection)
  const [picked, setPicked] = useState<string[] | null>(null);
  const create = trpc.sessions.create.useMutation();
  const start = trpc.sessions.start.useMutation();
  const busy = create.isPending || start.isPending;
  const formRef = useFocusOnFailure(create.error);

  if (job.isLoading) return <LoadingState />;
  if (job.error) {
    if (domainCodeOf(job.error) === 'NOT_FOUND') return <NotFoundPage what="job" />;
    return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  }
  if (!job.data) return null;
  const j = job.data;
  const allSkills = parseSkills(j.skills);
  const asked = params.getAll('skill').map((x) => x.toLowerCase());
  const preselected = allSkills.filter((x) => asked.includes(x.toLowerCase()));
  // a link can name a skill the job does not list (a question on a term of the posting's text)
  const unlisted = [
    ...new Set(
      params.getAll('skill').filter((x) => !allSkills.some((own) => own.toLowerCase() === x.toLowerCase())),
    ),
  ];
  const chosen = picked ?? (preselected.length > 0 ? preselected : allSkills);
  const toggle = (skill: string) =>
    setPicked(chosen.includes(skill) ? chosen.filter((x) => x !== skill) : [...chosen, skill]);
  const skillsError =
    allSkills.length > 0 && chosen.length === 0 ? 'Choose at least one skill to practise' : undefined;

  const n = Number(count);
  const countError =
    count.trim() === '' || !Number.isInteger(n) || n < 1 || n > 20
      ? 'Choose a whole number from 1 to 20'
      : undefined;
  const serverErrors = fieldErrorsOf(create.error);
  // "skills.1": the server names the skill it refused
  const skillsServerError = Object.entries(serverErrors).find(([k]) => k.split('.')[0] === 'skills')?.[1];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (countError || skillsError) return;
    try {
      const session = await create.mutateAsync({
        job_description_id: j.id,
        question_count: n,
        focus,
        // every skill is the default: sent only when the candidate narrowed the list
        ...(chosen.length < allSkills.length && { skills: chosen }),
        ...(difficulty && { difficulty }),
        ...(timeLimit && { time_limit_seconds: Number(timeLimit) }),
      });
      utils.sessions.get.setData({ id: session.id }, session);
      try {
        const started = await start.mutateAsync({ id: session.id });
        utils.sessions.get.setData({ id: session.id }, started);
      } catch {
        // the session exists (pending): the room offers Start again
      }
      void utils.users.sessions.invalidate();
      await navigate(`/sessions/${session.id}`);
    } catch {
      // shown below from create.error
    }
  };

  return (
    <div className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/">Catalogue</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/jobs/${j.id}`}>{j.title}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Set up</span>
      </nav>
      <PageHeader
        title="Set up your interview"
        eyebrow={j.title}
        lead="Pick what to practise: the skills, how many questions, and how hard."
      />
      <form className="card form" onSubmit={onSubmit} noValidate ref={formRef}>
        {create.error && Object.keys(serverErrors).length === 0 && (
          <Alert>{errorMessage(create.error)}</Alert>
        )}
        <Field
          label="Number of questions"
          hint="Between 1 and 20. Five takes about 15 minutes."
          error={countError && count !== '' ? countError : serverErrors.question_count}
        >
          {(p) => (
            <div className="count-input">
              <input
                type="range"
                min={1}
                max={20}
                value={Number.isInteger(n) && n >= 1 && n <= 20 ? n : 5}
                onChange={(e) => setCount(e.target.value)}
                aria-hidden="true"
                tabIndex={-1}
                className="count-input__range"
              />
              <input
                {...p}
                className="input count-input__number"
                type="number"
                inputMode="numeric"
                min={1}
                max={20}
                step={1}
                name="question_count"
                value={count}
                onChange={(e) => setCount(e.target.value)}
                required
              />
            </div>
          )}
        </Field>
        {allSkills.length > 0 && (
          <fieldset className="fieldset" aria-describedby={skillsError ? 'skills-error' : undefined}>
            <legend className="field__label">
              Skills to practise ({chosen.length} of {allSkills.length})
            </legend>
            {unlisted.length > 0 && <p className="muted small">{unlistedNote(unlisted)}</p>}
            <div className="skill-picks">
              {allSkills.map((skill) => (
                <label key={skill} className="skill-pick">
                  <input
                    type="checkbox"
                    name="skills"
                    value={skill}
                    checked={chosen.includes(skill)}
                    onChange={() => toggle(skill)}
                  />
                  <span>{skill}</span>
                </label>
              ))}
            </div>
            {(skillsError || skillsServerError) && (
              <p className="field__error" id="skills-error" role="alert">
                {skillsError ?? skillsServerError}
              </p>
            )}
          </fieldset>
        )}
        <div className="form__row">
          <Field
            label="Difficulty"
            hint="Changes how the questions are pitched."
            error={serverErrors.difficulty}
          >
            {(p) => (
              <select
                {...p}
                className="input"
                name="difficulty"
                value={difficulty}
                onChange={(e) => setDifficulty(e.target.value as Difficulty | '')}
              >
                {DIFFICULTY_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Time per answer"
            hint="A countdown in the room. When it runs out you can still submit."
            error={serverErrors.time_limit_seconds}
          >
            {(p) => (
              <select
                {...p}
                className="input"
                name="time_limit_seconds"
                value={timeLimit}
                onChange={(e) => setTimeLimit(e.target.value)}
              >
                <option value="">No limit</option>
                {TIME_LIMITS.map((t) => (
                  <option key={t} value={t}>
                    {t / 60} min
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">Focus</legend>
          <div className="choice-grid">
            {FOCUS_OPTIONS.map((o) => (
              <label key={o.value} className={`choice${focus === o.value ? ' choice--selected' : ''}`}>
                <input
                  type="radio"
                  name="focus"
                  value={o.value}
                  checked={focus === o.value}
                  onChange={() => setFocus(o.value)}
                />
                <span className="choice__label">{o.label}</span>
                <span className="choice__text">{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form__actions">
          <Link to={`/jobs/${j.id}`} className="btn btn--ghost">
            Back
          </Link>
          <button
            type="submit"
            className="btn btn--primary btn--lg"
            disabled={busy || Boolean(countError) || Boolean(skillsError)}
          >
            {busy && <Spinner />}
            {create.isPending
              ? 'Creating…'
              : start.isPending
                ? 'Preparing your questions…'
                : 'Start interview'}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Why a skill a link asked for is not among the choices. */
function unlistedNote(skills: readonly string[]): string {
  const names = skills.map((x) => `“${x}”`).join(', ');
  return skills.length === 1
    ? `${names} is not one of the skills this job lists, so it cannot be practised on its own here: choose from the skills below.`
    : `${names} are not among the skills this job lists, so they cannot be practised on their own here: choose from the skills below.`;
}
