import { describe, expect, inject, it } from 'vitest';
import {
  answerCurrent,
  CATALOGUE,
  GOOD_ANSWER,
  newContext,
  screenshot,
  signUpViaApi,
  startInterview,
  useBrowserPerFile,
} from './harness.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowserPerFile();

describe('the interview room', () => {
  it('keeps its place when the page is reloaded mid-interview', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await signUpViaApi(page, baseUrl);
      await startInterview(page, CATALOGUE[2]!.title, 4);
      await answerCurrent(page, GOOD_ANSWER);
      await page.getByRole('button', { name: /^(Next question|Answer the follow-up)/ }).click();
      await page.getByTestId('question-text').waitFor();
      const question = await page.getByTestId('question-text').textContent();
      const progress = await page.locator('.progress__label').textContent();
      const bar = await page.getByRole('progressbar').getAttribute('aria-valuenow');
      await page.getByRole('textbox', { name: 'Your answer' }).fill('half-written draft');

      await page.reload();
      await page.getByTestId('question-text').waitFor();
      expect(await page.getByTestId('question-text').textContent()).toBe(question);
      expect(await page.locator('.progress__label').textContent()).toBe(progress);
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(bar);
      expect(await page.getByRole('textbox', { name: 'Your answer' }).inputValue()).toBe(
        'half-written draft',
      );

      // the feedback being read survives a reload too
      await answerCurrent(page, GOOD_ANSWER);
      const feedbackText = await page
        .getByTestId('feedback-card')
        .locator('.feedback-card__text')
        .textContent();
      await page.reload();
      await page.getByTestId('feedback-card').waitFor();
      expect(await page.getByTestId('feedback-card').locator('.feedback-card__text').textContent()).toBe(
        feedbackText,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('open in two tabs: an answer the other tab beat is kept on screen, with the reason', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await signUpViaApi(page, baseUrl);
      await startInterview(page, CATALOGUE[2]!.title, 3);
      const question = await page.getByTestId('question-text').textContent();
      const second = await context.newPage();
      second.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await second.goto(page.url());
      await second.getByTestId('question-text').waitFor();
      const late = 'Written in the second tab: <b>not</b> lost.\nSecond line.';
      await second.getByRole('textbox', { name: 'Your answer' }).fill(late);

      await answerCurrent(page, GOOD_ANSWER);
      await second.getByRole('button', { name: 'Submit answer' }).click();

      const notice = second.locator('.unsent-notice');
      await notice.getByText('Your answer was not sent').waitFor();
      expect(await notice.textContent()).toContain(`“${question}” was already answered`);
      expect(await notice.locator('blockquote').textContent()).toBe(late);
      // the room moved on to the question after, its box empty
      expect(await second.getByTestId('question-text').textContent()).not.toBe(question);
      expect(await second.getByRole('textbox', { name: 'Your answer' }).inputValue()).toBe('');
      expect(await second.evaluate(() => document.activeElement?.className)).toBe('unsent-notice');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('grades over a streamed tRPC call, then shows the full feedback', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await signUpViaApi(page, baseUrl);
      await startInterview(page, CATALOGUE[0]!.title, 2);
      await page.getByRole('textbox', { name: 'Your answer' }).fill(GOOD_ANSWER);
      const isSubmit = (url: string) => new URL(url).pathname === '/trpc/feedback.submitStream';
      const [request, response] = await Promise.all([
        page.waitForRequest((r) => isSubmit(r.url())),
        page.waitForResponse((r) => isSubmit(r.url())),
        page.getByRole('button', { name: 'Submit answer' }).click(),
      ]);
      expect(request.method()).toBe('POST');
      expect(request.headers()['trpc-accept']).toBe('application/jsonl');

      const card = page.getByTestId('feedback-card');
      await card.waitFor();
      expect(await page.getByTestId('grading-card').count()).toBe(0);
      expect(page.url()).toMatch(/\?feedback=[0-9a-f-]+$/);
      expect(response.status()).toBe(200);
      // the text shown is the text stored (Chromium does not keep a streamed body for us to read back)
      const text = (await card.locator('.feedback-card__text').textContent()) ?? '';
      expect(text.length).toBeGreaterThan(0);
      const feedbackId = new URL(page.url()).searchParams.get('feedback');
      const stored = await page.request.get(`${baseUrl}/api/feedbacks/${feedbackId}`);
      expect(stored.status()).toBe(200);
      expect((await stored.json()).ai_feedback).toBe(text);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows an answer with HTML in it as text', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await signUpViaApi(page, baseUrl);
      await startInterview(page, CATALOGUE[1]!.title, 1);
      const evil = '<img src=x onerror=alert(1)> I would add an index <script>alert(2)</script>';
      await answerCurrent(page, evil);
      await page.getByText('Your answer', { exact: true }).click();
      await page.getByTestId('answer-text').getByText(evil, { exact: true }).waitFor({ state: 'visible' });
      expect(await page.locator('img[src="x"]').count()).toBe(0);

      // and in the report (after the follow-up, if the interviewer asks one)
      const followUp = page.getByRole('button', { name: 'Answer the follow-up' });
      const finish = page.getByRole('button', { name: 'Finish and see my score' });
      await followUp.or(finish).first().waitFor();
      if (await followUp.isVisible()) {
        await followUp.click();
        await answerCurrent(page, 'Nothing more to add.');
      }
      await finish.click();
      await page.waitForURL(/\/report$/);
      await page
        .getByTestId('answer-text')
        .first()
        .getByText(evil, { exact: true })
        .waitFor({ state: 'visible' });
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      await page.waitForTimeout(200);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works on a 360 px phone', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl, { width: 360, height: 740 });
    try {
      await signUpViaApi(page, baseUrl);
      await page.goto('/');
      // the nav collapses behind a Menu button
      expect(await page.getByRole('link', { name: 'History' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'History' }).waitFor({ state: 'visible' });
      await page.getByRole('button', { name: 'Menu' }).click();

      await startInterview(page, CATALOGUE[0]!.title, 2);
      await page
        .getByRole('textbox', { name: 'Your answer' })
        .fill('I would profile first, then split the bundle.');
      await screenshot(page, 'phone-interview-question');
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByTestId('feedback-card').waitFor();
      await screenshot(page, 'phone-interview-feedback');
      // nothing wider than the screen
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
