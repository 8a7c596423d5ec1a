import { describe, expect, inject, it } from 'vitest';
import { answerUntilDone, GOOD_ANSWER, newContext, signUpViaApi, useBrowserPerFile } from './harness.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowserPerFile();

describe('practising for my own job', () => {
  it('pastes a job description, gets inline errors, then practises for it', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await signUpViaApi(page, baseUrl);
      await page.goto('/');
      await page.getByRole('link', { name: 'Practise for my own job' }).click();
      await page.getByRole('heading', { level: 1, name: 'Practise for your own job' }).waitFor();

      // the server's field errors show next to the fields
      await page.getByRole('button', { name: 'Continue to setup' }).click();
      await page.locator('.field__error').first().waitFor();
      expect(await page.getByLabel('Job title').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Skills').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Job title').fill('Platform Engineer at Acme');
      await page
        .getByLabel('Job description')
        .fill(
          'Run our Kubernetes platform, automate deployments with Terraform, and keep incident response calm.',
        );
      await page.getByLabel('Skills').fill('Kubernetes, Terraform, incident management');
      await page.getByLabel('Experience').fill('3+ yrs');
      await page.getByRole('button', { name: 'Continue to setup' }).click();

      await page.getByRole('heading', { level: 1, name: 'Set up your interview' }).waitFor();
      await page.getByText('Platform Engineer at Acme').first().waitFor();
      await page.getByLabel('Number of questions').fill('2');
      await page.getByLabel('Technical').check();
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
      await page.getByRole('heading', { level: 1, name: 'Platform Engineer at Acme' }).waitFor();
      const skill = await page.locator('.question-card .badge').last().textContent();
      expect(['Kubernetes', 'Terraform', 'incident management']).toContain(skill);

      await answerUntilDone(page, () => GOOD_ANSWER);
      await page.getByRole('button', { name: 'Finish and see my score' }).click();
      await page.waitForURL(/\/report$/);
      await page.getByTestId('overall-score').waitFor();

      // private: not in the public catalogue, but in "your saved jobs"
      await page.goto('/');
      await page.getByRole('link', { name: 'Frontend Engineer (React)' }).waitFor();
      expect(await page.getByRole('link', { name: 'Platform Engineer at Acme' }).count()).toBe(0);
      await page.goto('/practise/own');
      await page.getByRole('link', { name: 'Platform Engineer at Acme' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
