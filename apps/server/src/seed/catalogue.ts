import type { CreateJobInput } from '@ai-interviewer/core';

/** A realistic public catalogue across engineering, data, product, design and sales. */
export const catalogue: Omit<CreateJobInput, 'visibility'>[] = [
  {
    title: 'Senior Backend Engineer (Node.js)',
    description:
      'Own the services behind our payments platform: design APIs, model data in PostgreSQL, keep p99 latency low and on-call calm. You will mentor two engineers and work closely with product on a roadmap of reliability and new features.',
    skills: 'Node.js, TypeScript, PostgreSQL, API design, observability, system design, mentoring',
    experience: '5+ yrs',
  },
  {
    title: 'Frontend Engineer (React)',
    description:
      'Build the candidate-facing web app: accessible, fast React interfaces, a design system shared with the mobile team, and measured performance on low-end phones.',
    skills: 'React, TypeScript, accessibility, CSS, performance, testing',
    experience: '2-4 yrs',
  },
  {
    title: 'Junior Full-Stack Developer',
    description:
      'Join a small team shipping features end to end: a React front end, a Node.js API and a PostgreSQL database. Pairing, code review and a learning budget included.',
    skills: 'JavaScript, React, Node.js, SQL, Git, communication',
    experience: '0-2 yrs',
  },
  {
    title: 'Site Reliability Engineer',
    description:
      'Keep a multi-region Kubernetes platform available: SLOs, incident response, capacity planning and automation that removes toil.',
    skills: 'Kubernetes, Terraform, Linux, monitoring, incident management, Go',
    experience: '4+ yrs',
  },
  {
    title: 'Data Analyst',
    description:
      'Turn product and sales data into decisions: dashboards leadership trusts, ad-hoc analyses, and experiments designed with the product team.',
    skills: 'SQL, Python, statistics, data visualisation, A/B testing, stakeholder communication',
    experience: '1-3 yrs',
  },
  {
    title: 'Machine Learning Engineer',
    description:
      'Ship models to production for search ranking and recommendations: feature pipelines, offline evaluation, online A/B tests and monitoring for drift.',
    skills: 'Python, PyTorch, feature engineering, MLOps, SQL, experimentation',
    experience: '3-6 yrs',
  },
  {
    title: 'Product Manager, Growth',
    description:
      'Own activation and retention for our self-serve funnel: find the biggest opportunities in the data, run experiments, and align design and engineering on a clear roadmap.',
    skills:
      'product discovery, experimentation, analytics, prioritisation, stakeholder management, roadmapping',
    experience: '3-5 yrs',
  },
  {
    title: 'Product Designer',
    description:
      'Design end-to-end experiences from research to polished UI: run interviews and usability tests, prototype quickly, and evolve the design system with engineering.',
    skills: 'user research, interaction design, Figma, prototyping, design systems, accessibility',
    experience: '2-5 yrs',
  },
  {
    title: 'Account Executive (B2B SaaS)',
    description:
      'Run the full sales cycle for mid-market customers: discovery, demos, negotiation and closing, with accurate forecasting in the CRM.',
    skills: 'discovery calls, negotiation, pipeline management, CRM, forecasting, closing',
    experience: '2-4 yrs',
  },
  {
    title: 'Customer Success Manager',
    description:
      'Be the trusted partner of 40 enterprise accounts: onboarding, quarterly business reviews, renewals and expansion, and the voice of the customer inside the company.',
    skills: 'onboarding, relationship management, renewals, communication, problem solving, CRM',
    experience: '2+ yrs',
  },
];
