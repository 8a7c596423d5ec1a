/**
 * The offline feedback read as an outside tester reads it: every line must be true of the answer.
 * The answers here were written for these tests (jobs outside the labelled set: nurse,
 * electrician, teacher, barista, accountant, SRE, designer, warehouse lead, recruiter, chef).
 */
import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../text.ts';
import type { Evaluation, JobContext, QuestionContext } from '../types.ts';
import { createOfflineProvider } from './provider.ts';

const provider = createOfflineProvider();
const J = (title: string, description: string, skills: string): JobContext => ({
  title,
  description,
  skills,
  experience: '2-4 years',
});
const Q = (text: string, category: QuestionContext['category'], skill: string): QuestionContext => ({
  text,
  category,
  skill,
  is_follow_up: false,
});
const grade = (job: JobContext, question: QuestionContext, answer: string) =>
  provider.evaluateAnswer({ job, question, answer });
/** Everything the candidate reads about one answer. */
const allText = (e: Evaluation) =>
  [e.feedback, ...e.strengths, ...e.improvements, ...(e.rubric ?? []).map((c) => c.note)].join('\n');
const quotes = (text: string) => [...text.matchAll(/“([^”]*)”/g)].map((m) => m[1]!);

const nurse = J(
  'Registered Nurse (Medical Ward)',
  'Deliver safe patient care on a busy 28-bed medical ward; escalate deteriorating patients; work with the MDT on discharge planning.',
  'Patient assessment, Medication administration, NEWS2 escalation, Discharge planning, Communication',
);
const electrician = J(
  'Electrician',
  'Install and maintain electrical systems in commercial buildings; fault-finding; inspection and testing to BS 7671.',
  'Fault finding, Inspection and testing, BS 7671, Health and safety, Customer communication',
);
const teacher = J(
  'Secondary Maths Teacher',
  'Teach maths to years 7-11, plan lessons, assess progress and manage behaviour.',
  'Lesson planning, Behaviour management, Assessment, Differentiation, Parent communication',
);
const accountant = J(
  'Management Accountant',
  'Month-end close, variance analysis, budgeting and forecasting for a mid-size manufacturer.',
  'Month-end close, Variance analysis, Excel, Forecasting, Stakeholder communication',
);
const sre = J(
  'Site Reliability Engineer',
  'Run production services on Kubernetes in AWS; own incident response, SLOs and observability.',
  'Kubernetes, Incident response, SLOs, Terraform, Prometheus, Linux',
);
const designer = J(
  'Product Designer',
  'Design end-to-end flows for a B2B SaaS product; run user research; maintain the design system.',
  'User research, Figma, Design systems, Prototyping, Accessibility',
);
const recruiter = J(
  'Technical Recruiter',
  'Source and close engineering candidates; partner with hiring managers; run a fair process.',
  'Sourcing, Stakeholder management, Candidate experience, Boolean search, Offer negotiation',
);
const support = J(
  'Customer Support Specialist',
  'Answer customer tickets by email and chat, resolve issues, escalate bugs.',
  'Customer service, Zendesk, Troubleshooting, Written communication, Empathy',
);
const chef = J(
  'Sous Chef',
  'Run the line in a 90-cover restaurant, manage prep, ordering, food safety and train commis chefs.',
  'Kitchen management, Food safety, Stock control, Team training, Menu costing',
);

const deteriorating = Q(
  'Tell me about a time you recognised a patient was deteriorating. What did you do?',
  'behavioural',
  'NEWS2 escalation',
);
const NURSE_STORY =
  'On a night shift last winter I was looking after six patients. An 82-year-old man admitted with a chest infection had a NEWS2 of 3 at 10pm, but at midnight his resp rate was 26 and his sats had dropped from 95% to 89% on room air, so his score jumped to 7. I put him on oxygen as prescribed, repeated the obs, and called the outreach team and the on-call registrar using SBAR. Because I had his fluid chart ready, the registrar started IV antibiotics within 30 minutes for suspected sepsis. By the morning his score was back to 3 and he stayed on our ward rather than going to HDU. Afterwards I did a short teaching session for the healthcare assistants about recording resp rate properly.';
const cancel = Q(
  'How would you handle a customer threatening to cancel over a bug?',
  'situational',
  'Empathy',
);
const SUPPORT_PLAN =
  'I would first acknowledge how frustrating it is and ask exactly what happened so I can reproduce it. Then I would check if there is a known issue in Jira and a workaround. I would be honest about what I know, escalate to engineering with the details, and give the customer a date when I will update them, even if there is no fix yet.';
const slos = Q('How would you design SLOs for a batch data pipeline?', 'technical', 'SLOs');
const SRE_UNSURE =
  "I don't know, I have only done SLOs for request-based services, but I would start from what the users of the data care about, probably freshness and completeness. So an SLO could be that 99% of daily runs finish by 7am, and measure it from the pipeline's own completion events.";
const researchChanged = Q(
  'Tell me about a time research changed your design.',
  'behavioural',
  'User research',
);
const DESIGN_STORY =
  'At a fintech startup two years ago I was redesigning the invoice approval flow. I assumed approvers wanted a dashboard, so I prototyped one in Figma. But when I tested it with 6 finance managers, 5 of them said they approved invoices from email on their phone, and never opened the dashboard. So I dropped the dashboard and designed an approve-from-email flow with a one-tap link instead. After launch the median approval time fell from 3 days to 9 hours, and support tickets about stuck invoices halved.';
const lessonOffPlan = Q(
  'Describe a lesson that did not go to plan and what you changed.',
  'behavioural',
  'Lesson planning',
);
const TEACHER_STORY =
  'Last year my year 9 set were doing simultaneous equations and I had planned a lesson around a worksheet. Ten minutes in I realised about half the class could not rearrange a linear equation, so the worksheet was pointless. I stopped, put three rearranging questions on mini whiteboards and split the class: the ones who got them went on to the extension, and I took the other 14 to the front for a short re-teach. The next lesson I started with a retrieval quiz on rearranging. In the end-of-unit test that group averaged 68%, up from 41% on the baseline, and I now always check prerequisites with a hinge question before a new topic.';
const incident = Q('Walk me through a major incident you handled.', 'behavioural', 'Incident response');
const SRE_INCIDENT =
  'In March 2023 our checkout API started returning HTTP 503 for about 20% of requests after a routine deploy of version 4.2. I was the incident commander. I declared a SEV1, opened a channel and assigned one engineer to comms and one to investigation. We rolled back first rather than debugging live, which brought errors down within 8 minutes, but they came back 10 minutes later, so it was not the deploy. It turned out the node pool had hit its pod limit because an autoscaler change in Terraform capped it at 40 nodes. I raised the limit, errors dropped to zero, and total customer impact was 34 minutes. In the postmortem we added an alert on pending pods and a check in CI for autoscaler limits.';
const inspection = Q(
  'Tell me about a difficult inspection you carried out.',
  'behavioural',
  'Inspection and testing',
);
const EICR =
  'In 2019 I did an EICR on a 1970s block of flats for a housing association, job number 4512. The board was an old rewireable fuse board and the earthing was TN-C-S. I found 14 C2 observations including no RCD protection on sockets, and two C1s where a socket was live on the earth pin. I made the C1s safe on the day and told the caretaker in person, then wrote the report. The housing association approved the rewire within two weeks.';
const variance = Q('How have you added value with variance analysis?', 'technical', 'Variance analysis');
const CLAIMS =
  'I transformed the variance reporting and improved accuracy by 30% and cut reporting time by 50%. Stakeholders were much happier and decisions improved 2x.';
const waste = Q('Tell me about a time you reduced food waste.', 'behavioural', 'Stock control');
const CHEF_STORY =
  'At my last restaurant we were binning about 15 kg of prep a night, mostly sauces and cut veg made to par levels set years before. I started weighing waste every night for two weeks and compared it to covers. Then I cut the par levels for the six worst items and switched two sauces to made-to-order. Waste fell to around 4 kg a night and our food cost went from 34% to 30% of sales over the quarter.';
const hiringManager = Q(
  'How do you handle a hiring manager who keeps rejecting good candidates?',
  'situational',
  'Stakeholder management',
);
const warehouse = J(
  'Warehouse Team Lead',
  'Lead a shift of 15 pickers and packers; hit pick rates and accuracy; keep the floor safe.',
  'Team leadership, Inventory accuracy, WMS, Health and safety, Shift planning',
);
const pickRates = Q('How did you improve pick rates on your shift?', 'behavioural', 'Shift planning');
const PICK_STORY =
  'At my last site pick rates were about 80 units per hour against a target of 110. I moved the 20 fastest-moving SKUs to the golden zone near dispatch and split the wave at 2pm so pickers were not queuing at packing. After 4 weeks we averaged 115 units per hour and overtime went down by 30%.';
const lostOffer = Q(
  'Tell me about a time a candidate rejected your offer.',
  'behavioural',
  'Offer negotiation',
);
const OFFER_STORY =
  "Last spring a senior engineer turned down our offer because a competitor offered £10k more. I didn't just accept it: I asked what mattered beyond salary, learned it was a four-day week for childcare, and got the hiring manager to agree to a compressed week. She accepted two days later and is still with us.";
const inventory = Q(
  'Tell me about a time you improved inventory accuracy.',
  'behavioural',
  'Inventory accuracy',
);
const TEAM_STORY =
  'Our warehouse had a lot of stock discrepancies. We introduced cycle counting and we retrained the team on scanning. We also cleaned up the locations in the WMS. Accuracy got much better and the customers complained less.';
const parentTalk = Q(
  'Tell me about a difficult conversation with a parent.',
  'behavioural',
  'Parent communication',
);
const PARENT_STORY =
  'A dad was angry that his daughter got a 4 in her mock when she was predicted a 6. He emailed the head. I called him the same day and went through the paper with him question by question, showing that she lost 22 marks on two topics, and agreed a plan: weekly homework on those topics, which I would mark and send home. He thanked me and she got a 6 in the summer.';
const rcd = Q('An RCD keeps tripping in an office. How do you find the fault?', 'technical', 'Fault finding');
const RCD_METHOD =
  'First I would ask the client when it trips - all the time or only when something is switched on. Then I isolate and split the circuits on that RCD, reset it and bring the circuits back one at a time until it trips. Once I know the circuit I do an insulation resistance test at 500 V between live conductors and earth; anything under 1 megohm points to the fault. Often it is a kettle or a damp outdoor socket. After the repair I retest and test the RCD trip time, which should be under 300 ms, and record it on the minor works certificate.';
const RECRUITER_PLAN =
  'I would sit down with them and go through the last 5 rejected CVs together and ask what exactly was missing, because usually the brief in their head is different from the job description. Then I rewrite the scorecard with them and agree 3 must-haves.';

describe('offline feedback: true of the answer', () => {
  it('quotes only what the answer says, as it says it, never cut mid-word', async () => {
    const cases: [JobContext, QuestionContext, string][] = [
      [nurse, deteriorating, NURSE_STORY],
      [support, cancel, SUPPORT_PLAN],
      [sre, slos, SRE_UNSURE],
      [designer, researchChanged, DESIGN_STORY],
      [teacher, lessonOffPlan, TEACHER_STORY],
      [sre, incident, SRE_INCIDENT],
      [electrician, inspection, EICR],
      [chef, waste, CHEF_STORY],
      [recruiter, hiringManager, RECRUITER_PLAN],
      [warehouse, pickRates, PICK_STORY],
      [recruiter, lostOffer, OFFER_STORY],
      [
        teacher,
        Q('How do you differentiate for a student with dyscalculia?', 'technical', 'Differentiation'),
        "Honestly I'm not sure, I haven't taught a student with a diagnosis yet. But I would talk to the SENCO first, find out what strategies have worked before, and use concrete resources like number lines and bar models.",
      ],
    ];
    for (const [job, question, answer] of cases) {
      const e = await grade(job, question, answer);
      // the question's words: those a related word stands for, “rush” (for “speed”), and those
      // the answer does not use (“… it uses only “NEWS2”, not “recognised” or “escalation”)
      const asked = /\(for “[^”]*”\)|(?<=uses only .*), not “[^;]*|(?<=own terms )\(“[^)]*\)/g;
      for (const quoted of quotes(allText(e).match(asked)?.join(' ') ?? ''))
        expect(`${question.text} ${question.skill}`, `“${quoted}”`).toContain(quoted);
      for (const quote of quotes(allText(e).replace(asked, ''))) {
        const text = quote.replace(/^…|…$/g, '');
        // as a whole word (case aside: a linking word is quoted in lower case, "because" for
        // "Because"); a quote that does not end in "…" ends where a word ends ("I don" is not a
        // quote of "I don't"; "pipeline" of "pipeline's" is)
        const end = quote.endsWith('…') ? '' : "(?![\\p{L}\\p{N}]|['’](?!s\\b))";
        const found = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}${end}`, 'iu').test(answer);
        expect(found, `“${quote}” is not a quote of the answer to ${question.text}`).toBe(true);
      }
    }
  });

  it('does not praise "I don\'t" or "I haven\'t" as the candidate\'s own actions', async () => {
    const e = await grade(sre, slos, SRE_UNSURE);
    expect(allText(e)).not.toMatch(/“I don|“I haven/);
    // nor what the candidate did not do
    const offer = await grade(recruiter, lostOffer, OFFER_STORY);
    expect(allText(offer)).not.toMatch(/“I didn't/);
  });

  it('explains relevance earned in other words instead of saying it uses none of the question', async () => {
    const e = await grade(support, cancel, SUPPORT_PLAN);
    const rel = e.rubric!.find((c) => c.key === 'relevance')!;
    expect(rel.points).toBeGreaterThan(1);
    expect(rel.note).not.toMatch(/^Uses none of the question's terms or words related to them/);
    expect(rel.note).toMatch(/meaning/);
  });

  it('says what the relevance figure measures rather than that the answer is about something else', async () => {
    const e = await grade(nurse, deteriorating, NURSE_STORY);
    const tie = e.improvements.find((i) => /Tie it more closely/.test(i))!;
    expect(tie).toBeDefined();
    // the answer IS about a deteriorating patient: only few of the question's own words are in it
    expect(tie).not.toMatch(/little of the answer is about that/);
    expect(tie).toMatch(/“NEWS2”/);
    // no half of the question quoted back, cut off
    expect(tie).not.toMatch(/Tell me about a time/);
    // "none of the question's own terms" to an answer that says "pick rates" reads as false:
    // name the terms it is measured on
    const pick = await grade(warehouse, pickRates, PICK_STORY);
    const tiePick = pick.improvements.find((i) => /Tie it more closely/.test(i))!;
    expect(tiePick).toMatch(/“shift”/);
    expect(tiePick).not.toMatch(/pick rates/);
  });

  it('quotes a situation and an outcome with the words that make them one', async () => {
    const nurseE = await grade(nurse, deteriorating, NURSE_STORY);
    expect(nurseE.strengths.join(' ')).toMatch(/“On a night shift last winter/);
    const designE = await grade(designer, researchChanged, DESIGN_STORY);
    // "So I dropped the dashboard" is an action; the outcome is the approval time
    expect(designE.strengths.join(' ')).toMatch(/States an outcome \([^)]*fell from 3 days/);
    const teacherE = await grade(teacher, lessonOffPlan, TEACHER_STORY);
    expect(teacherE.strengths.join(' ')).not.toMatch(/outcome \(“(?:I )?stopped/);
    expect(teacherE.improvements.join(' ')).not.toMatch(/No outcome/);
  });

  it('does not call a comparison or weighing food a reason', async () => {
    const e = await grade(chef, waste, CHEF_STORY);
    expect(allText(e)).not.toMatch(/reason \(“[^”]*weighing/);
    const forecast = await grade(
      accountant,
      Q('How do you use Excel for forecasting?', 'technical', 'Excel'),
      'I use Excel 365 with Power Query to pull actuals from SAP S/4HANA 2020, then build a rolling 12 month forecast with driver tabs. In FY2023 the forecast was within 2% of actual revenue at the group level, compared with 9% out the year before.',
    );
    expect(allText(forecast)).not.toMatch(/Gives a reason \(“compared/);
  });

  it('gives no advice the answer already follows: a dated situation, counted numbers', async () => {
    const e = await grade(sre, incident, SRE_INCIDENT);
    expect(e.improvements.join(' ')).not.toMatch(/Start from a real situation/);
    const eicr = await grade(electrician, inspection, EICR);
    expect(eicr.improvements.join(' ')).not.toMatch(/Put a number on the problem/);
  });

  it('does not ask for an outcome the story ends on', async () => {
    for (const [job, question, answer] of [
      [recruiter, lostOffer, OFFER_STORY],
      [teacher, parentTalk, PARENT_STORY],
      [warehouse, inventory, TEAM_STORY],
    ] as const) {
      const e = await grade(job, question, answer);
      expect(e.improvements.join(' '), answer).not.toMatch(/No outcome/);
    }
    // one that has none is still asked for it
    const none = await grade(
      warehouse,
      inventory,
      'Our warehouse had a lot of stock discrepancies. We introduced cycle counting and we retrained the team on scanning. We also cleaned up the locations in the WMS.',
    );
    expect(none.improvements.join(' ')).toMatch(/No outcome/);
  });

  it('names in the story note every part it credits', async () => {
    const team = await grade(warehouse, inventory, TEAM_STORY);
    const story = team.rubric!.find((c) => c.key === 'story')!;
    expect(story.points).toBeGreaterThan(0.1);
    expect(story.note).not.toMatch(/^No situation, own actions/);
    expect(story.note).toMatch(/the team's actions \(“We introduced”\)/);
    const method = (await grade(electrician, rcd, RCD_METHOD)).rubric!.find((c) => c.key === 'story')!;
    expect(method.note).toMatch(/steps in order \(“first”/);
    expect(method.note).toMatch(/a check \(“[^”]*test/);
  });

  it('does not praise as an outcome a result it calls unsupported', async () => {
    const e = await grade(accountant, variance, CLAIMS);
    expect(e.score).toBeLessThanOrEqual(2);
    expect(e.feedback).toMatch(/nothing to measure them against/);
    expect(e.strengths.join(' ')).not.toMatch(/States an outcome/);
  });

  it('writes skills mid-sentence in lower case and counts words in good grammar', async () => {
    const eicr = await grade(electrician, inspection, EICR);
    expect(allText(eicr)).not.toMatch(/about Inspection and testing/);
    const idk = await grade(support, cancel, "I don't know");
    expect(idk.feedback).toMatch(/about empathy/);
    expect(allText(idk)).not.toMatch(/\b1 words\b/);
  });
});

describe('the verdict is true of a long answer that scores low', () => {
  it('a developed story about something else is not called thin', async () => {
    const story =
      'Last summer I organised a charity bake sale at my daughter’s school. ' +
      'I planned the stalls with six other parents, booked the hall, made a rota for the morning and the afternoon, ' +
      'and persuaded the local bakery to donate bread rolls. When it rained we moved everything indoors in twenty minutes, ' +
      'because I had agreed a wet-weather plan with the caretaker the week before. '.repeat(4) +
      'We raised £1,240 for new library books, and the head teacher asked me to run it again next year.';
    const e = await grade(
      electrician,
      Q(
        'Walk me through how you would find an intermittent fault on a lighting circuit.',
        'technical',
        'Fault finding',
      ),
      story,
    );
    expect(e.score).toBeLessThanOrEqual(2);
    expect(e.feedback).not.toMatch(/thin|short/i);
  });
});
