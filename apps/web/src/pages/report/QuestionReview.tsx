import { Badge } from '../../components/Badge.tsx';
import { Chips } from '../../components/Chips.tsx';
import { DeliveryCard } from '../../components/DeliveryCard.tsx';
import { FeedbackLists } from '../../components/FeedbackLists.tsx';
import { ModelAnswerPanel } from '../../components/ModelAnswerPanel.tsx';
import { RubricBreakdown } from '../../components/RubricBreakdown.tsx';
import { ScoreRing } from '../../components/ScoreRing.tsx';
import { type Audience, answerHeading, retell } from '../../lib/audience.ts';
import { evaluatorLabel, titleCase } from '../../lib/format.ts';
import { questionLabel, type ReportItem } from '../../lib/markdown.ts';
import { GradeCorrection } from '../admin/GradeCorrection.tsx';
import { RecordingDownload } from './RecordingDownload.tsx';

/** One exchange of the transcript: question, answer, and how it was graded. */
export function QuestionReview({
  item,
  index,
  recorded = false,
  withModelAnswer = false,
  audience = 'candidate',
}: {
  /** offer "What a strong answer covers" (loaded from the API when opened) */
  withModelAnswer?: boolean;
  item: ReportItem;
  index: number;
  /** a recording of this answer was kept ("keep my recordings") */
  recorded?: boolean;
  /** an admin reading a candidate's interview: spoken about the candidate, with grade correction */
  audience?: Audience;
}) {
  const { question, feedback } = item;
  const graded = feedback?.grading_status === 'graded';
  const category = question?.category ?? feedback?.category;
  return (
    <article className={`review${question?.is_follow_up ? ' review--follow-up' : ''}`} id={`q-${index + 1}`}>
      <header className="review__head">
        <div>
          <p className="question-card__label">
            {questionLabel(question)}
            {category && <Badge tone="info">{titleCase(category)}</Badge>}
            {question?.skill && <Badge>{question.skill}</Badge>}
          </p>
          <h3 className="review__question">{question?.text ?? feedback?.question}</h3>
        </div>
        {feedback && (
          <ScoreRing
            size="sm"
            score={graded ? feedback.score : null}
            label={graded ? `Score ${feedback.score} out of 10` : 'Not graded'}
          />
        )}
      </header>
      {!feedback ? (
        <p className="muted">Not answered.</p>
      ) : (
        <>
          <div className="review__answer">
            <h4>{answerHeading(audience)}</h4>
            <p className="pre-wrap" data-testid="answer-text">
              {feedback.answer}
            </p>
            {feedback.delivery && <DeliveryCard delivery={feedback.delivery} compact />}
            {recorded && <RecordingDownload feedbackId={feedback.id} index={index + 1} />}
          </div>
          {graded ? (
            <div className="review__feedback">
              <h4>Feedback</h4>
              {feedback.ai_feedback && <p className="pre-wrap">{retell(feedback.ai_feedback, audience)}</p>}
              <RubricBreakdown rubric={feedback.rubric} heading="h5" />
              <FeedbackLists
                strengths={feedback.strengths}
                improvements={feedback.improvements}
                heading="h5"
              />
              {feedback.skills_shown.length > 0 && (
                <Chips items={feedback.skills_shown} label="Skills shown" />
              )}
              <p className="muted small">{evaluatorLabel(feedback.evaluator)}</p>
              {withModelAnswer && <ModelAnswerPanel feedbackId={feedback.id} heading="h5" />}
              {audience === 'admin' && <GradeCorrection feedback={feedback} />}
            </div>
          ) : (
            <p className="muted">
              Not graded ({feedback.grading_status})
              {feedback.grading_error ? `: ${feedback.grading_error}` : ''}
            </p>
          )}
          {audience === 'admin' && !graded && feedback.grading_status === 'failed' && (
            <GradeCorrection feedback={feedback} />
          )}
        </>
      )}
    </article>
  );
}
