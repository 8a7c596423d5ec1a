import { useParams } from 'react-router';
import { Badge, StatusBadge } from '../../components/Badge.tsx';
import { DeliveryCard } from '../../components/DeliveryCard.tsx';
import { FeedbackLists } from '../../components/FeedbackLists.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RubricBreakdown } from '../../components/RubricBreakdown.tsx';
import { ScoreRing } from '../../components/ScoreRing.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { answerHeading, retell } from '../../lib/audience.ts';
import { domainCodeOf } from '../../lib/errors.ts';
import { evaluatorLabel, formatDateTime, plural, scoreVerdict, titleCase } from '../../lib/format.ts';
import { questionLabel } from '../../lib/markdown.ts';
import { type RouterOutputs, trpc } from '../../trpc.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';

type SharedReport = RouterOutputs['shares']['view'];
type SharedAnswer = SharedReport['answers'][number];

/** The questions in asking order, each with its answer; answers to questions no longer listed at the end. */
export function sharedItems(report: Pick<SharedReport, 'questions' | 'answers'>) {
  const byQuestion = new Map(report.answers.filter((a) => a.question_id).map((a) => [a.question_id, a]));
  const known = new Set(report.questions.map((q) => q.id));
  return [
    ...report.questions.map((q) => ({ key: q.id, question: q, answer: byQuestion.get(q.id) ?? null })),
    ...report.answers
      .filter((a) => !a.question_id || !known.has(a.question_id))
      .map((a, i) => ({ key: `extra-${i}`, question: null, answer: a as SharedAnswer | null })),
  ];
}

/**
 * A report opened through a share link (public, read-only): that interview only. It names no
 * candidate and links to nothing of theirs; a revoked, expired or unknown link is a 404 page.
 */
export function SharedReportPage() {
  const { token = '' } = useParams();
  const report = trpc.shares.view.useQuery({ token }, { retry: false });
  if (report.isLoading) return <LoadingState label="Loading the shared report…" />;
  if (report.error) {
    const code = domainCodeOf(report.error);
    if (code === 'NOT_FOUND' || code === 'VALIDATION') return <NotFoundPage what="shared report" />;
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  if (!r) return null;
  const items = sharedItems(r);
  return (
    <div className="page report" data-testid="shared-report">
      <PageHeader
        title="Shared interview report"
        eyebrow={r.job_title}
        lead={`Read-only, shared by the candidate. This link works until ${formatDateTime(r.link_expires_at)}.`}
      />
      <section className="card report-hero">
        <ScoreRing
          size="lg"
          max={100}
          score={r.score}
          label={`Overall score ${r.score ?? 'none'} out of 100`}
        />
        <div className="report-hero__text">
          <p className="report-hero__verdict" data-testid="overall-score">
            {r.score === null ? 'No overall score' : `${r.score} / 100 · ${scoreVerdict(r.score, 100)}`}
          </p>
          <div className="report-hero__meta">
            <StatusBadge status={r.status} progress={r.progress} />
            <span>{formatDateTime(r.ended_at ?? r.started_at)}</span>
            <span>
              {r.progress.answered} of {plural(r.progress.planned, 'question')} answered
            </span>
          </div>
          {r.summary && <p className="report-hero__summary pre-wrap">{retell(r.summary, 'mentor')}</p>}
        </div>
      </section>

      {r.skill_notes && r.skill_notes.length > 0 && (
        <section className="card">
          <h2 className="card__title">Skill notes</h2>
          <dl className="skill-notes">
            {r.skill_notes.map((n) => (
              <div key={n.skill}>
                <dt>{n.skill}</dt>
                <dd>{n.note}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section className="transcript" aria-labelledby="transcript-title">
        <h2 id="transcript-title">Questions and answers</h2>
        {items.length === 0 && <p className="muted">No questions were asked.</p>}
        {items.map(({ key, question, answer }, i) => {
          const graded = answer?.grading_status === 'graded';
          const category = question?.category ?? answer?.category;
          return (
            <article key={key} className={`review${question?.is_follow_up ? ' review--follow-up' : ''}`}>
              <header className="review__head">
                <div>
                  <p className="question-card__label">
                    {question ? questionLabel(question) : `Answer ${i + 1}`}
                    {category && <Badge tone="info">{titleCase(category)}</Badge>}
                    {question?.skill && <Badge>{question.skill}</Badge>}
                  </p>
                  <h3 className="review__question">{question?.text ?? answer?.question}</h3>
                </div>
                {answer && (
                  <ScoreRing
                    size="sm"
                    score={graded ? answer.score : null}
                    label={graded ? `Score ${answer.score} out of 10` : 'Not graded'}
                  />
                )}
              </header>
              {!answer ? (
                <p className="muted">Not answered.</p>
              ) : (
                <>
                  <div className="review__answer">
                    <h4>{answerHeading('mentor')}</h4>
                    <p className="pre-wrap">{answer.answer}</p>
                    {answer.delivery && <DeliveryCard delivery={answer.delivery} compact />}
                  </div>
                  {graded ? (
                    <div className="review__feedback">
                      <h4>Feedback</h4>
                      {answer.ai_feedback && (
                        <p className="pre-wrap">{retell(answer.ai_feedback, 'mentor')}</p>
                      )}
                      <RubricBreakdown rubric={answer.rubric} heading="h5" />
                      <FeedbackLists
                        strengths={answer.strengths}
                        improvements={answer.improvements}
                        heading="h5"
                      />
                      <p className="muted small">{evaluatorLabel(answer.evaluator)}</p>
                    </div>
                  ) : (
                    <p className="muted">Not graded.</p>
                  )}
                </>
              )}
            </article>
          );
        })}
      </section>
    </div>
  );
}
