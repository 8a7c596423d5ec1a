/**
 * When to ask a follow-up, and which one. An interviewer digs in when an answer is on topic but
 * thin: no real example, no outcome, or no sign of what the candidate did personally. Never
 * after a follow-up (no chains), and never for an empty, off-topic or manipulative answer (there
 * is nothing to dig into; the next planned question serves the candidate better).
 */
import type { QuestionContext } from '../types.ts';
import type { CapReason, RubricResult } from './rubric.ts';

const NOTHING_TO_DIG_INTO: ReadonlySet<CapReason> = new Set([
  'empty',
  'declined',
  'instructions_only',
  'off_topic',
  'keyword_list',
  'copied',
  'repetitive',
]);

export function proposeFollowUp(question: QuestionContext, r: RubricResult): string | null {
  if (question.is_follow_up) return null;
  if (r.injection.detected || r.caps.some((c) => NOTHING_TO_DIG_INTO.has(c.reason))) return null;
  if (r.score >= 8) return null;

  const st = r.signals.story;
  const skill = question.skill;
  if (!st.situation && r.signals.numbers.measured.length === 0) {
    return `Can you walk me through one specific time you dealt with this (${skill}): what was the situation, and what did you do yourself?`;
  }
  if (!st.result) {
    return question.category === 'situational'
      ? 'How would you know your approach had worked? What would you measure or check, and when?'
      : 'What was the outcome? What changed, and how did you measure it?';
  }
  if (st.ownActions.length === 0 && st.teamActions.length > 0) {
    return 'You described what the team did. What was your own part in it, and which decision was yours?';
  }
  if (st.links.length < 2) {
    return 'Why did you choose that approach over the alternatives? What trade-offs did you consider?';
  }
  return null;
}
