/**
 * The one list of filler words and hedges. The delivery figures count and quote them (fillers
 * and hedges apart), and the offline grader's clarity signal weighs them; both read this list,
 * so a phrase has one meaning everywhere and one pattern (it was two lists that disagreed on
 * what "kind of", "you know" or "not sure" were and how to find them).
 */

export type TentativeKind = 'filler' | 'hedge';

export interface TentativePhrase {
  /** as quoted to the candidate */
  phrase: string;
  /** filler: fills silence, carries no meaning; hedge: weakens a claim that could be stated plainly */
  kind: TentativeKind;
  /** global, case-insensitive */
  re: RegExp;
  /** how much one occurrence costs in the offline grader's clarity (1 = a full hedge) */
  weight: number;
}

export const TENTATIVE_PHRASES: readonly TentativePhrase[] = [
  { phrase: 'um', kind: 'filler', re: /\bu+m+\b/gi, weight: 1 },
  { phrase: 'uh', kind: 'filler', re: /\bu+h+\b/gi, weight: 1 },
  { phrase: 'erm', kind: 'filler', re: /\ber+m*\b/gi, weight: 1 },
  { phrase: 'hmm', kind: 'filler', re: /\bhm+\b/gi, weight: 1 },
  // "like," as a pause; "I would like to" is not one
  { phrase: 'like', kind: 'filler', re: /\blike(?=,)/gi, weight: 1 },
  // "you know how caches are" is a sentence, not a filler
  {
    phrase: 'you know',
    kind: 'filler',
    re: /\byou know\b(?!\s+(?:how|what|why|when|where|that|if|the)\b)/gi,
    weight: 1,
  },
  { phrase: 'I mean', kind: 'filler', re: /\bi mean\b/gi, weight: 0.5 },
  { phrase: 'basically', kind: 'filler', re: /\bbasically\b/gi, weight: 0.5 },
  { phrase: 'literally', kind: 'filler', re: /\bliterally\b/gi, weight: 0.5 },
  { phrase: 'kind of', kind: 'filler', re: /\bkind of\b/gi, weight: 1 },
  { phrase: 'sort of', kind: 'filler', re: /\bsort of\b/gi, weight: 1 },
  { phrase: 'pretty much', kind: 'filler', re: /\bpretty much\b/gi, weight: 0.5 },
  { phrase: 'I guess', kind: 'hedge', re: /\bi guess\b/gi, weight: 1 },
  { phrase: 'I suppose', kind: 'hedge', re: /\bi suppose\b/gi, weight: 1 },
  { phrase: 'maybe', kind: 'hedge', re: /\bmaybe\b/gi, weight: 1 },
  {
    phrase: 'not sure',
    kind: 'hedge',
    re: /\b(?:i'?m |i am )?not (?:really |totally |entirely )?sure\b/gi,
    weight: 1,
  },
  { phrase: 'or something', kind: 'hedge', re: /\bor something\b/gi, weight: 1 },
  { phrase: 'whatever', kind: 'hedge', re: /\bwhatever\b/gi, weight: 1 },
  { phrase: 'and stuff', kind: 'hedge', re: /\b(?:and|or) stuff\b|\bstuff like that\b/gi, weight: 1 },
  { phrase: 'probably', kind: 'hedge', re: /\bprobably\b/gi, weight: 0.75 },
  { phrase: 'I think', kind: 'hedge', re: /\bi think\b/gi, weight: 0.5 },
  { phrase: 'perhaps', kind: 'hedge', re: /\bperhaps\b/gi, weight: 0.5 },
  { phrase: 'hopefully', kind: 'hedge', re: /\bhopefully\b/gi, weight: 0.5 },
  // a minimiser ("I just restarted it"), common enough in plain speech to weigh little
  { phrase: 'just', kind: 'hedge', re: /\bjust\b/gi, weight: 0.25 },
];

export const FILLERS = TENTATIVE_PHRASES.filter((p) => p.kind === 'filler');
export const HEDGES = TENTATIVE_PHRASES.filter((p) => p.kind === 'hedge');
