/**
 * Turns a rubric result into feedback a candidate can act on. Every sentence cites what the answer
 * did ("You named PostgreSQL and gave numbers (40%)") or names what is missing and how to add it
 * ("No result: say what changed and how you know").
 */
import { joinList, truncate } from '../text.ts';
import type { QuestionContext } from '../types.ts';
import type { RubricResult } from './rubric.ts';

export interface FeedbackParts {
  feedback: string;
  strengths: string[];
  improvements: string[];
}

const q = (s: string) => `“${truncate(s, 60)}”`;

export function composeFeedback(question: QuestionContext, r: RubricResult): FeedbackParts {
  const s = r.signals;
  const st = s.structure;
  const sp = s.specificity;
  const strengths: string[] = [];
  const improvements: string[] = [];
  const has = (reason: string) => r.caps.some((c) => c.reason === reason);

  if (has('empty')) {
    return {
      feedback:
        'No answer was given, so there is nothing to grade. Even a short, honest attempt earns credit.',
      strengths: [],
      improvements: [
        'Give an answer: one real example with what you did and what happened is enough to start.',
      ],
    };
  }
  if (has('declined')) {
    return {
      feedback:
        'The answer says you do not know. In an interview, say how you would find out or reason through it; that earns credit.',
      strengths: [],
      improvements: [
        `Talk through how you would approach the question about ${question.skill}, step by step.`,
      ],
    };
  }

  if (r.injection.only) {
    return {
      feedback: `${verdict(r)} (${r.score}/10). The answer speaks to the grader (${q(r.injection.quote ?? '')}) instead of answering the interviewer. Instructions to the grader are ignored and score low; answer the question about ${question.skill} instead.`,
      strengths: [],
      improvements: ['Answer the interview question; instructions to the grader are ignored and score low.'],
    };
  }
  if (has('off_topic')) {
    // Nothing else about an answer to a different question is worth grading or praising.
    const intro = r.injection.detected
      ? `Part of the answer speaks to the grader (${q(r.injection.quote ?? '')}) instead of the interviewer; it was ignored. `
      : '';
    return {
      feedback: `${verdict(r)} (${r.score}/10). ${intro}It does not address the question about ${question.skill}: it shares almost none of the question's terms and names none of the job's skills. Answer the question asked, with an example from your own work.`,
      strengths: [],
      improvements: [
        `Answer the question asked: it is about ${question.skill}. Start from a real situation where you used it.`,
      ],
    };
  }

  // Grader manipulation is called out first: it matters more than anything else in the answer.
  if (r.injection.detected) {
    improvements.push(
      'Remove instructions aimed at the grader; they are ignored and count against the answer.',
    );
  }

  // Relevance
  const rel = s.relevance;
  if (rel.skillsShown.length > 0) {
    strengths.push(`Tied the answer to the job's skills: ${joinList(rel.skillsShown.slice(0, 4))}.`);
    if (!rel.targetSkillMentioned)
      improvements.push(`Name ${question.skill} explicitly; the question is about it.`);
  } else {
    improvements.push(`Connect the answer to ${question.skill} and the other skills this job asks for.`);
  }

  // Specificity
  if (sp.concrete.length > 0) {
    const named = joinList(sp.concrete.slice(0, 3));
    strengths.push(
      sp.numbers.length > 0
        ? `Concrete: you named ${named} and gave numbers (${sp.numbers.slice(0, 3).join(', ')}).`
        : `Concrete: you named ${named}.`,
    );
  } else if (sp.numbers.length > 0) {
    strengths.push(`Quantified: you gave numbers (${sp.numbers.slice(0, 3).join(', ')}).`);
  } else {
    improvements.push('Name the tools, methods or data you actually used.');
  }
  if (sp.numbers.length === 0 && question.category !== 'situational') {
    improvements.push(
      'No numbers: say how much, how many or how fast (e.g. "cut load time from 4 s to 1.5 s").',
    );
  }
  if (sp.ownActions.length >= 2) {
    strengths.push(`Clear about your own part (${sp.ownActions.slice(0, 2).map(q).join(', ')}).`);
  } else if (sp.teamActions.length > sp.ownActions.length) {
    improvements.push('Say what you did yourself: most of the actions are "we".');
  } else if (sp.ownActions.length === 0) {
    improvements.push('Describe your own actions in the first person ("I built…", "I measured…").');
  }

  // Structure, by kind of question
  if (question.category === 'behavioural') {
    if (st.situation || st.task) strengths.push('Set the scene before the story.');
    else improvements.push('Start with the situation: where you were, what was at stake.');
    if (st.result) strengths.push(`Closed with a result (${q(st.result)}).`);
    else improvements.push('No result: say what changed because of what you did, and how you know.');
  } else if (question.category === 'technical') {
    if (st.reasoning) strengths.push(`Explained the reasoning (${q(st.reasoning)}).`);
    else improvements.push('Explain why: the trade-offs, and what you would choose instead and when.');
    if (!st.situation && !st.exampleMarker)
      improvements.push('Back it with a real example from your own work.');
    if (st.verification || st.result) strengths.push('Said how you would check that it worked.');
    else improvements.push('Say how you would verify the result (a test, a metric, a benchmark).');
  } else {
    if (st.clarify) strengths.push('Started by clarifying and gathering context.');
    else improvements.push('Start by clarifying: who is affected, what is known, what is at stake.');
    if (st.sequence.length >= 2) strengths.push('Laid out concrete steps in order.');
    else improvements.push('Lay out concrete steps in order (first…, then…, finally…).');
    if (!st.verification && !st.result)
      improvements.push('Close with how you would follow through and measure success.');
  }

  // Length and filler
  const words = s.words;
  if (r.lengthBand === 'too_short' || r.lengthBand === 'short') {
    improvements.push(`At ${words} words it is too short to show your experience; aim for 120–250 words.`);
  } else if (r.lengthBand === 'long' || r.lengthBand === 'rambling') {
    improvements.push(`At ${words} words it runs long; lead with the point and cut background.`);
  }
  if (s.hedges.weight >= 2) {
    const top = s.hedges.found
      .slice(0, 3)
      .map((h) => (h.count > 1 ? `“${h.phrase}” ×${h.count}` : `“${h.phrase}”`));
    improvements.push(
      `Hedging and filler (${top.join(', ')}) weaken the answer; state what you did plainly.`,
    );
  }
  if (has('keyword_list'))
    improvements.push('Answer in sentences; a list of keywords does not show how you used them.');
  if (has('repetitive'))
    improvements.push('Avoid repeating the same words; each sentence should add something.');

  return { feedback: narrative(r, strengths, improvements), strengths, improvements };
}

function verdict(r: RubricResult): string {
  if (r.caps.some((c) => c.reason === 'off_topic' || c.reason === 'instructions_only')) {
    return 'This does not answer the question';
  }
  if (r.score >= 9) return 'Excellent answer';
  if (r.score >= 7) return 'Strong answer';
  if (r.score >= 5) return 'A reasonable answer that needs more substance';
  if (r.score >= 3) return 'A thin answer';
  return 'A very thin answer';
}

/** The prose shown to the candidate: verdict, then what worked, then the most important fixes. */
function narrative(r: RubricResult, strengths: string[], improvements: string[]): string {
  const s = r.signals;
  const parts: string[] = [`${verdict(r)} (${r.score}/10).`];
  if (r.injection.detected) {
    parts.push(
      `Part of the answer speaks to the grader (${q(r.injection.quote ?? '')}) instead of the interviewer; it was ignored and counts against the answer.`,
    );
  }
  {
    const did: string[] = [];
    if (s.relevance.skillsShown.length > 0)
      did.push(`named ${joinList(s.relevance.skillsShown.slice(0, 3))}`);
    const extra = s.specificity.concrete.filter((c) => !s.relevance.skillsShown.includes(c));
    if (extra.length > 0) did.push(`mentioned ${joinList(extra.slice(0, 3))}`);
    if (s.specificity.numbers.length > 0)
      did.push(`gave numbers (${s.specificity.numbers.slice(0, 3).join(', ')})`);
    if (s.specificity.ownActions.length > 0)
      did.push(`described your own actions (${q(s.specificity.ownActions[0]!)})`);
    if (s.structure.result) did.push(`stated a result (${q(s.structure.result)})`);
    if (did.length > 0) parts.push(`You ${joinList(did)}.`);
  }
  const fixes = improvements.slice(0, 3);
  if (fixes.length > 0) parts.push(`To improve: ${fixes.map((f) => f.replace(/\.$/, '')).join('; ')}.`);
  else if (strengths.length > 0)
    parts.push('Keep answering this way: situation, your actions, and a measured result.');
  return parts.join(' ');
}
