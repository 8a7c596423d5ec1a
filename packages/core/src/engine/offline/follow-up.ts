/**
 * When to ask a follow-up, and which one. An interviewer digs in when an answer is on topic but
 * thin: no result, no concrete example, or no sign of what the candidate did personally. Never
 * after a follow-up (no chains), and never for an empty, off-topic or manipulative answer (there
 * is nothing to dig into; the next planned question serves the candidate better).
 */
import type { QuestionContext } from '../types.ts';
import type { CapReason, RubricResult } from './rubric.ts';

const NOTHING_TO_DIG_INTO: ReadonlySet<CapReason> = new Set([
  'empty',
  'declined',
  'instructions_only',
  'instructions',
  'off_topic',
  'repetitive',
]);

export function proposeFollowUp(question: QuestionContext, r: RubricResult): string | null {
  if (question.is_follow_up) return null;
  if (r.caps.some((c) => NOTHING_TO_DIG_INTO.has(c.reason))) return null;
  if (r.score >= 8) return null;

  const st = r.signals.structure;
  const sp = r.signals.specificity;
  const skill = question.skill;
  const noResult = !st.result && !(question.category !== 'behavioural' && st.verification);
  const noExample = !st.situation && !st.exampleMarker && sp.numbers.length === 0;
  const noOwnAction = sp.ownActions.length === 0;

  if (noExample && (question.category !== 'situational' || sp.concrete.length === 0)) {
    return `Can you walk me through one specific time you used ${skill}: what was the situation, and what did you do yourself?`;
  }
  if (noResult) {
    return question.category === 'situational'
      ? `How would you know your approach had worked? What would you measure or check, and when?`
      : `What was the outcome of that ${skill} work? What changed, and how did you measure it?`;
  }
  if (noOwnAction && sp.teamActions.length > 0) {
    return `You described what the team did. What was your own part in it, and which decision was yours?`;
  }
  if (sp.numbers.length === 0 && question.category !== 'situational') {
    return `Can you put numbers on that: how big was the problem, and how much did your work improve it?`;
  }
  if (!st.reasoning && r.score <= 6) {
    return `Why did you choose that approach over the alternatives? What trade-offs did you consider?`;
  }
  return null;
}
