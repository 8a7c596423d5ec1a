/**
 * Offline session summary: where the candidate was strongest and weakest, and a note per skill,
 * computed from the graded items (no model involved, so it is the same on every run).
 */
import { scoreBand, scoreLabel } from '../bands.ts';
import { parseSkills, skillsMentioned } from '../skills.ts';
import { normalizeKey, truncate } from '../text.ts';
import type { JobContext, QuestionCategory, SessionSummary, SummaryItem } from '../types.ts';

const CATEGORY_ADVICE: Record<QuestionCategory, string> = {
  technical:
    'explain the reasoning behind your choices and back each claim with an example from your own work',
  behavioural: 'tell each story as situation, task, your own actions and a measured result',
  situational: 'clarify first, then lay out concrete steps and say how you would know it worked',
};

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function summariseOffline(input: {
  job: JobContext;
  items: SummaryItem[];
  overall_score: number;
}): SessionSummary {
  const { job, items } = input;
  const overall = Math.round(input.overall_score);
  const main = items.filter((i) => !i.is_follow_up);
  const graded = items.filter((i): i is SummaryItem & { score: number } => i.score !== null);
  const unanswered = main.filter((i) => i.score === null).length;

  const parts: string[] = [];
  parts.push(
    `Overall ${overall}/100 for ${job.title.trim() || 'this role'} (${scoreLabel(overall, 100)}): ${scoreBand(overall, 100).outlook}.`,
  );
  if (main.length > 0) {
    const answered = main.length - unanswered;
    parts.push(
      `You answered ${answered} of ${main.length} questions` +
        (unanswered > 0 ? ` (the ${unanswered} unanswered count as 0).` : '.'),
    );
  }

  // Strongest and weakest kind of question (by average score).
  const byCategory = new Map<QuestionCategory, number[]>();
  for (const i of graded) byCategory.set(i.category, [...(byCategory.get(i.category) ?? []), i.score]);
  const ranked = [...byCategory]
    .map(([c, xs]) => ({ c, avg: mean(xs), n: xs.length }))
    .sort((a, b) => b.avg - a.avg);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (best && worst && ranked.length > 1 && best.avg > worst.avg) {
    parts.push(
      `Strongest: ${best.c} questions (average ${fmt(best.avg)}/10). Weakest: ${worst.c} questions (average ${fmt(worst.avg)}/10).`,
    );
  } else if (best) {
    const all = graded.map((i) => i.score);
    parts.push(`Your answers averaged ${fmt(mean(all))}/10.`);
  }

  // Best and weakest single answers, so the candidate knows where to look.
  if (graded.length > 1) {
    const sorted = [...graded].sort((a, b) => b.score - a.score);
    const top = sorted[0]!;
    const low = sorted[sorted.length - 1]!;
    if (top.score > low.score) {
      parts.push(
        `Best answer: “${truncate(top.question, 70)}” (${top.score}/10). Most room to improve: “${truncate(low.question, 70)}” (${low.score}/10).`,
      );
    }
  }
  if (graded.length > 0 && worst) {
    parts.push(`Next time, ${CATEGORY_ADVICE[worst.c]}.`);
  } else {
    parts.push(
      'No answers were graded, so there is nothing to assess yet: answer at least one question next time.',
    );
  }

  return { summary: parts.join(' '), skill_notes: skillNotes(job, items) };
}

/** One note per job skill (and per targeted skill the job list lacks): asked, scored, shown. */
function skillNotes(job: JobContext, items: SummaryItem[]): { skill: string; note: string }[] {
  const skills = parseSkills(job.skills);
  const keys = new Set(skills.map(normalizeKey));
  for (const i of items) {
    if (i.skill && !keys.has(normalizeKey(i.skill))) {
      keys.add(normalizeKey(i.skill));
      skills.push(i.skill);
    }
  }
  return skills.slice(0, 30).map((skill) => {
    const asked = items.filter((i) => normalizeKey(i.skill) === normalizeKey(skill));
    const scored = asked.filter((i) => i.score !== null).map((i) => i.score as number);
    const shownIn = items.filter(
      (i) => i.answer.trim() && skillsMentioned(i.answer, [skill]).length > 0,
    ).length;
    const bits: string[] = [];
    if (asked.length === 0) bits.push('Not asked about directly');
    else if (scored.length === 0)
      bits.push(`Asked about in ${asked.length} question${asked.length > 1 ? 's' : ''}, not answered`);
    else {
      const avg = mean(scored);
      const word = scoreBand(avg).adjective;
      bits.push(
        `Asked about in ${asked.length} question${asked.length > 1 ? 's' : ''}: ${word} (average ${fmt(avg)}/10)`,
      );
    }
    bits.push(
      shownIn > 0
        ? `named in ${shownIn} answer${shownIn > 1 ? 's' : ''}`
        : asked.length > 0
          ? 'never named in your answers: use the word and show how you applied it'
          : 'not shown in this session',
    );
    return { skill, note: `${bits.join('; ')}.` };
  });
}
