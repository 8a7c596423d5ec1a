import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/useMe.ts';
import { Alert } from '../../components/Alert.tsx';
import { StatusBadge } from '../../components/Badge.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PractiseSkills } from '../../components/PractiseSkills.tsx';
import { ScoreBar } from '../../components/ScoreBar.tsx';
import { ScoreRing } from '../../components/ScoreRing.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { type Audience, retell } from '../../lib/audience.ts';
import { downloadText } from '../../lib/download.ts';
import { domainCodeOf } from '../../lib/errors.ts';
import { formatDateTime, formatDuration, plural, scoreVerdict, statusLabel } from '../../lib/format.ts';
import { buildSessionMarkdown, markdownFileName, questionLabel, reportItems } from '../../lib/markdown.ts';
import { practiseUrl, skillScores } from '../../lib/practice.ts';
import { trpc } from '../../trpc.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { ShareLinksCard } from '../shared/ShareLinksCard.tsx';
import { QuestionReview } from './QuestionReview.tsx';

/** The end of an interview: the score out of 100, summary, skill notes, every answer; export and print. */
export function ReportPage() {
  const { id = '' } = useParams();
  const { user } = useMe();
  const session = trpc.sessions.get.useQuery({ id });
  const feedbacks = trpc.sessions.feedbacks.useQuery({ session_id: id, limit: 100 });
  // which answers have a kept recording ("keep my recordings"); none is the usual case
  const recordings = trpc.voice.recordings.useQuery({ session_id: id }, { retry: false });
  const recorded = new Set(recordings.data?.map((r) => r.feedback_id));

  if (session.isLoading || feedbacks.isLoading) return <LoadingState label="Loading the report…" />;
  const error = session.error ?? feedbacks.error;
  if (error) {
    const code = domainCodeOf(error);
    if (code === 'NOT_FOUND' || code === 'VALIDATION') return <NotFoundPage what="interview" />;
    return (
      <ErrorState
        error={error}
        onRetry={() => {
          void session.refetch();
          void feedbacks.refetch();
        }}
      />
    );
  }
  const s = session.data;
  const fbs = feedbacks.data?.items ?? [];
  if (!s) return null;

  const items = reportItems(s, fbs);
  const perSkill = skillScores(items);
  // "the weakest": below a solid 7/10, at most three, weakest first
  const weakest = perSkill.filter((x) => x.average < 7).slice(0, 3);
  const duration = formatDuration(s.started_at, s.ended_at);
  const completed = s.status === 'completed';
  // an admin reading someone else's interview: the page speaks about the candidate
  const audience: Audience = user && user.id !== s.user_id ? 'admin' : 'candidate';
  const isOwner = user?.id === s.user_id;
  const exportMarkdown = () => downloadText(markdownFileName(s), buildSessionMarkdown(s, fbs));

  return (
    <div className="page report">
      <PageHeader
        title="Interview report"
        eyebrow={audience === 'admin' ? `${s.job_title} · a candidate's interview` : s.job_title}
        actions={
          <div className="row no-print">
            <button type="button" className="btn btn--secondary" onClick={exportMarkdown}>
              Export as Markdown
            </button>
            <button type="button" className="btn btn--secondary" onClick={() => window.print()}>
              Print
            </button>
            {s.job_description_id && isOwner && (
              <Link to={`/jobs/${s.job_description_id}/practise`} className="btn btn--primary">
                Practise again
              </Link>
            )}
          </div>
        }
      />

      {!completed && (
        <Alert tone="info" title={`This interview is ${statusLabel(s.status).toLowerCase()}`}>
          {s.status === 'cancelled' ? (
            'Cancelled interviews are not scored; here is what was answered.'
          ) : (
            <>
              It has no overall score yet.
              {isOwner && (
                <>
                  {' '}
                  <Link to={`/sessions/${s.id}`}>
                    {s.status === 'pending' ? 'Start it' : 'Go back to the interview'}
                  </Link>
                  .
                </>
              )}
            </>
          )}
        </Alert>
      )}

      <section className="card report-hero">
        <ScoreRing
          size="lg"
          max={100}
          score={s.score}
          label={`Overall score ${s.score ?? 'none'} out of 100`}
        />
        <div className="report-hero__text">
          <p className="report-hero__verdict" data-testid="overall-score">
            {s.score === null ? 'No overall score' : `${s.score} / 100 · ${scoreVerdict(s.score, 100)}`}
          </p>
          <div className="report-hero__meta">
            <StatusBadge status={s.status} progress={s.progress} />
            <span>{formatDateTime(s.ended_at ?? s.started_at ?? s.created_at)}</span>
            {duration && <span>{duration}</span>}
            <span>
              {s.progress.answered} of {plural(s.progress.planned, 'question')} answered
            </span>
          </div>
          {s.summary && <p className="report-hero__summary pre-wrap">{retell(s.summary, audience)}</p>}
        </div>
      </section>

      <div className="report-grid">
        <section className="card">
          <h2 className="card__title">Score per question</h2>
          <ol className="score-list">
            {items.map((it, i) => (
              <li key={it.question?.id ?? it.feedback?.id ?? i}>
                <a href={`#q-${i + 1}`} className="score-list__q">
                  <span className="score-list__label">{questionLabel(it.question)}</span>
                  <span className="score-list__text">{it.question?.text ?? it.feedback?.question}</span>
                </a>
                <ScoreBar score={it.feedback?.grading_status === 'graded' ? it.feedback.score : null} />
              </li>
            ))}
          </ol>
        </section>
        <section className="card">
          <h2 className="card__title">Skill notes</h2>
          {s.skill_notes && s.skill_notes.length > 0 ? (
            <dl className="skill-notes">
              {s.skill_notes.map((n) => (
                <div key={n.skill}>
                  <dt>{n.skill}</dt>
                  <dd>{n.note}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="muted">
              {completed ? 'No notes per skill for this interview.' : 'Written when the interview ends.'}
            </p>
          )}
        </section>
      </div>

      {isOwner && s.job_description_id && perSkill.length > 0 && (
        <section className="card no-print" aria-labelledby="practise-title">
          <h2 className="card__title" id="practise-title">
            Scores per skill
          </h2>
          <PractiseSkills
            items={perSkill.map((x) => ({
              skill: x.skill,
              note: `${x.average}/10 over ${plural(x.answers, 'answer')}`,
              jobId: s.job_description_id!,
            }))}
          />
          {weakest.length > 1 && (
            <p>
              <Link
                to={practiseUrl(
                  s.job_description_id,
                  weakest.map((x) => x.skill),
                )}
                className="btn btn--primary"
              >
                Practise my {weakest.length} weakest skills
              </Link>
            </p>
          )}
        </section>
      )}
      {isOwner && completed && <ShareLinksCard sessionId={s.id} />}

      <section className="transcript" aria-labelledby="transcript-title">
        <h2 id="transcript-title">Transcript</h2>
        {items.length === 0 ? (
          <p className="muted">No questions were asked.</p>
        ) : (
          items.map((it, i) => (
            <QuestionReview
              key={it.question?.id ?? it.feedback?.id ?? i}
              item={it}
              index={i}
              recorded={Boolean(it.feedback && recorded.has(it.feedback.id))}
              withModelAnswer
              audience={audience}
            />
          ))
        )}
        {s.transcript && (
          <details className="card no-print">
            <summary>Plain-text transcript</summary>
            <pre className="plain-transcript">{s.transcript}</pre>
          </details>
        )}
      </section>
    </div>
  );
}
