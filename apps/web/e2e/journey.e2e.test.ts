import { describe, expect, inject, it } from 'vitest';
import {
  answerUntilDone,
  CATALOGUE,
  GOOD_ANSWER,
  newContext,
  screenshot,
  uniqueUser,
  useBrowserPerFile,
} from './harness.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowserPerFile();

const JOB = CATALOGUE[0]!.title;

describe('a candidate practising', () => {
  it('registers, completes a 3-question interview, reads the report and finds it in history', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      const user = uniqueUser();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Practise for the job you want' }).waitFor();
      await page.getByRole('link', { name: CATALOGUE[3]!.title }).waitFor();
      await screenshot(page, 'catalogue');

      // sign up through the form
      await page.getByRole('link', { name: 'Sign up' }).click();
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Username').fill(user.username);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('link', { name: user.username }).waitFor();

      // the catalogue filters by skill
      const skill = page.getByLabel('Skill', { exact: true });
      await skill.fill('PostgreSQL');
      await page.getByText('1 job requiring PostgreSQL').waitFor();
      expect(await page.getByRole('link', { name: JOB }).count()).toBe(0);
      await skill.fill('');
      await page.getByRole('link', { name: JOB }).waitFor();

      // the job page
      await page.getByRole('link', { name: JOB }).click();
      await page.getByRole('heading', { level: 1, name: JOB }).waitFor();
      expect(await page.getByRole('list', { name: 'Required skills' }).getByRole('listitem').count()).toBe(6);
      await screenshot(page, 'job');

      await page.getByRole('link', { name: 'Practise for this job' }).click();
      await page.getByLabel('Number of questions').fill('3');
      await page.getByLabel('Behavioural').check();
      await page.getByLabel('Mixed').check();
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
      expect(await page.locator('.progress__label').textContent()).toBe('Question 1 of 3');

      let first = true;
      const answered = await answerUntilDone(
        page,
        (i) => (i % 2 === 0 ? GOOD_ANSWER : 'I would use React hooks and write tests.'),
        async () => {
          const card = page.getByTestId('feedback-card');
          expect(await card.getByRole('img', { name: /Score \d+ out of 10/ }).count()).toBe(1);
          expect(await card.getByTestId('evaluator').textContent()).toBe(
            'Scored by a built-in checklist, not an AI model',
          );
          if (first) {
            first = false;
            await screenshot(page, 'interview-feedback');
          }
        },
      );
      expect(answered).toBeGreaterThanOrEqual(3);

      await page.getByRole('button', { name: 'Finish and see my score' }).click();
      await page.waitForURL(/\/report$/);
      await page.getByRole('heading', { level: 1, name: 'Interview report' }).waitFor();
      expect(await page.getByTestId('overall-score').textContent()).toMatch(/^\d+ \/ 100/);
      await page.getByRole('heading', { name: 'Transcript' }).waitFor();
      expect(await page.locator('.review').count()).toBe(answered);

      // export as Markdown
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as Markdown' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^interview-frontend-engineer-react-\d{4}-\d{2}-\d{2}\.md$/,
      );
      const stream = await download.createReadStream();
      let md = '';
      for await (const chunk of stream) md += chunk;
      expect(md).toContain('# Interview report: Frontend Engineer (React)');
      expect(md).toContain('## Questions and answers');
      await screenshot(page, 'report');
      await screenshot(page, 'report-top', false);

      // print layout hides the chrome
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // history lists it, with the charts
      await page.getByRole('link', { name: 'History', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Your history' }).waitFor();
      const row = page.locator('.session-row').filter({ hasText: JOB });
      await row.getByText('Completed').waitFor();
      await page.getByTestId('chart-scores').locator('.recharts-surface circle').first().waitFor();
      await page.getByTestId('chart-skills').locator('.recharts-bar-rectangle').first().waitFor();
      await screenshot(page, 'history');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
