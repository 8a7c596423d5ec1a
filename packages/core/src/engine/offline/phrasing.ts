/**
 * Writing a question template out as a person would: "an API", "an SQL", "a user", agreement with
 * a plural skill ("design systems are … them"), the job title without its parenthesised
 * specialism, and no sentence that says the same word twice because the skill repeats the
 * template (or the title repeats the skill).
 */
import { normalizeKey } from '../text.ts';
import { CONCRETE_TERMS, isSoftSkill } from './lexicon.ts';

// ── a or an ──────────────────────────────────────────────────────────────────────────────────

/** Letters whose name starts with a vowel sound when an acronym is spelt out: "an FAQ", "an SQL". */
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX');
/** Words spelt with a vowel that start with a consonant sound: "a user", "a one-off", "a European". */
const CONSONANT_SOUND_START = /^(u[bcdfgklmnprstvz][aeiou]|u[nr]i|use|usu|ut[ie]|eu|ewe|one|once|ubiq)/i;
/** Words spelt with a consonant that start with a vowel sound: "an hour", "an honest". */
const VOWEL_SOUND_START = /^(hour|honest|honou?r|heir)/i;

/** An acronym is read letter by letter: "SQL", "AWS", "UX", "HTML" (but "SaaS", "Node.js" are words). */
function isSpeltOut(word: string): boolean {
  const letters = word.replace(/[^A-Za-z]/g, '');
  const caps = /^[A-Z]{2,}/.exec(letters)?.[0] ?? '';
  // "NASA"-style acronyms read as words are rare in job skills; the spelt-out reading is the safe default.
  return caps.length >= 2;
}

/** "an" or "a" for the word that follows, by its sound rather than its first letter. */
export function indefiniteArticle(nextWord: string): 'a' | 'an' {
  const word = nextWord.replace(/^[^A-Za-z0-9]+/, '');
  if (word === '') return 'a';
  if (/^[0-9]/.test(word)) return /^(8|11|18|80)/.test(word) ? 'an' : 'a';
  if (isSpeltOut(word)) return VOWEL_SOUND_LETTERS.has(word[0]!.toUpperCase()) ? 'an' : 'a';
  if (word.length === 1) return VOWEL_SOUND_LETTERS.has(word.toUpperCase()) ? 'an' : 'a';
  if (VOWEL_SOUND_START.test(word)) return 'an';
  if (CONSONANT_SOUND_START.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Every stand-alone "a"/"an" agrees with the sound of the word after it. */
export function fixArticles(text: string): string {
  return text.replace(/\b(a|an|A|An)(\s+)([^\s]+)/g, (_all, article: string, space: string, next: string) => {
    const right = indefiniteArticle(next);
    const capital = article[0] === 'A';
    return `${capital ? right[0]!.toUpperCase() + right.slice(1) : right}${space}${next}`;
  });
}

// ── what kind of name a skill is ─────────────────────────────────────────────────────────────

/** Nouns that name an activity or practice rather than a tool ("API design", "user research"). */
const PRACTICE_HEADS =
  /(?:ing|tion|sion|ment|ance|ence|ysis|ship|ity|ness|\b(?:design|research|strategy|planning|analytics|sales|care|support|operations|governance|writing|hygiene|safety|control|craft|literacy|lifecycle|search))$/i;

/**
 * A plural skill takes "are" and "them": "design systems", "REST APIs", "discovery calls". Names
 * ("Kubernetes", "AWS", "Node.js") and mass nouns ending in s ("analytics", "logistics") are singular.
 */
export function isPluralSkill(skill: string): boolean {
  const name = withoutAside(skill);
  const last = name.split(/\s+/).at(-1) ?? '';
  if (/^[A-Z]{2,}s$/.test(last)) return true; // "APIs", "SDKs"
  if (/[A-Z]/.test(last[0] ?? '') && name.split(/\s+/).length === 1) return false; // a name
  if (/(ss|us|is|ics|ous)$/i.test(last) || /[A-Z]S$/.test(last)) return false;
  if (/[0-9]s$/.test(last)) return true; // "1:1s"
  if (/^[A-Z]/.test(last) && !/s$/.test(last)) return false;
  return /[a-z]s$/.test(last) && !/^[A-Z][a-z]+es$/.test(last);
}

/** A word that reads as a name: "PostgreSQL", "AWS", "Node.js", "C#", "Power", "BI", "1:1s" excluded. */
const NAME_WORD = /^(?:[A-Z][\w.#+-]*|[\w-]*[.#+][\w.#+-]*)$/;

/**
 * A tool is something one builds with or runs: a named technology ("PostgreSQL", "Figma", "AWS",
 * "REST APIs", "Power BI"), not a practice ("API design", "Boolean search", "regular 1:1s") nor
 * a soft skill. Every word of a tool's name reads as a name, or the whole is a known tool.
 */
export function isToolSkill(skill: string): boolean {
  const s = withoutAside(skill);
  if (isSoftSkill(s) || PRACTICE_HEADS.test(s)) return false;
  if (CONCRETE_TERMS.includes(s.toLowerCase())) return true;
  return s.split(/\s+/).every((w) => NAME_WORD.test(w));
}

/** A skill without its parenthesised examples: "CI/CD (GitHub Actions, Argo CD)" → "CI/CD". */
function withoutAside(skill: string): string {
  return (
    skill
      .replace(/\s*\([^)]*\)/g, '')
      .replace(/\s+/g, ' ')
      .trim() || skill.trim()
  );
}

/**
 * A skill as it reads mid-sentence: without its parenthesised examples, and with common nouns
 * lower-cased ("User research" → "user research", "Forecasting in Salesforce" → "forecasting in
 * Salesforce"); names keep their capitals ("PostgreSQL", "Python", "Power BI", "Jira").
 */
export function skillInSentence(name: string): string {
  const n = withoutAside(name);
  if (CONCRETE_TERMS.includes(n.toLowerCase())) return n;
  const [first = '', ...rest] = n.split(' ');
  // A capitalised first word followed by an ordinary lower-case word starts a phrase, not a name.
  if (/^[A-Z][a-z]+(?:-[a-z]+)*$/.test(first) && rest.length > 0 && /^[a-z]/.test(rest[0]!)) {
    return [first.toLowerCase(), ...rest].join(' ');
  }
  if (rest.length === 0 && /^[A-Z][a-z]+(?:-[a-z]+)*$/.test(first)) {
    const commonNoun = PRACTICE_HEADS.test(first) || /(?:ity|ities|ness|ics)$/.test(first);
    return commonNoun || isSoftSkill(first) ? first.toLowerCase() : first;
  }
  return n;
}

/**
 * "{skill} work" as it reads: "Figma work", "user research work"; but "work on design systems"
 * for a plural, and for a long phrase ("work on discharge planning with the MDT").
 */
export function skillWork(skill: string): string {
  const s = skillInSentence(skill);
  const words = s.split(' ');
  const phrase = words.length > 3 || words.some((w) => /^(and|or|with|of|in|on|for|the|to|a|an)$/.test(w));
  return isPluralSkill(skill) || phrase ? `work on ${s}` : `${s} work`;
}

// ── the job title in a sentence ──────────────────────────────────────────────────────────────

/**
 * The title as it reads mid-sentence: without a parenthesised specialism or a trailing
 * qualifier ("Senior Backend Engineer (Node.js)" → "Senior Backend Engineer", "Designer – Payments"
 * → "Designer"). Empty when nothing is left.
 */
export function titleInSentence(title: string): string {
  return title
    .replace(/\s*[([{][^)\]}]*[)\]}]/g, ' ')
    .split(/\s+[-–—|/,:]\s+|,\s*/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
}

// ── words said twice ─────────────────────────────────────────────────────────────────────────

const FUNCTION_WORDS = new Set(
  'a an the and or of in on at to for with by from as is are be you your yours how what when why which who whom this that these those it its them they their do does did would could should can will about into over under than then there here not no more most first new'.split(
    ' ',
  ),
);

/** Content words, lower-cased and singular ("Systems" → "system"), for spotting repeats. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9+#.]*/g) ?? [])
    .map((w) => w.replace(/\.+$/, ''))
    .filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w))
    .map((w) => (/[^s]s$/.test(w) && !/(ics|us|is)$/.test(w) ? w.slice(0, -1) : w));
}

/** True when the title already names the skill: "Python Developer" and "Python". */
export function titleNamesSkill(title: string, skill: string): boolean {
  const t = ` ${normalizeKey(title)} `;
  return t.includes(` ${normalizeKey(skill)} `);
}
