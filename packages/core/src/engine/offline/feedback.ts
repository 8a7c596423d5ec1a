/**
 * Turns a rubric result into feedback a candidate can act on. Every strength and improvement is
 * true of this answer: it quotes the part it is about ("you said “I set up ABC cycle counting”")
 * or names what is missing; advice the answer already follows is never given; numbers are cited
 * only when they measure something. The rubric's components get a note each, so the candidate
 * sees why each point was earned or lost.
 */
import { scoreBand } from '../bands.ts';
import { joinList, splitSentences, stem, trimEnd, truncate } from '../text.ts';
import type { QuestionContext, RubricComponent } from '../types.ts';
import { relevanceWithMeaning } from './meaning/index.ts';
import { skillInSentence } from './phrasing.ts';
import type { CapReason, RubricResult } from './rubric.ts';
import { CUES, isOutcome, isReason } from './signals.ts';

export interface FeedbackParts {
  feedback: string;
  strengths: string[];
  improvements: string[];
  rubric: RubricComponent[];
}

const q = (s: string) => `“${truncate(s, 60)}”`;
const fmt = (n: number) => String(Math.round(n * 10) / 10);
/** "1 word", "3 words" */
const words = (n: number) => `${n} word${n === 1 ? '' : 's'}`;
/** The question's skill as it reads mid-sentence ("about inspection and testing", "about empathy"). */
const skillOf = (question: QuestionContext) => skillInSentence(question.skill);

/** Where a clause ends: sentence punctuation (not a decimal point), a comma, a colon, a dash, a line. */
const CLAUSE_END = /[.!?;](?=\s|$)|,\s|:\s|\s[-–—]\s|\n/g;

/**
 * The words around a cue as the answer has them: its clause from the start (or the three words
 * before it, when more) to the end, at most 60 characters. "On a night" is quoted "On a night
 * shift last winter…", "dropped from" "…his sats had dropped from 95% to 89% on room air".
 */
function clauseAround(text: string, at: number, length: number): string {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_END)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at + length) {
      end = m.index;
      break;
    }
  }
  const before = text.slice(start, at).trimStart();
  const kept = before.split(/\s+/).length <= 6 ? before : (/(?:\S+\s+){0,3}$/.exec(before)?.[0] ?? '');
  const cut = kept.length < before.length;
  const span = truncate(`${kept}${text.slice(at, end)}`, cut ? 59 : 60);
  return cut ? `…${span}` : span;
}

/**
 * The first place `cue` (a CUES pattern) matches the answer where `accept` agrees, quoted with its
 * clause; null when it matches nowhere acceptable. The rubric only needs to know a cue is there;
 * the feedback names the one that shows it.
 */
function cueQuote(
  text: string,
  cue: RegExp,
  accept: (match: string, before: string, after: string) => boolean = () => true,
): string | null {
  for (const m of text.matchAll(new RegExp(cue.source, 'gi'))) {
    if (accept(m[0], text.slice(0, m.index), text.slice(m.index + m[0].length)))
      return clauseAround(text, m.index, m[0].length);
  }
  return null;
}

/** A situation placed in time that the situation cues do not list: "In March 2023", "in FY2023", "one night". */
const DATED =
  /\b(?:(?:in|on|during|since|by|early|late|mid)[\s-]+(?:(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d|fy\s?\d{2,4})|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|one (?:time|day|night|morning|evening|weekend))\b/i;

/**
 * An outcome in words the outcome cues do not list, after the opening sentence: "She accepted two
 * days later and is still with us", "He thanked me", "Accuracy got much better". Not scored; it
 * only keeps the feedback from asking for an outcome the story already ends on.
 */
const OUTCOME_HINT =
  /\b(?:(?:days?|weeks?|months?|years?) later|ever since|is still|are still|still with|in the end|by the (?:second|third|next|end)|stayed|kept (?:her|his|their|our|the)|thanked|accepted|agreed to|came back|got (?:much |a lot |far )?(?:better|worse)|(?:better|worse|less|more|fewer|faster|quicker) than (?:before|last)|complained less|got an? \d)/i;
const statesAnOutcome = (text: string) =>
  splitSentences(text)
    .slice(1)
    .some((x) => OUTCOME_HINT.test(x));

/** A word of the question as the answer writes it ("NEWS2" for "news2", "plan" for "planning"). */
function asWritten(text: string, word: string): string {
  const w = word.toLowerCase();
  const s = stem(w);
  let sameStem: string | null = null;
  let family: string | null = null;
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}+#./'’-]*/gu)) {
    const t = trimEnd(m[0], "./'’-").replace(/['’]s$/, '');
    const lower = t.toLowerCase();
    if (lower === w) return t;
    const ts = stem(lower);
    if (sameStem === null && ts === s) sameStem = t;
    if (family === null && s.length >= 5 && ts.length >= 5 && (ts.startsWith(s) || s.startsWith(ts)))
      family = t;
  }
  return sameStem ?? family ?? word;
}

/**
 * Relevance (0–1) earned in other words (meaning/) from which the note says the answer is close to
 * the question in meaning; below it, a trace not worth a claim.
 */
const MEANING_WORTH_NAMING = 0.25;

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
      : `It does not answer this question: almost none of it is about ${skillOf(question)} or what the question asks` +
        (r.signals.relevance.question.exact.length > 0
          ? ` (it touches on only ${quoteWords(r.signals.relevance.question.exact.map((w) => asWritten(r.text, w)))})`
          : '') +
        '.',
  keyword_list: () => 'It is a list of keywords, not sentences: it does not show how you used any of them.',
  copied: () =>
    'Most of it repeats the wording of the question or the job description rather than answering.',
  too_short: (r) => `At ${words(r.signals.words)} it is too short to show your experience.`,
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
      feedback: `${verdict(r.score)} (${r.score}/10). ${CAP_EXPLAINED[reason](r, question)} Answer the question about ${skillOf(question)}: one real example with what you did and what happened is enough to start.`,
      strengths: [],
      improvements: [
        `Answer the question about ${skillOf(question)}: one real example, what you did, and what happened.`,
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

  // Relevance, in the answer's own words
  const rel = s.relevance.question;
  const exact = rel.exact.map((w) => asWritten(r.text, w));
  if (!has('off_topic') && r.relevance >= 0.6) {
    const shown =
      exact.length > 0 ? quoteWords(exact) : quoteWords(rel.related.map(([, a]) => asWritten(r.text, a)));
    if (shown) strengths.push(`Keeps to the question: it deals with ${shown}.`);
  } else if (!has('off_topic')) {
    // What the figure measures is the question's own terms: say that, not that the answer is about
    // something else (a story of a deteriorating patient that says "NEWS2" once is about the question).
    // Named, so an answer that says "pick rates" is not told it uses none of the question's words
    // when "pick rates" are the job's general words and the question's own are "shift planning".
    const missing = quoteWords(rel.missing.map((w) => asWritten(`${question.text} ${question.skill}`, w)));
    improvements.push(
      `Tie it more closely to what was asked: ${
        exact.length > 0
          ? `of the question's own terms it uses only ${quoteWords(exact)}${missing ? `, not ${missing.replace(/ and (?=“[^“]*$)/, ' or ')}` : ''}`
          : `it uses none of the question's own terms${missing ? ` (${missing.replace(/ and (?=“[^“]*$)/, ' or ')})` : ''}`
      }; say in so many words how your example answers it.`,
    );
  }

  // The story: situation, own actions, links, outcome, numbers — praise what is there, ask for what is not.
  const own = r.signals.story.ownActions;
  if (st.situation)
    strengths.push(`Grounded in a real situation (${q(cueQuote(r.text, CUES.situation) ?? st.situation)}).`);
  else if (question.category === 'behavioural' && !DATED.test(r.text))
    improvements.push('Start from a real situation: where you were, when, and what was at stake.');
  if (own.length >= 2) strengths.push(`Clear about your own part (${own.slice(0, 2).map(q).join(', ')}).`);
  else if (st.teamActions.length > st.ownActions.length)
    improvements.push(`Say what you did yourself: the actions are the team's (${q(st.teamActions[0]!)}).`);
  else if (st.ownActions.length === 0)
    improvements.push('Describe your own actions in the first person: what you did, step by step.');
  if (st.links.length >= 3) strengths.push(`Explains cause and effect (${quoteWords(st.links)}).`);
  else if (st.reasoning) {
    const why = cueQuote(r.text, CUES.reasoning, isReason);
    if (why) strengths.push(`Gives a reason (${q(why)}).`);
  } else if (st.links.length < 2)
    improvements.push('Explain why: what caused the problem, why you chose what you did, what it led to.');
  // An outcome the answer states, not one of the candidate's own verbs ("I stopped"); none praised
  // when the cap says the results claimed have nothing behind them.
  const outcome = st.result ? cueQuote(r.text, CUES.result, isOutcome) : null;
  if (st.result) {
    if (outcome && !has('unsupported_claims')) strengths.push(`States an outcome (${q(outcome)}).`);
  } else if (st.verification && question.category !== 'behavioural')
    strengths.push(
      `Says how it would be checked (${q(cueQuote(r.text, CUES.verification) ?? st.verification)}).`,
    );
  else if (!statesAnOutcome(r.text))
    improvements.push('No outcome: say what changed because of what you did, and how you know.');
  if (s.numbers.measured.length > 0)
    strengths.push(`Measures with numbers (${s.numbers.measured.slice(0, 3).join(', ')}).`);
  else if (question.category !== 'situational' && !has('unsupported_claims') && s.numbers.counts.length === 0)
    improvements.push('Put a number on the problem or the result: how much, how many, how fast.');
  if (question.category === 'situational' && !st.clarify && st.sequence.length < 2)
    improvements.push('Lay out the steps in order, starting with what you would check or ask first.');

  // Development and length
  if (r.lengthBand === 'too_short' || r.lengthBand === 'short')
    improvements.push(`At ${words(s.words)} it is too short to show your experience; aim for 120–250 words.`);
  else if (r.lengthBand === 'long' || r.lengthBand === 'rambling')
    improvements.push(`At ${words(s.words)} it runs long; lead with the point and cut background.`);
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
        const exact = rel.exact.map((w) => asWritten(r.text, w));
        const related = rel.related
          .map(([p, a]) => [p, asWritten(r.text, a)] as const)
          .filter(([, a]) => !exact.includes(a));
        const found = [...exact.map((w) => `“${w}”`), ...related.map(([p, a]) => `“${a}” (for “${p}”)`)];
        note = found.length
          ? `Deals with ${joinList(found.slice(0, 4))} from the question.`
          : // relevance in other words: the answer's vector is close to the question's (meaning/)
            relevanceWithMeaning(0, r.meaning) >= MEANING_WORTH_NAMING
            ? `Uses none of the question's own terms, but is close to what it asks in meaning (${skillOf(question)}).`
            : `Uses none of the question's terms or words related to them (${skillOf(question)}).`;
        break;
      }
      case 'story': {
        const own = r.signals.story.ownActions;
        const outcome = st.result ? cueQuote(r.text, CUES.result, isOutcome) : null;
        // every part storyValue credits (rubric.ts): the team's actions count half, a check stands
        // in for an outcome, and for technical and situational questions steps and reasons count
        const method = question.category !== 'behavioural';
        const why = method && st.reasoning ? cueQuote(r.text, CUES.reasoning, isReason) : null;
        const got = [
          st.situation && `a situation (${q(cueQuote(r.text, CUES.situation) ?? st.situation)})`,
          own.length > 0 && `your actions (${q(own[0]!)})`,
          own.length === 0 && st.teamActions.length > 0 && `the team's actions (${q(st.teamActions[0]!)})`,
          st.links.length > 0 && `links of cause and time (${quoteWords(st.links)})`,
          method && st.sequence.length > 0 && `steps in order (${quoteWords(st.sequence)})`,
          why && `a reason (${q(why)})`,
          outcome && `an outcome (${q(outcome)})`,
          !st.result &&
            st.verification &&
            `a check (${q(cueQuote(r.text, CUES.verification) ?? st.verification)})`,
          question.category === 'situational' &&
            st.clarify &&
            `finding out first (${q(cueQuote(r.text, CUES.clarify) ?? st.clarify)})`,
          s.numbers.measured.length > 0 && `measured numbers (${s.numbers.measured.slice(0, 2).join(', ')})`,
        ].filter((x): x is string => typeof x === 'string');
        note = got.length ? `Has ${joinList(got)}.` : 'No situation, own actions, reasons or outcome.';
        if (r.gate < 1 && got.length)
          note += ` Counted at ${Math.round(r.gate * 100)} % because it keeps to the question only in part.`;
        break;
      }
      case 'development':
        note = `${words(s.newContent)} of its own beyond the question and job text, in ${words(s.words)}.`;
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
