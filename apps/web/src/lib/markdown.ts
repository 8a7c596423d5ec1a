import type { Feedback, Question, SessionDetail } from '../trpc.ts';
import { evaluatorLabel, formatDateTime, formatScore, statusLabel, titleCase } from './format.ts';

/** Text written into Markdown as-is would let "# " or "---" in an answer restructure the report. */
function quote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  return lines.map((line) => (line ? `> ${escapeInline(line)}` : '>')).join('\n');
}

/** Escapes the characters that start Markdown structure or inline HTML. */
export function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function list(items: readonly string[]): string {
  return items.map((s) => `- ${escapeInline(s.replace(/\s*\n\s*/g, ' '))}`).join('\n');
}

export interface ReportItem {
  question: Pick<Question, 'id' | 'plan_index' | 'is_follow_up' | 'category' | 'skill' | 'text'> | null;
  feedback: Feedback | null;
}

/** The questions in the order they were asked, each with its feedback; answers to deleted questions at the end. */
export function reportItems(
  session: Pick<SessionDetail, 'questions'>,
  feedbacks: readonly Feedback[],
): ReportItem[] {
  const byQuestion = new Map(feedbacks.filter((f) => f.question_id).map((f) => [f.question_id, f]));
  const items: ReportItem[] = session.questions.map((q) => ({
    question: q,
    feedback: byQuestion.get(q.id) ?? null,
  }));
  const known = new Set(session.questions.map((q) => q.id));
  for (const f of feedbacks) {
    if (!f.question_id || !known.has(f.question_id)) items.push({ question: null, feedback: f });
  }
  return items;
}

export function questionLabel(q: Pick<Question, 'plan_index' | 'is_follow_up'> | null): string {
  if (!q) return 'Question';
  return q.is_follow_up ? `Follow-up to Q${q.plan_index}` : `Q${q.plan_index}`;
}

/** The whole session as a Markdown document: what the "Export as Markdown" button downloads. */
export function buildSessionMarkdown(session: SessionDetail, feedbacks: readonly Feedback[]): string {
  const out: string[] = [];
  out.push(`# Interview report: ${escapeInline(session.job_title)}`, '');
  out.push(`- **Status:** ${statusLabel(session.status)}`);
  if (session.started_at) out.push(`- **Started:** ${formatDateTime(session.started_at)}`);
  if (session.ended_at) out.push(`- **Ended:** ${formatDateTime(session.ended_at)}`);
  out.push(`- **Overall score:** ${formatScore(session.score, 100)}`);
  out.push(
    `- **Questions:** ${session.progress.answered} of ${session.progress.planned} answered (focus: ${session.focus})`,
  );
  if (session.job_experience) out.push(`- **Experience:** ${escapeInline(session.job_experience)}`);
  if (session.job_skills)
    out.push(`- **Skills:** ${escapeInline(session.job_skills.replace(/\s*\n\s*/g, ', '))}`);
  out.push('');

  if (session.summary) out.push('## Summary', '', escapeInline(session.summary.trim()), '');
  if (session.skill_notes && session.skill_notes.length > 0) {
    out.push('## Skill notes', '');
    for (const n of session.skill_notes) out.push(`- **${escapeInline(n.skill)}:** ${escapeInline(n.note)}`);
    out.push('');
  }

  out.push('## Questions and answers', '');
  for (const { question, feedback } of reportItems(session, feedbacks)) {
    const meta = [
      question ? titleCase(question.category) : feedback ? titleCase(feedback.category) : null,
      question?.skill,
    ]
      .filter(Boolean)
      .join(' · ');
    out.push(`### ${questionLabel(question)}${meta ? ` · ${escapeInline(meta)}` : ''}`, '');
    out.push(`**Question:** ${escapeInline((question?.text ?? feedback?.question ?? '').trim())}`, '');
    if (!feedback) {
      out.push('_Not answered._', '');
      continue;
    }
    out.push('**Answer:**', '', quote(feedback.answer), '');
    if (feedback.grading_status === 'graded') {
      out.push(`**Score:** ${formatScore(feedback.score)} (${evaluatorLabel(feedback.evaluator)})`, '');
      if (feedback.ai_feedback) out.push(escapeInline(feedback.ai_feedback.trim()), '');
      if (feedback.strengths.length) out.push('**Strengths**', '', list(feedback.strengths), '');
      if (feedback.improvements.length) out.push('**To improve**', '', list(feedback.improvements), '');
      if (feedback.skills_shown.length)
        out.push(`**Skills shown:** ${feedback.skills_shown.map(escapeInline).join(', ')}`, '');
    } else {
      out.push(`**Score:** not graded (${feedback.grading_status})`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** "interview-frontend-engineer-react-2025-03-01.md" */
export function markdownFileName(
  session: Pick<SessionDetail, 'job_title' | 'ended_at' | 'created_at'>,
): string {
  const slug =
    session.job_title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'session';
  const date = (session.ended_at ?? session.created_at).slice(0, 10);
  return `interview-${slug}-${date}.md`;
}
