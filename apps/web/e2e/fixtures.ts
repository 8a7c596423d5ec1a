/** What the e2e server is seeded with. */
export const ADMIN = { email: 'admin@example.com', password: 'adminpass123', username: 'admin' };

export const CATALOGUE = [
  {
    title: 'Frontend Engineer (React)',
    description:
      'Build the candidate-facing web app: accessible, fast React interfaces, a design system shared with the mobile team, and measured performance on low-end phones.',
    skills: 'React, TypeScript, accessibility, CSS, performance, testing',
    experience: '2-4 yrs',
  },
  {
    title: 'Senior Backend Engineer (Node.js)',
    description:
      'Own the services behind our payments platform: design APIs, model data in PostgreSQL, keep p99 latency low and on-call calm. You will mentor two engineers.',
    skills: 'Node.js, TypeScript, PostgreSQL, API design, observability, system design, mentoring',
    experience: '5+ yrs',
  },
  {
    title: 'Data Analyst',
    description:
      'Turn product and sales data into decisions: dashboards leadership trusts, ad-hoc analyses, and experiments designed with the product team.',
    skills: 'SQL, Python, statistics, data visualisation, A/B testing, stakeholder communication',
    experience: '1-3 yrs',
  },
  {
    title: 'Product Designer',
    description:
      'Design end-to-end experiences from research to polished UI: run interviews and usability tests, prototype quickly, and evolve the design system with engineering.',
    skills: 'user research, interaction design, Figma, prototyping, design systems, accessibility',
    experience: '2-5 yrs',
  },
];
