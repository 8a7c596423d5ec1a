/**
 * The offline interviewer's question bank. Every template names the job's skill ({skill}), and
 * many its title ({title}), so two jobs with different skills never share a question. {other} is a second skill of the
 * job, for questions about how skills fit together.
 *
 * `level` restricts a template to one seniority (preferred, not required, when the bank runs out);
 * `junior`/`senior` are alternative phrasings of the same question for that level.
 * `domains` restricts a template to jobs where it reads naturally (e.g. "production" for engineers).
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
  /** which of the job's skills suits the template: "hard" (tools, methods) or "any" */
  wants?: 'hard' | 'any';
}

const T = 'technical' as const;
const B = 'behavioural' as const;
const S = 'situational' as const;

export const QUESTION_BANK: readonly QuestionTemplate[] = [
  // ── technical: knowledge, judgement and craft in the job's skills ──────────────────────────
  {
    id: 't-core-concepts',
    category: T,
    wants: 'hard',
    text: 'Explain the core ideas of {skill} as you would to a new teammate, and say where you have applied them.',
    senior:
      'When is {skill} the wrong choice? Describe the trade-offs you weigh before using it on a new project.',
  },
  {
    id: 't-debug-production',
    category: T,
    wants: 'hard',
    domains: ['engineering', 'data'],
    text: 'Walk me through how you would track down a bug in a {skill} component that only shows up in production.',
  },
  {
    id: 't-performance',
    category: T,
    wants: 'hard',
    domains: ['engineering', 'data'],
    text: 'Something built with {skill} has become slow. How do you find the bottleneck, and how do you prove your fix worked?',
  },
  {
    id: 't-testing',
    category: T,
    wants: 'hard',
    text: 'How do you check the quality of work that relies on {skill}? What do you automate or systematise, and what do you review by hand?',
  },
  {
    id: 't-design',
    category: T,
    wants: 'hard',
    text: 'Outline how you would design a small piece of work for this {title} role that uses {skill}. What are the main parts, and why?',
    senior:
      'Design an approach built on {skill} that must cope with ten times today’s volume. What are the parts, and where would it break first?',
  },
  {
    id: 't-common-mistakes',
    category: T,
    wants: 'hard',
    text: 'What are the most common mistakes people make with {skill}, and how do you avoid them in your own work?',
  },
  {
    id: 't-hardest-work',
    category: T,
    wants: 'hard',
    text: 'Describe the most complex piece of work you have done with {skill}. What made it hard, and how did you handle that?',
    junior:
      'Describe the most challenging thing you have built or done with {skill} so far. What did you find hard?',
  },
  {
    id: 't-combine',
    category: T,
    wants: 'hard',
    text: 'How do {skill} and {other} fit together in your work? Give an example where you used both.',
  },
  {
    id: 't-review',
    category: T,
    wants: 'hard',
    text: 'When you review someone else’s {skill} work, what do you look for first, and why?',
  },
  {
    id: 't-learning',
    category: T,
    wants: 'hard',
    text: 'How do you keep your {skill} knowledge current, and which recent change in {skill} has mattered to your work?',
    junior: 'How did you learn {skill}, and what would you study next to get noticeably better at it?',
  },
  {
    id: 't-risks',
    category: T,
    wants: 'hard',
    text: 'What risks come with {skill} (quality, security, reliability or cost), and how do you reduce them?',
  },
  {
    id: 't-metrics',
    category: T,
    wants: 'hard',
    text: 'How do you measure whether your {skill} work is succeeding? Which metrics or signals do you track, and why those?',
  },
  {
    id: 't-speed-vs-quality',
    category: T,
    wants: 'hard',
    text: 'Describe a decision in {skill} work where you traded speed of delivery against quality. What did you choose, and why?',
  },
  {
    id: 't-inherit',
    category: T,
    wants: 'hard',
    text: 'You inherit an undocumented piece of {skill} work from someone who has left. How do you get productive and reduce risk in the first weeks?',
  },
  {
    id: 't-automate',
    category: T,
    wants: 'hard',
    text: 'Which part of day-to-day {skill} work would you automate or streamline first in a {title} role, and how?',
  },
  {
    id: 't-incident',
    category: T,
    wants: 'hard',
    domains: ['engineering', 'data'],
    text: 'A system that depends on {skill} fails during peak usage. What do you check first, and how do you restore service?',
    senior:
      'A system that depends on {skill} fails during peak usage. How do you run the incident, restore service, and make sure it does not happen again?',
  },
  {
    id: 't-document',
    category: T,
    wants: 'hard',
    text: 'How would you document a {skill} solution so that someone else can maintain or reuse it?',
  },
  {
    id: 't-tools',
    category: T,
    wants: 'hard',
    text: 'Which tools or techniques do you rely on when working with {skill}, and what does each one give you?',
  },
  {
    id: 't-estimate',
    category: T,
    wants: 'hard',
    text: 'How would you break down and estimate a new piece of {skill} work as a {title}?',
  },
  {
    id: 't-misconception',
    category: T,
    wants: 'hard',
    text: 'What is one concept in {skill} that people often misunderstand? Explain it with a concrete example.',
  },
  {
    id: 't-edge-cases',
    category: T,
    wants: 'hard',
    text: 'What edge cases or failure modes do you consider first when you build something with {skill}?',
  },
  {
    id: 't-data-quality',
    category: T,
    wants: 'hard',
    domains: ['data', 'product'],
    text: 'How do you make sure the data behind your {skill} work is trustworthy before you draw conclusions from it?',
  },
  {
    id: 't-api-design',
    category: T,
    wants: 'hard',
    domains: ['engineering'],
    text: 'How would you design and version an interface (API or module boundary) for a {skill} service that other teams depend on?',
  },
  {
    id: 't-design-critique',
    category: T,
    wants: 'hard',
    domains: ['design', 'product'],
    text: 'Walk me through how you would evaluate whether a {skill} solution actually works for users. What evidence would you gather?',
  },
  {
    id: 't-sales-process',
    category: T,
    wants: 'hard',
    domains: ['sales'],
    text: 'Walk me through how you apply {skill} at each stage of a deal, from first contact to close.',
  },
  {
    id: 't-junior-basics',
    category: T,
    wants: 'hard',
    level: 'junior',
    text: 'What are the first three things you would check when a task involving {skill} does not work as expected?',
  },
  {
    id: 't-senior-strategy',
    category: T,
    wants: 'hard',
    level: 'senior',
    text: 'How would you set the {skill} standards for a team of {title}s, and how would you know they were working?',
  },

  // ── behavioural: "tell me about a time…", answered best with situation–task–action–result ─
  {
    id: 'b-learn-fast',
    category: B,
    text: 'Tell me about a time you had to learn {skill} quickly to deliver something. What did you do, and what was the result?',
  },
  {
    id: 'b-disagree',
    category: B,
    text: 'Describe a time you disagreed with a colleague about how to approach {skill} work. How did you resolve it?',
  },
  {
    id: 'b-mistake',
    category: B,
    text: 'Tell me about a mistake you made involving {skill}. What happened, and what did you change afterwards?',
  },
  {
    id: 'b-deadline',
    category: B,
    text: 'Give an example of when you used {skill} to deliver under a tight deadline. What was at stake, and how did it turn out?',
  },
  {
    id: 'b-critical-feedback',
    category: B,
    text: 'Tell me about a time you received critical feedback on your {skill} work. How did you respond?',
  },
  {
    id: 'b-explain-nonexpert',
    category: B,
    text: 'Describe a time you had to explain {skill} work to someone without your background. How did you make sure they understood?',
  },
  {
    id: 'b-proud',
    category: B,
    text: 'Tell me about the {skill} work you are most proud of so far. What was your personal contribution?',
  },
  {
    id: 'b-ownership',
    category: B,
    text: 'Tell me about a time you took ownership of a {skill} problem that was not strictly yours to fix.',
  },
  {
    id: 'b-helped-teammate',
    category: B,
    text: 'Describe a time you helped a teammate get better at {skill}. What did you do, and what changed?',
    senior: 'Tell me about someone you mentored in {skill}. How did you approach it, and how did they grow?',
  },
  {
    id: 'b-failed-project',
    category: B,
    text: 'Tell me about a time a piece of {skill} work failed or was cancelled. What did you learn from it?',
  },
  {
    id: 'b-prioritise',
    category: B,
    text: 'Describe a time you had more {skill} work than time. How did you decide what to do first?',
  },
  {
    id: 'b-improved-process',
    category: B,
    text: 'Tell me about a time you improved the way your team does {skill} work. How did you measure the improvement?',
  },
  {
    id: 'b-difficult-stakeholder',
    category: B,
    text: 'Tell me about a time you worked with a difficult stakeholder on {skill} work. What did you do, and how did it end?',
  },
  {
    id: 'b-beyond',
    category: B,
    text: 'Describe a time you went beyond what was asked of you in {skill} work as a {title}. Why, and what was the result?',
  },
  {
    id: 'b-incomplete-info',
    category: B,
    text: 'Tell me about a time you had to make a {skill} decision with incomplete information. How did you decide?',
  },
  {
    id: 'b-changed-mind',
    category: B,
    text: 'Give an example of a time you changed your mind about {skill} because of evidence or feedback.',
  },
  {
    id: 'b-cross-team',
    category: B,
    text: 'Tell me about a time you worked with another team to get a {skill} deliverable over the line.',
  },
  {
    id: 'b-hardest-problem',
    category: B,
    text: 'Tell me about the hardest problem you have solved with {skill}. What was your role, and what was the outcome?',
  },
  {
    id: 'b-led-change',
    category: B,
    level: 'senior',
    text: 'Tell me about a time you led a team through a significant change in how it uses {skill}.',
  },
  {
    id: 'b-first-project',
    category: B,
    level: 'junior',
    text: 'Tell me about a course, personal or work project where you used {skill}. What did you do yourself?',
  },

  // ── situational: "what would you do if…", answered best with a plan, reasons and follow-through ─
  {
    id: 's-half-time',
    category: S,
    text: 'Your manager asks you to deliver a {skill} task in half the usual time. What would you do?',
  },
  {
    id: 's-shipped-error',
    category: S,
    text: 'You discover a serious error in {skill} work that has already been delivered. How would you handle it?',
  },
  {
    id: 's-stakeholder-wrong',
    category: S,
    text: 'A stakeholder insists on an approach to {skill} that you believe is wrong. What would you do?',
  },
  {
    id: 's-first-week',
    category: S,
    text: 'In your first week as a {title}, you find that the team’s {skill} practices are inconsistent. How would you approach it?',
  },
  {
    id: 's-conflicting-priorities',
    category: S,
    text: 'Two senior people give you conflicting priorities for your {skill} work. What would you do?',
  },
  {
    id: 's-never-done',
    category: S,
    text: 'You are asked to use {skill} for something you have never done before, due next week. How would you proceed?',
  },
  {
    id: 's-teammate-late',
    category: S,
    text: 'A teammate keeps missing deadlines on shared {skill} work, and it is holding up yours. What would you do?',
  },
  {
    id: 's-user-unhappy',
    category: S,
    text: 'A customer says the result of your {skill} work does not meet their needs. How would you respond?',
  },
  {
    id: 's-will-not-scale',
    category: S,
    text: 'Halfway through a project you realise your {skill} approach will not scale. What would you do?',
  },
  {
    id: 's-bad-news',
    category: S,
    text: 'You have to present disappointing {skill} results to leadership. How would you prepare and deliver the message?',
  },
  {
    id: 's-cut-scope',
    category: S,
    text: 'Your team must cut scope on a {skill} deliverable. How would you decide what to drop?',
  },
  {
    id: 's-shortcut',
    category: S,
    text: 'You notice a colleague taking a shortcut with {skill} that could cause problems later. What would you do?',
  },
  {
    id: 's-hour-before',
    category: S,
    text: 'A critical {skill} issue appears an hour before an important launch. Walk me through that hour.',
  },
  {
    id: 's-unknowns-estimate',
    category: S,
    text: 'You are asked for an estimate on a {skill} project full of unknowns. How would you give a useful one?',
  },
  {
    id: 's-resistance',
    category: S,
    text: 'Your {title} team is reluctant to adopt {skill} more widely. How would you win people over?',
  },
  {
    id: 's-vague-requirements',
    category: S,
    text: 'You receive vague requirements for a piece of {skill} work. What would you do before starting?',
  },
  {
    id: 's-no-docs',
    category: S,
    text: 'You take over a {skill} area with no documentation, and the previous owner has left. What would you do first?',
  },
  {
    id: 's-quick-win',
    category: S,
    text: 'Leadership asks for a quick win using {skill} in your first month as a {title}. How would you choose and deliver it?',
  },
  {
    id: 's-build-or-buy',
    category: S,
    level: 'senior',
    text: 'You must choose between building a {skill} capability in-house and buying a tool. How would you decide?',
  },
  {
    id: 's-stuck',
    category: S,
    level: 'junior',
    text: 'You are stuck on a {skill} problem and the senior colleague who could help is busy all week. What would you do?',
  },
];
