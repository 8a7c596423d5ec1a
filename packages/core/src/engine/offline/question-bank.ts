/**
 * The offline interviewer's question bank. Every template names the job's skill, so two jobs
 * with different skills never share a question. Placeholders (filled by phrasing.ts, which also
 * fixes "a"/"an"):
 * - {skill}: the skill; {other}: a second skill of the job, for how skills fit together;
 * - {skill work}: "Figma work", or "work on design systems" for a plural skill;
 * - {is}, {it}: "is"/"are" and "it"/"them", agreeing with the skill;
 * - [ … {title} …]: an optional aside naming the job title; it is left out when the job has no
 *   title or the title already names the skill ("a Python Developer" asked about Python).
 * A template whose own words repeat a word of the skill ("design … API design") is not used
 * with that skill.
 *
 * `level` restricts a template to one seniority (preferred, not required, when the bank runs out);
 * `junior`/`senior` are alternative phrasings of the same question for that level.
 * `domains` restricts a template to jobs where it reads naturally (e.g. "production" for engineers).
 * `covers`: what a strong answer covers (its talking points), same placeholders.
 */
import type { QuestionCategory } from '../types.ts';
import type { Level } from './level.ts';

export type Domain = 'engineering' | 'data' | 'design' | 'product' | 'sales' | 'general';

export interface QuestionTemplate {
  id: string;
  category: QuestionCategory;
  text: string;
  junior?: string;
  senior?: string;
  level?: Level;
  domains?: Domain[];
  /**
   * which of the job's skills read naturally in the template: "tool" (a named technology one
   * builds with: "PostgreSQL", "Figma"), "hard" (a tool or a practice: "API design"), or "any"
   * (soft skills too: "stakeholder communication"). The planner prefers a fitting skill.
   */
  wants?: 'tool' | 'hard' | 'any';
  /** what a strong answer covers: 2–4 short talking points */
  covers: string[];
}

const T = 'technical' as const;
const B = 'behavioural' as const;
const S = 'situational' as const;

/** The four parts of a story told well; most behavioural questions want them. */
const STORY = [
  'a specific situation and what was at stake',
  'what you did yourself, not the team',
  'a result you can measure or observe',
];

export const QUESTION_BANK: readonly QuestionTemplate[] = [
  // ── technical: knowledge, judgement and craft in the job's skills ──────────────────────────
  {
    id: 't-core-concepts',
    category: T,
    wants: 'hard',
    text: 'Explain the core ideas of {skill} as you would to a new teammate, and say where you have applied them.',
    senior:
      'When {is} {skill} the wrong choice? Describe the trade-offs you weigh before using {it} on a new project.',
    covers: [
      'the key ideas in plain words',
      'where you applied them, with an example',
      'limits or trade-offs',
    ],
  },
  {
    id: 't-debug-production',
    category: T,
    wants: 'tool',
    domains: ['engineering', 'data'],
    text: 'Walk me through how you would track down a bug that only shows up in production, in a part of the system built on {skill}.',
    covers: [
      'gathering evidence first: logs, metrics, traces or a reproduction',
      'narrowing down with hypotheses you test one at a time',
      'the fix, how you verified it, and how you prevent a repeat',
    ],
  },
  {
    id: 't-performance',
    category: T,
    wants: 'tool',
    domains: ['engineering', 'data'],
    text: 'Something built with {skill} has become slow. How do you find the bottleneck, and how do you prove your fix worked?',
    covers: [
      'measuring before changing anything (profiling, query plans, timings)',
      'the likely causes you would check and why',
      'a before-and-after number that proves the fix',
    ],
  },
  {
    id: 't-testing',
    category: T,
    wants: 'hard',
    text: 'How do you check the quality of work that relies on {skill}? What do you automate or systematise, and what do you review by hand?',
    covers: [
      'the checks you automate, and at which stage',
      'what still needs a person’s review, and why',
      'how you know the checks catch real problems',
    ],
  },
  {
    id: 't-design',
    category: T,
    wants: 'tool',
    text: 'Outline how you would design a small piece of work[ for this {title} role] that uses {skill}. What are the main parts, and why?',
    senior:
      'Design a solution using {skill} that must cope with ten times today’s volume. What are the parts, and where would it break first?',
    covers: [
      'the main parts and how they connect',
      'why this design over an alternative',
      'what could fail, and how you would know',
    ],
  },
  {
    id: 't-common-mistakes',
    category: T,
    wants: 'hard',
    text: 'What are the most common mistakes people make with {skill}, and how do you avoid them in your own work?',
    covers: [
      'two or three concrete mistakes',
      'why they happen and what they cost',
      'the habit or check you use to avoid each',
    ],
  },
  {
    id: 't-hardest-work',
    category: T,
    wants: 'hard',
    text: 'Describe the most complex piece of work you have done with {skill}. What made it hard, and how did you handle that?',
    junior:
      'Describe the most challenging thing you have built or done with {skill} so far. What did you find hard?',
    covers: [
      'what the work was and why it was hard',
      'the decisions and actions that were yours',
      'how it turned out, and what you learned',
    ],
  },
  {
    id: 't-combine',
    category: T,
    wants: 'hard',
    text: 'How do {skill} and {other} fit together in your work? Give an example where you used both.',
    covers: [
      'what each one is for',
      'where they meet, and the friction there',
      'a real example that used both',
    ],
  },
  {
    id: 't-review',
    category: T,
    wants: 'hard',
    text: 'When you review someone else’s {skill work}, what do you look for first, and why?',
    covers: ['the first things you check, in order', 'why those matter most', 'how you give the feedback'],
  },
  {
    id: 't-learning',
    category: T,
    wants: 'hard',
    text: 'How do you keep your knowledge of {skill} current, and which recent change in the field has mattered to your work?',
    junior: 'How did you learn {skill}, and what would you study next to get noticeably better at {it}?',
    covers: [
      'how you learn (sources, practice, people)',
      'a specific recent change or next topic',
      'how it changed or will change your work',
    ],
  },
  {
    id: 't-risks',
    category: T,
    wants: 'hard',
    text: 'What risks come with {skill} (quality, security, reliability or cost), and how do you reduce them?',
    covers: [
      'specific risks, not a generic list',
      'the safeguard you use for each',
      'how you notice when a risk materialises',
    ],
  },
  {
    id: 't-metrics',
    category: T,
    wants: 'hard',
    text: 'How do you measure whether your {skill work} is succeeding? Which metrics or signals do you track, and why those?',
    covers: [
      'the metrics or signals you track',
      'why they reflect success rather than activity',
      'what you did when one moved the wrong way',
    ],
  },
  {
    id: 't-speed-vs-quality',
    category: T,
    wants: 'hard',
    text: 'Describe a decision in your {skill work} where you traded speed of delivery against quality. What did you choose, and why?',
    covers: [
      'the concrete decision and its context',
      'the options and what each would cost',
      'what you chose, why, and how it turned out',
    ],
  },
  {
    id: 't-inherit',
    category: T,
    wants: 'hard',
    text: 'You inherit an undocumented piece of {skill work} from someone who has left. How do you get productive and reduce risk in the first weeks?',
    covers: [
      'how you learn what exists and what depends on it',
      'the first safety nets you add',
      'what you document or hand on',
    ],
  },
  {
    id: 't-automate',
    category: T,
    wants: 'hard',
    text: 'Which part of day-to-day {skill work} would you automate or streamline first[ as a {title}], and how?',
    covers: [
      'the repetitive or error-prone step you pick',
      'how you would automate it',
      'how you would measure the time or errors saved',
    ],
  },
  {
    id: 't-incident',
    category: T,
    wants: 'tool',
    domains: ['engineering', 'data'],
    text: 'A system that depends on {skill} fails during peak usage. What do you check first, and how do you restore service?',
    senior:
      'A system that depends on {skill} fails during peak usage. How do you run the incident, restore service, and make sure it does not happen again?',
    covers: [
      'what you check first, and why',
      'restoring service before finding the root cause',
      'the follow-up that prevents a repeat',
    ],
  },
  {
    id: 't-document',
    category: T,
    wants: 'hard',
    text: 'How would you document your {skill work} so that someone else can maintain or reuse it?',
    covers: [
      'who the reader is and what they need',
      'what you write down (decisions, how-tos, examples)',
      'how you keep it current',
    ],
  },
  {
    id: 't-tools',
    category: T,
    wants: 'hard',
    text: 'Which tools or techniques do you rely on when working with {skill}, and what does each one give you?',
    covers: [
      'named tools or techniques',
      'what each one gives you',
      'when you would choose one over another',
    ],
  },
  {
    id: 't-estimate',
    category: T,
    wants: 'hard',
    text: 'How would you break down and estimate a new piece of work that relies on {skill}?',
    covers: [
      'splitting the work into parts you can size',
      'where the uncertainty is, and the buffer for it',
      'how you check the estimate as the work goes on',
    ],
  },
  {
    id: 't-misconception',
    category: T,
    wants: 'hard',
    text: 'What is one concept in {skill} that people often misunderstand? Explain it with a concrete example.',
    covers: ['the concept and the usual misunderstanding', 'a correct explanation', 'a concrete example'],
  },
  {
    id: 't-edge-cases',
    category: T,
    wants: 'tool',
    text: 'What edge cases or failure modes do you consider first when you build something with {skill}?',
    covers: ['specific edge cases or failure modes', 'why those first', 'how you test or guard against them'],
  },
  {
    id: 't-data-quality',
    category: T,
    wants: 'hard',
    domains: ['data', 'product'],
    text: 'How do you make sure the data behind your {skill work} is trustworthy before you draw conclusions from it?',
    covers: [
      'the checks you run on the data',
      'what you do when it fails them',
      'how you state the remaining uncertainty',
    ],
  },
  {
    id: 't-api-design',
    category: T,
    wants: 'tool',
    domains: ['engineering'],
    text: 'How would you design and version the interface (an API or a module boundary) of a service built on {skill} that other teams depend on?',
    covers: [
      'the shape of the interface and its contract',
      'versioning without breaking other teams',
      'how changes are communicated and tested',
    ],
  },
  {
    id: 't-design-critique',
    category: T,
    wants: 'tool',
    domains: ['design', 'product'],
    text: 'Walk me through how you would evaluate whether a solution built with {skill} actually works for users. What evidence would you gather?',
    covers: [
      'the evidence you would gather (tests, data, interviews)',
      'what would count as working',
      'what you would change based on it',
    ],
  },
  {
    id: 't-sales-process',
    category: T,
    wants: 'hard',
    domains: ['sales'],
    text: 'Walk me through how you apply {skill} at each stage of a deal, from first contact to close.',
    covers: ['each stage of the deal', 'what you do differently at each', 'an example deal and its outcome'],
  },
  {
    id: 't-junior-basics',
    category: T,
    wants: 'hard',
    level: 'junior',
    text: 'What are the first three things you would check when a task involving {skill} does not work as expected?',
    covers: ['three concrete checks, in order', 'why that order', 'when you would ask for help'],
  },
  {
    id: 't-senior-strategy',
    category: T,
    wants: 'hard',
    level: 'senior',
    text: 'How would you set standards for {skill} across a team, and how would you know they were working?',
    covers: [
      'the standards and why they matter',
      'how you get the team to adopt them',
      'the signal that shows they work',
    ],
  },

  // ── behavioural: "tell me about a time…", answered best with situation–task–action–result ─
  {
    id: 'b-learn-fast',
    category: B,
    text: 'Tell me about a time you had to learn {skill} quickly to deliver something. What did you do, and what was the result?',
    covers: ['what you had to deliver, and by when', 'how you learned fast', 'the result'],
  },
  {
    id: 'b-disagree',
    category: B,
    text: 'Describe a time you disagreed with a colleague about the right approach to {skill}. How did you resolve it?',
    covers: [
      'both positions, stated fairly',
      'how you resolved it (evidence, trial, compromise)',
      'the outcome and the relationship afterwards',
    ],
  },
  {
    id: 'b-mistake',
    category: B,
    text: 'Tell me about a mistake you made involving {skill}. What happened, and what did you change afterwards?',
    covers: [
      'the mistake, owned plainly',
      'how you limited the damage',
      'what you changed so it does not recur',
    ],
  },
  {
    id: 'b-deadline',
    category: B,
    text: 'Give an example of when {skill} helped you deliver under a tight deadline. What was at stake, and how did it turn out?',
    covers: STORY,
  },
  {
    id: 'b-critical-feedback',
    category: B,
    wants: 'hard',
    text: 'Tell me about a time you received critical feedback on your {skill work}. How did you respond?',
    covers: ['the feedback itself', 'how you responded in the moment', 'what you changed, and the effect'],
  },
  {
    id: 'b-explain-nonexpert',
    category: B,
    wants: 'hard',
    text: 'Describe a time you had to explain your {skill work} to someone without your background. How did you make sure they understood?',
    covers: [
      'who the audience was and what they needed',
      'how you adapted the explanation',
      'how you checked they understood',
    ],
  },
  {
    id: 'b-proud',
    category: B,
    wants: 'hard',
    text: 'Tell me about the {skill work} you are most proud of so far. What was your personal contribution?',
    covers: [
      'what the work was',
      'your own contribution, not the team’s',
      'why it matters to you, and its result',
    ],
  },
  {
    id: 'b-ownership',
    category: B,
    text: 'Tell me about a time you took ownership of a problem with {skill} that was not strictly yours to fix.',
    covers: ['why it was not yours, and why you stepped in', 'what you did', 'the result'],
  },
  {
    id: 'b-helped-teammate',
    category: B,
    text: 'Describe a time you helped a teammate get better at {skill}. What did you do, and what changed?',
    senior: 'Tell me about someone you mentored in {skill}. How did you approach it, and how did they grow?',
    covers: [
      'where they started',
      'how you helped (not just what you told them)',
      'the change you saw in them',
    ],
  },
  {
    id: 'b-failed-project',
    category: B,
    wants: 'hard',
    text: 'Tell me about a time a piece of {skill work} failed or was cancelled. What did you learn from it?',
    covers: ['what failed and why', 'your part in it', 'what you do differently now'],
  },
  {
    id: 'b-prioritise',
    category: B,
    wants: 'hard',
    text: 'Describe a time you had more {skill work} than time. How did you decide what to do first?',
    covers: [
      'the competing work',
      'the criteria you used to decide',
      'what you dropped or delayed, and the outcome',
    ],
  },
  {
    id: 'b-improved-process',
    category: B,
    text: 'Tell me about a time you improved the way your team approaches {skill}. How did you measure the improvement?',
    covers: [
      'what was wrong before',
      'the change you made and how you got buy-in',
      'the measured improvement',
    ],
  },
  {
    id: 'b-difficult-stakeholder',
    category: B,
    wants: 'hard',
    text: 'Tell me about a time you worked with a difficult stakeholder on something that involved {skill}. What did you do, and how did it end?',
    covers: ['what made them difficult', 'how you understood their needs', 'the outcome'],
  },
  {
    id: 'b-beyond',
    category: B,
    wants: 'hard',
    text: 'Describe a time you went beyond what was asked of you in your {skill work}[ as a {title}]. Why, and what was the result?',
    covers: STORY,
  },
  {
    id: 'b-incomplete-info',
    category: B,
    text: 'Tell me about a time you had to make a decision about {skill} with incomplete information. How did you decide?',
    covers: [
      'what was unknown',
      'how you decided anyway (assumptions, small bets)',
      'how it turned out, and what you would keep',
    ],
  },
  {
    id: 'b-changed-mind',
    category: B,
    text: 'Give an example of a time you changed your mind about {skill} because of evidence or feedback.',
    covers: ['what you believed before', 'the evidence or feedback', 'what you do now'],
  },
  {
    id: 'b-cross-team',
    category: B,
    wants: 'hard',
    text: 'Tell me about a time you worked with another team to get a piece of {skill work} over the line.',
    covers: ['what each team needed', 'how you aligned them', 'the result'],
  },
  {
    id: 'b-hardest-problem',
    category: B,
    text: 'Tell me about the hardest problem you have solved with {skill}. What was your role, and what was the outcome?',
    covers: STORY,
  },
  {
    id: 'b-led-change',
    category: B,
    level: 'senior',
    text: 'Tell me about a time you led a team through a significant change in how it approaches {skill}.',
    covers: [
      'why the change was needed',
      'how you brought people along',
      'the result, and what you would do differently',
    ],
  },
  {
    id: 'b-first-project',
    category: B,
    level: 'junior',
    text: 'Tell me about a course, personal or work project where you used {skill}. What did you do yourself?',
    covers: ['what the project was', 'what you did yourself', 'what you learned'],
  },

  // ── situational: "what would you do if…", answered best with a plan, reasons and follow-through ─
  {
    id: 's-half-time',
    category: S,
    wants: 'hard',
    text: 'Your manager asks you to deliver work that relies on {skill} in half the usual time. What would you do?',
    covers: [
      'clarifying what matters most',
      'the options (cut scope, add help, accept risk) and their costs',
      'how you agree the plan with your manager',
    ],
  },
  {
    id: 's-shipped-error',
    category: S,
    wants: 'hard',
    text: 'You discover a serious error in {skill work} that has already been delivered. How would you handle it?',
    covers: [
      'assessing the impact',
      'telling the people affected, early',
      'fixing it and preventing a repeat',
    ],
  },
  {
    id: 's-stakeholder-wrong',
    category: S,
    text: 'A stakeholder insists on an approach to {skill} that you believe is wrong. What would you do?',
    covers: [
      'understanding why they want it',
      'making your case with evidence',
      'how you would decide and commit',
    ],
  },
  {
    id: 's-first-week',
    category: S,
    text: 'In your first week[ as a {title}], you find that the team handles {skill} inconsistently. How would you approach it?',
    covers: [
      'learning why before changing anything',
      'a small first step the team agrees on',
      'how you would know it helped',
    ],
  },
  {
    id: 's-conflicting-priorities',
    category: S,
    wants: 'hard',
    text: 'Two senior people give you conflicting priorities for your {skill work}. What would you do?',
    covers: [
      'making the conflict visible to both',
      'the criteria for deciding',
      'getting a decision and keeping both informed',
    ],
  },
  {
    id: 's-never-done',
    category: S,
    wants: 'hard',
    text: 'You are asked to use {skill} for something you have never done before, due next week. How would you proceed?',
    covers: [
      'how you would learn quickly',
      'how you would reduce the risk (a spike, a review, help)',
      'when you would raise a concern about the date',
    ],
  },
  {
    id: 's-teammate-late',
    category: S,
    wants: 'hard',
    text: 'A teammate keeps missing deadlines on shared {skill work}, and it is holding up yours. What would you do?',
    covers: ['talking to them first, privately', 'finding the cause', 'when and how you would escalate'],
  },
  {
    id: 's-user-unhappy',
    category: S,
    wants: 'hard',
    text: 'A customer says the result of your {skill work} does not meet their needs. How would you respond?',
    covers: [
      'understanding the gap in their words',
      'what you would change, and how fast',
      'how you would confirm they are satisfied',
    ],
  },
  {
    id: 's-will-not-scale',
    category: S,
    text: 'Halfway through a project you realise your approach to {skill} will not scale. What would you do?',
    covers: [
      'confirming the problem with evidence',
      'the options and their cost',
      'telling people and re-planning',
    ],
  },
  {
    id: 's-bad-news',
    category: S,
    wants: 'hard',
    text: 'You have to present disappointing results from your {skill work} to leadership. How would you prepare and deliver the message?',
    covers: [
      'stating the result plainly, early',
      'the causes and what you learned',
      'the next steps you propose',
    ],
  },
  {
    id: 's-cut-scope',
    category: S,
    wants: 'hard',
    text: 'Your team must cut scope on a project that relies on {skill}. How would you decide what to drop?',
    covers: [
      'the criteria (value, risk, effort)',
      'who you involve in the decision',
      'how you communicate what was dropped',
    ],
  },
  {
    id: 's-shortcut',
    category: S,
    text: 'You notice a colleague taking a shortcut with {skill} that could cause problems later. What would you do?',
    covers: [
      'raising it with them directly',
      'the concrete risk you see',
      'what you would do if they disagree',
    ],
  },
  {
    id: 's-hour-before',
    category: S,
    text: 'A critical problem with {skill} appears an hour before an important launch. Walk me through that hour.',
    covers: ['assessing severity fast', 'the go / no-go decision and who makes it', 'communicating the plan'],
  },
  {
    id: 's-unknowns-estimate',
    category: S,
    wants: 'hard',
    text: 'You are asked for an estimate on a project that relies on {skill} and is full of unknowns. How would you give a useful one?',
    covers: [
      'a range rather than a single number',
      'reducing the biggest unknowns first',
      'when you would revise it',
    ],
  },
  {
    id: 's-resistance',
    category: S,
    wants: 'hard',
    text: 'Your team is reluctant to adopt {skill} more widely. How would you win people over?',
    covers: [
      'understanding the objections',
      'a small proof that it helps',
      'how you would support the change',
    ],
  },
  {
    id: 's-vague-requirements',
    category: S,
    wants: 'hard',
    text: 'You receive vague requirements for a piece of {skill work}. What would you do before starting?',
    covers: [
      'the questions you would ask, and of whom',
      'writing down assumptions',
      'agreeing what done looks like',
    ],
  },
  {
    id: 's-no-docs',
    category: S,
    text: 'You take over responsibility for {skill} in a team with no documentation, and the previous owner has left. What would you do first?',
    covers: [
      'finding out what exists and who depends on it',
      'the riskiest gaps first',
      'writing down what you learn',
    ],
  },
  {
    id: 's-quick-win',
    category: S,
    wants: 'hard',
    text: 'Leadership asks for a quick win using {skill} in your first month[ as a {title}]. How would you choose and deliver it?',
    covers: [
      'how you would pick the win (value, effort, visibility)',
      'the plan to deliver it',
      'how you would show the result',
    ],
  },
  {
    id: 's-build-or-buy',
    category: S,
    wants: 'hard',
    level: 'senior',
    text: 'You must decide whether to build your own tooling for {skill} or buy a product. How would you decide?',
    covers: [
      'the criteria (cost, fit, time, maintenance)',
      'how you would compare the options',
      'the risks of each choice',
    ],
  },
  {
    id: 's-stuck',
    category: S,
    level: 'junior',
    text: 'You are stuck on a problem with {skill}, and the senior colleague who could help is busy all week. What would you do?',
    covers: [
      'what you would try on your own first',
      'other people or resources to ask',
      'how you would use the colleague’s time well',
    ],
  },
];

/**
 * Questions built on what the job's own posting says (engine/posting.ts): its figures (scale,
 * targets, peaks), its responsibilities and the tools it names. The planner puts at most one of
 * each in a plan, in a slot of the same category, so a pasted posting is visibly the one asked
 * about. Placeholders: {facts} (one or two figures, "a 99.99 % SLO and Black Friday peaks"),
 * {duty} (a responsibility as the posting words it), {tool} (a named tool), and {skill}/{skill
 * work} as in the bank. `covers` uses only {skill}, so talking points can be recovered later.
 */
export interface PostingTemplate {
  id: string;
  category: QuestionCategory;
  needs: 'facts' | 'duty' | 'tool';
  text: string;
  covers: string[];
}

export const POSTING_TEMPLATES: readonly PostingTemplate[] = [
  {
    id: 'p-facts-situational',
    category: S,
    needs: 'facts',
    // no {skill}: the figures are about the whole job ("a $1.2M quota" is not "Salesforce work")
    text: 'The posting mentions {facts}. What would you do in your first months to be ready for that, and how would you know it is holding up?',
    covers: [
      'what the figures ask of the role in practice',
      'concrete preparation, most important first',
      'the signals you would watch, and what you would do when they slip',
    ],
  },
  {
    id: 'p-facts-technical',
    category: T,
    needs: 'facts',
    text: 'The posting mentions {facts}. Which choices in {skill} would you make or check first to meet that, and why?',
    covers: [
      'what the figures mean as a requirement (load, error budget, deadline)',
      'the choices in {skill} that decide whether it is met',
      'how you would test or measure it before it matters',
    ],
  },
  {
    id: 'p-duty-behavioural',
    category: B,
    needs: 'duty',
    text: 'One responsibility in the posting is: “{duty}”. Tell me about a time you did something similar: what was at stake, what you did yourself, and the result.',
    covers: STORY,
  },
  {
    id: 'p-tool-technical',
    category: T,
    needs: 'tool',
    text: 'The posting names {tool}. Describe the most demanding thing you have done with {tool}, what went wrong, and what you would set up differently now.',
    covers: [
      'a real piece of work and its scale',
      'a problem you met and how you found its cause',
      'what you learned and would change',
    ],
  },
];
