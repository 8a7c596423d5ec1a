/**
 * Turns a rubric result into feedback a candidate can act on. Every strength and improvement is
 * true of this answer: it quotes the part it is about ("you said “I set up ABC cycle counting”")
 * or names what is missing; advice the answer already follows is never given; numbers are cited
 * only when they measure something. The rubric's components get a note each, so the candidate
 * sees why each point was earned or lost.
 */
import { scoreBand } from '../bands.ts';
import { joinList, truncate } from '../text.ts';
import type { QuestionContext, RubricComponent } from '../types.ts';
import type { CapReason, RubricResult } from './rubric.ts';

export interface FeedbackParts {
  feedback: string;
  strengths: string[];
  improvements: string[];
  rubric: RubricComponent[];
}

const q = (s: string) => `“${truncate(s, 60)}”`;
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** The verdict for a score: the band's own words (bands.ts), the same in the room, report and summary. */
const verdict = (score: number) => scoreBand(score).verdict;

const CAP_EXPLAINED: Record<CapReason, (r: RubricResult, question: QuestionContext) => string> = {
  empty: () => 'No answer was given, so there is nothing to grade.',
  declined: () => 'The answer says you do not know; say how you would find out or reason it through instead.',
  instructions_only: (r) =>
    `The answer only speaks to the grader (${q(r.injection.quote ?? '')}); instructions to the grader are ignored.`,
  off_topic: (r, question) =>
    // when another of the session's questions fits it better (meaning/), say which
    r.meaning.betterFit
      ? `It answers another question of this interview (${q(r.meaning.betterFit.question)}) better than this one: tie the example to what this question asks.`
      : `It does not answer this question: almost none of it is about ${question.skill} or what the question asks` +
        (r.signals.relevance.question.exact.length > 0
          ? ` (it touches on only ${quoteWords(r.signals.relevance.question.exact)})`
          : '') +
        '.',
  keyword_list: () => 'It is a list of keywords, not sentences: it does not show how you used any of them.',
  copied: () =>
    'Most of it repeats the wording of the question or the job description rather than answering.',
  too_short: (r) => `At ${r.signals.words} words it is too short to show your experience.`,
  repetitive: () => 'It repeats the same words; each sentence should add something new.',
  instructions: (r) =>
    `Part of it speaks to the grader (${q(r.injection.quote ?? '')}): trying to steer the grade forfeits it, whatever the rest says.`,
  unsupported_claims: (r) =>
    `It claims results (${r.signals.numbers.unmeasured.slice(0, 3).join(', ')}) with nothing to measure them against and no story of what happened.`,
};

/** Up to three words, longest first: the telling ones ("replenishment"), not the small ones ("took"). */
const quoteWords = (ws: readonly string[]) =>
  joinList(
    [...new Set(ws)]
      .sort((a, b) => b.length - a.length)
      .slice(0, 3)
      .map((w) => `“${w}”`),
  );

export function composeFeedback(question: QuestionContext, r: RubricResult): FeedbackParts {
  const s = r.signals;
  const st = s.story;
  const strengths: string[] = [];
  const improvements: string[] = [];
  const has = (reason: CapReason) => r.caps.some((c) => c.reason === reason);
  const rubric = annotate(question, r);

  if (has('empty') || has('declined') || r.injection.only) {
    const reason: CapReason = has('empty') ? 'empty' : has('declined') ? 'declined' : 'instructions_only';
    return {
      feedback: `${verdict(r.score)} (${r.score}/10). ${CAP_EXPLAINED[reason](r, question)} Answer the question about ${question.skill}: one real example with what you did and what happened is enough to start.`,
      strengths: [],
      improvements: [
        `Answer the question about ${question.skill}: one real example, what you did, and what happened.`,
      ],
      rubric,
    };
  }

  if (r.injection.detected)
    improvements.push(
      `Remove the instructions to the grader (${q(r.injection.quote ?? '')}): they are ignored and forfeit the grade.`,
    );
  for (const reason of ['off_topic', 'keyword_list', 'copied', 'unsupported_claims', 'repetitive'] as const)
    if (has(reason)) improvements.push(CAP_EXPLAINED[reason](r, question));

  // Relevance
  const rel = s.relevance.question;
  if (!has('off_topic') && r.relevance >= 0.6) {
    const shown = rel.exact.length > 0 ? quoteWords(rel.exact) : quoteWords(rel.related.map(([, a]) => a));
    if (shown) strengths.push(`Keeps to the question: it deals with ${shown}.`);
  } else if (!has('off_topic')) {
    improvements.push(
      `Tie it more closely to what was asked (${q(question.text)}); little of the answer is about that.`,
    );
  }

  // The story: situation, own actions, links, outcome, numbers — praise what is there, ask for what is not.
  if (st.situation) strengths.push(`Grounded in a real situation (${q(st.situation)}).`);
  else if (question.category === 'behavioural')
    improvements.push('Start from a real situation: where you were, when, and what was at stake.');
  if (st.ownActions.length >= 2)
    strengths.push(`Clear about your own part (${st.ownActions.slice(0, 2).map(q).join(', ')}).`);
  else if (st.teamActions.length > st.ownActions.length)
    improvements.push(`Say what you did yourself: the actions are the team's (${q(st.teamActions[0]!)}).`);
  else if (st.ownActions.length === 0)
    improvements.push('Describe your own actions in the first person: what you did, step by step.');
  if (st.links.length >= 3) strengths.push(`Explains cause and effect (${quoteWords(st.links)}).`);
  else if (st.reasoning) strengths.push(`Gives a reason (${q(st.reasoning)}).`);
  else if (st.links.length < 2)
    improvements.push('Explain why: what caused the problem, why you chose what you did, what it led to.');
  if (st.result) strengths.push(`States an outcome (${q(st.result)}).`);
  else if (st.verification && question.category !== 'behavioural')
    strengths.push(`Says how it would be checked (${q(st.verification)}).`);
  else improvements.push('No outcome: say what changed because of what you did, and how you know.');
  if (s.numbers.measured.length > 0)
    strengths.push(`Measures with numbers (${s.numbers.measured.slice(0, 3).join(', ')}).`);
  else if (question.category !== 'situational' && !has('unsupported_claims'))
    improvements.push('Put a number on the problem or the result: how much, how many, how fast.');
  if (question.category === 'situational' && !st.clarify && st.sequence.length < 2)
    improvements.push('Lay out the steps in order, starting with what you would check or ask first.');

  // Development and length
  if (r.lengthBand === 'too_short' || r.lengthBand === 'short')
    improvements.push(`At ${s.words} words it is too short to show your experience; aim for 120–250 words.`);
  else if (r.lengthBand === 'long' || r.lengthBand === 'rambling')
    improvements.push(`At ${s.words} words it runs long; lead with the point and cut background.`);
  if (s.hedges.weight >= 2) {
    const top = s.hedges.found
      .slice(0, 3)
      .map((h) => (h.count > 1 ? `“${h.phrase}” ×${h.count}` : `“${h.phrase}”`));
    improvements.push(
      `Hedging and filler (${top.join(', ')}) weaken the answer; state what you did plainly.`,
    );
  }

  // Nothing about an answer to another question, a keyword list or pasted-back text is worth praising.
  if (has('off_topic') || has('keyword_list') || has('copied')) strengths.length = 0;
  return { feedback: narrative(question, r, strengths, improvements), strengths, improvements, rubric };
}

/** The prose shown to the candidate: verdict, what worked, then the most important fixes. */
function narrative(
  question: QuestionContext,
  r: RubricResult,
  strengths: string[],
  improvements: string[],
): string {
  const parts: string[] = [`${verdict(r.score)} (${r.score}/10).`];
  // The cap that set the score comes first: it is the reason for the number.
  const binding = r.components.find((c) => c.key.startsWith('cap:'));
  if (binding) {
    const why = CAP_EXPLAINED[binding.key.slice(4) as CapReason](r, question);
    parts.push(why);
    improvements = improvements.filter((i) => i !== why);
  }
  const clause = (x: string) => lower(x).replace(/\.$/, '');
  if (strengths.length > 0) parts.push(`What worked: ${strengths.slice(0, 2).map(clause).join('; ')}.`);
  const fixes = improvements.slice(0, 3);
  if (fixes.length > 0) parts.push(`To improve: ${fixes.map(clause).join('; ')}.`);
  return parts.join(' ');
}

const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** A note per rubric component: what earned its points, citing the answer, or what was missing. */
function annotate(question: QuestionContext, r: RubricResult): RubricComponent[] {
  const s = r.signals;
  const st = s.story;
  return r.components.map((c) => {
    let note = '';
    switch (c.key) {
      case 'relevance': {
        const rel = s.relevance.question;
        const words = [...rel.exact, ...rel.related.map(([p, a]) => `${a} (for ${p})`)];
        note = words.length
          ? `Deals with ${joinList(words.slice(0, 4).map((w) => `“${w}”`))} from the question.`
          : `Uses none of the question's terms or words related to them (${question.skill}).`;
        break;
      }
      case 'story': {
        const got = [
          st.situation && `a situation (${q(st.situation)})`,
          st.ownActions.length > 0 && `your actions (${q(st.ownActions[0]!)})`,
          st.links.length > 0 && `links of cause and time (${quoteWords(st.links)})`,
          st.result && `an outcome (${q(st.result)})`,
          s.numbers.measured.length > 0 && `measured numbers (${s.numbers.measured.slice(0, 2).join(', ')})`,
        ].filter((x): x is string => typeof x === 'string');
        note = got.length ? `Has ${joinList(got)}.` : 'No situation, own actions, reasons or outcome.';
        if (r.gate < 1 && got.length)
          note += ` Counted at ${Math.round(r.gate * 100)} % because it keeps to the question only in part.`;
        break;
      }
      case 'development':
        note = `${s.newContent} words of its own beyond the question and job text, in ${s.words} words.`;
        break;
      case 'clarity':
        note = s.hedges.found.length
          ? `Hedges and filler: ${s.hedges.found
              .slice(0, 3)
              .map((h) => `“${h.phrase}”${h.count > 1 ? ` ×${h.count}` : ''}`)
              .join(', ')}.`
          : 'No hedging or filler.';
        break;
      case 'floor':
        note = 'An on-topic attempt earns at least 1.';
        break;
      case 'rounding':
        note = 'The sum rounded to a whole number between 0 and 10.';
        break;
      default:
        if (c.key.startsWith('cap:')) note = CAP_EXPLAINED[c.key.slice(4) as CapReason](r, question);
    }
    return {
      ...c,
      points: Math.round(c.points * 100) / 100,
      note: note || `${fmt(c.points)} of ${fmt(c.max)}.`,
    };
  });
}
