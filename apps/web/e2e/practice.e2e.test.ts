/**
 * The practice loop of issue #14 in Chromium: a pasted posting → skills found for it →
 * questions that mention what it says; what a strong answer covers after grading; redoing an
 * answer with both scores visible; and "Practise this skill" from the report, with a countdown.
 */
import { describe, expect, inject, it } from 'vitest';
import {
  answerCurrent,
  GOOD_ANSWER,
  newContext,
  screenshot,
  signUpViaApi,
  useBrowserPerFile,
} from './harness.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowserPerFile();

const POSTING = `We run the checkout for 300 stores, with Black Friday peaks of 40k requests per second.

What you'll do:
- Own the reliability of the checkout platform against a 99.99 % SLO
- Run our Kubernetes clusters on EKS

Requirements:
- 5+ years of experience with Kubernetes
- Terraform
- Incident response`;

describe('the practice loop', () => {
  it('finds the skills of a pasted posting, asks about it, shows a model answer, redoes an answer, and drills a skill', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await signUpViaApi(page, baseUrl);
      await page.goto('/practise/own');
      await page.getByRole('heading', { level: 1, name: 'Practise for your own job' }).waitFor();
      await page.getByLabel('Job title').fill('Site Reliability Engineer at Shopco');
      await page.getByLabel('Job description').fill(POSTING);
      await page.getByRole('button', { name: 'Find skills in the posting' }).click();
      await page.getByText(/Found \d+ skills in the posting/).waitFor();
      const skills = await page.getByLabel('Skills').inputValue();
      expect(skills.split(', ')).toEqual(
        expect.arrayContaining(['Kubernetes', 'Terraform', 'Incident response', 'EKS']),
      );
      // the candidate adjusts them: EKS out
      await page.getByLabel('Skills').fill('Kubernetes, Terraform, Incident response');
      await screenshot(page, 'own-job-skills-found');
      await page.getByRole('button', { name: 'Continue to setup' }).click();

      // setup: every skill listed; a time limit per answer
      await page.getByRole('heading', { level: 1, name: 'Set up your interview' }).waitFor();
      await page.getByText('Skills to practise (3 of 3)').waitFor();
      await page.getByLabel('Number of questions').fill('5');
      await page.getByLabel('Time per answer').selectOption('120');
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
      await page.getByTestId('question-text').waitFor();
      await page
        .getByTestId('answer-timer')
        .getByText(/Time left [12]:\d\d/)
        .waitFor();

      // the plan draws on the posting (read through the API the room uses)
      const sessionId = page.url().split('/').pop()!;
      const detail = await page.evaluate(async (id) => {
        const res = await fetch(`/api/sessions/${id}`, { credentials: 'include' });
        return res.json();
      }, sessionId);
      const texts = detail.questions.map((q: { text: string }) => q.text).join('\n');
      expect(texts).toMatch(/99\.99 % SLO|Black Friday peaks/);
      expect(texts).toMatch(/Own the reliability of the checkout platform/);

      // answer thinly, see what a strong answer covers, then redo it
      await answerCurrent(page, 'I would look at it and fix it.');
      await page.getByText('What a strong answer covers').click();
      const model = page.getByTestId('model-answer');
      await model.waitFor();
      expect(await model.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
      await model.getByText('Example outline (not a real candidate’s answer)').waitFor();
      await screenshot(page, 'model-answer');

      await page.getByRole('button', { name: 'Redo this answer' }).click();
      await page.getByLabel('Your new answer').fill(GOOD_ANSWER);
      await page.getByRole('button', { name: 'Submit the new answer' }).click();
      const attempts = page.getByTestId('attempts');
      await attempts.waitFor();
      await attempts.getByText(/Attempt 1: \d+\/10/).waitFor();
      await attempts.getByText(/Attempt 2 \(this one\): \d+\/10/).waitFor();

      // end early and open the report: scores per skill, "Practise this skill"
      await page.getByRole('button', { name: 'End interview' }).click();
      await page.getByRole('button', { name: 'Yes, end it' }).click();
      await page.waitForURL(/\/report$/);
      await page.getByRole('heading', { name: 'Scores per skill' }).waitFor();
      const practise = page.getByRole('link', { name: /^Practise this skill: / }).first();
      const skill = (await practise.getAttribute('aria-label'))!.replace('Practise this skill: ', '');
      await practise.click();
      await page.getByRole('heading', { level: 1, name: 'Set up your interview' }).waitFor();
      await page.getByText('Skills to practise (1 of 3)').waitFor();
      expect(await page.getByRole('checkbox', { name: skill }).isChecked()).toBe(true);
      await page.getByLabel('Number of questions').fill('1');
      await page.getByLabel('Difficulty').selectOption('senior');
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
      await page.getByTestId('question-text').waitFor();
      expect(await page.locator('.question-card .badge').last().textContent()).toBe(skill);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
