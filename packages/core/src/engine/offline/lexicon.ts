/**
 * Word lists behind the offline rubric. Each list is a plain, reviewable statement of what the
 * rubric counts as a signal; nothing here is tuned to particular answers.
 */
import type { Domain } from './question-bank.ts';

/**
 * Concrete tools, technologies and methods across the roles the catalogue covers. Naming one is
 * "specificity": it shows the candidate did the work with something real.
 */
const CONCRETE_TERM_TEXT: Record<string, string> = {
  engineering: `
    python, java, javascript, typescript, node.js, golang, rust, c++, c#, ruby, php, kotlin, scala,
    react, vue, angular, next.js, django, flask, fastapi, rails, graphql, grpc, postgresql, postgres,
    mysql, sqlite, mongodb, redis, kafka, rabbitmq, elasticsearch, dynamodb, cassandra, docker,
    kubernetes, k8s, terraform, ansible, helm, aws, gcp, azure, lambda, s3, ec2, cloudfront, nginx,
    linux, git, github, gitlab, jenkins, ci/cd, prometheus, grafana, datadog, sentry, opentelemetry,
    jaeger, pagerduty, jest, vitest, pytest, playwright, cypress, selenium, webpack, vite, cache,
    caching, queue, sharding, replica, migration, profiler, flame graph, load test, unit test,
    unit tests, integration tests, feature flag, rollback, oauth, jwt, tls, websocket, microservice,
    microservices, monolith, explain analyze, canary release, database index
  `,
  data: `
    sql, pandas, numpy, pyspark, airflow, dbt, snowflake, bigquery, redshift, databricks, tableau,
    looker, power bi, jupyter, scikit-learn, sklearn, pytorch, tensorflow, xgboost, regression,
    logistic regression, random forest, a/b test, a/b tests, a/b testing, p-value, confidence interval,
    cohort, cohorts, funnel, dashboard, etl, pipeline, window function, cte, apache spark, sql join,
    microsoft excel
  `,
  product: `
    jira, confluence, amplitude, mixpanel, google analytics, okr, okrs, kpi, kpis, roadmap, nps,
    retention, churn, activation, conversion, prd, user story, user stories, mvp, backlog, experiment,
    rice score, sprint planning, product demo
  `,
  design: `
    figma, adobe xd, photoshop, illustrator, miro, prototype, prototypes, wireframe, wireframes,
    usability test, usability testing, user interviews, design system, accessibility, wcag, heuristic,
    journey map, personas, persona, card sorting
  `,
  sales: `
    salesforce, hubspot, crm, pipeline, quota, meddic, meddpicc, bant, gong, outreach,
    linkedin sales navigator, discovery call, proposal, arr, acv, mrr, upsell, renewal, poc,
    economic buyer, procurement, forecast
  `,
};
export const CONCRETE_TERMS: readonly string[] = Object.values(CONCRETE_TERM_TEXT).flatMap((t) =>
  t
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean),
);

/** Common soft skills: used to phrase questions naturally and to prefer them in behavioural questions. */
export const SOFT_SKILL_WORDS =
  /\b(communicat\w*|leadership|lead(ing)? teams?|teamwork|team ?player|collaborat\w*|stakeholder\w*|negotiat\w*|present\w*|mentor\w*|coach\w*|problem[- ]solving|time management|prioriti[sz]\w*|empathy|storytelling|ownership|adaptab\w*|conflict\w*|customer (focus|service|obsession)|relationship\w*|interpersonal|organi[sz]ation(al)?|attention to detail|critical thinking|curiosity|accountab\w*|written|verbal|influenc\w*|self[- ]motivat\w*|initiative|resilien\w*)\b/i;

export function isSoftSkill(skill: string): boolean {
  return SOFT_SKILL_WORDS.test(skill);
}

const DOMAIN_PATTERNS: [Domain, RegExp][] = [
  ['data', /\b(data|analyst|analytics|scientist|machine learning|ml engineer|bi developer|statistic\w*)\b/i],
  [
    'design',
    /\b(designer|design lead|ux|ui|user experience|product design|interaction design|visual design)\b/i,
  ],
  ['product', /\b(product manager|product owner|product lead|pm\b|head of product|program manager)\b/i],
  [
    'sales',
    /\b(sales|account executive|account manager|business development|bdr|sdr|customer success|partnerships)\b/i,
  ],
  [
    'engineering',
    /\b(engineer\w*|developer|programmer|devops|sre|architect|software|backend|back-end|frontend|front-end|full[- ]stack|mobile|qa)\b/i,
  ],
];

/** The kind of role, from its title first (most reliable) and then its description. */
export function detectDomain(title: string, description: string): Domain {
  for (const [domain, re] of DOMAIN_PATTERNS) if (re.test(title)) return domain;
  for (const [domain, re] of DOMAIN_PATTERNS) if (re.test(description)) return domain;
  return 'general';
}
