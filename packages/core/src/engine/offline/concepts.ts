/**
 * Groups of words that talk about the same thing in interviews. Relevance counts a question term
 * as addressed when the answer uses the term itself or a word from the same group: an answer about
 * ranking work by impact and effort is about prioritising even if it never says "prioritise".
 *
 * The groups are general interview vocabulary across the roles in the catalogue (engineering,
 * data, product, design, sales), not words picked from particular answers.
 */
import { stem } from '../text.ts';

const GROUPS: string[] = [
  // ways of working
  'prioritise prioritize priority priorities rank ranking ranked urgent important impact effort matrix triage backlog focus trade-off rice moscow',
  'deadline deadlines late tight urgent quick quickly time week weeks schedule delay',
  'mistake mistakes error errors wrong failure failed fail bug bugs incident outage broke',
  'problem problems issue issues bug bugs error errors incident challenge',
  'ownership own owned owner responsibility responsible accountable stepped took investigate',
  'disagree disagreed disagreement conflict push pushback concern concerns objection insist insisted compromise convince persuade alternative',
  'feedback criticism critique review reviewed comments',
  'learn learned learnt learning study studied course tutorial documentation practice',
  'explain explained explaining present presented presentation slides deck chart communicate communication tell told inform informed message update',
  'leadership leaders leader executive executives director ceo cto vp management board',
  'stakeholder stakeholders manager director ceo sponsor client customer sales leadership team',
  'disappointing disappointed negative bad poor miss missed below failed honest worse',
  'estimate estimation estimates forecast forecasting predict prediction commit sizing',
  'mentor mentored mentoring coach coaching teach taught junior onboard pair',
  'scope cut drop dropped descoped mvp minimum',
  'requirement requirements vague unclear ambiguous clarify assumptions brief',
  // engineering
  'slow slowness latency fast faster speed performance bottleneck p95 p99 ms timeout throughput query queries index profile',
  'scale scaling load traffic volume growth capacity shard replica',
  'bug debug debugging trace tracing logs logging reproduce root cause',
  'api apis endpoint endpoints rest service services request requests http',
  'test testing tests tested unit integration coverage qa regression',
  'deploy deployment release rollout rollback ship shipped production',
  'database postgresql postgres sql query queries table tables index schema',
  'security secure vulnerability auth authentication permission encryption',
  // data
  'experiment experiments a/b variant variants control treatment random randomise randomize significance significant sample power lift conversion split group groups winner stats statistics statistical',
  'data dataset datasets analysis analyse analyze analysed sql python metric metrics numbers',
  'dashboard dashboards tableau looker chart charts visualisation visualization report reporting',
  // product
  'feature features functionality request requests build roadmap',
  'user users customer customers client clients people',
  'activation retention churn engagement adoption onboarding',
  // design
  'design designs designed layout screen screens prototype prototypes wireframe mockup figma interface ui ux',
  'research interview interviews usability survey insight insights finding findings tested participants',
  'accessible accessibility contrast screen-reader voiceover keyboard wcag label labels aria focus assistive colour colours color colors readable legible guidelines disabilities',
  // sales
  'negotiation negotiate negotiated discount discounts price pricing terms contract procurement concession',
  'deal deals contract opportunity opportunities prospect prospects close closed closing signed won',
  'pipeline pipelines opportunity opportunities forecast crm salesforce stage stages quota coverage',
  'discovery qualify qualification pain needs questions',
];

const related = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = new Set(group.split(/\s+/).map(stem));
  for (const s of stems) {
    const set = related.get(s) ?? new Set<string>();
    for (const o of stems) if (o !== s) set.add(o);
    related.set(s, set);
  }
}

/** Stems that count as talking about the same thing as `s` (not including `s`). */
export function relatedStems(s: string): ReadonlySet<string> {
  return related.get(s) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();
