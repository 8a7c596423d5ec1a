/**
 * Issue #14, part B in a real browser: all my data downloaded and checked against the database,
 * a share link opened in a fresh browser context (works, shows nothing else, stops after revoke),
 * the history's one stats query and honest labels, and the admin's view at phone width.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, isBlocking } from './axe.ts';
import {
  ADMIN,
  answerCurrent,
  CATALOGUE,
  GOOD_ANSWER,
  launchBrowser,
  logInViaUi,
  newContext,
  screenshot,
  signUpViaApi,
  startInterview,
} from './harness.ts';
import { type App, startApp } from './server.ts';

let app: App;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const JOB = CATALOGUE[2]!.title;

/** A 2-question interview with one answer, ended early: lands on its report. */
async function endedEarlyInterview(page: Page): Promise<string> {
  await startInterview(page, JOB, 2);
  await answerCurrent(page, GOOD_ANSWER);
  await page.getByRole('button', { name: 'End interview' }).click();
  await page.getByRole('button', { name: 'Yes, end it' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]+\/report$/);
  await page.getByRole('heading', { level: 1, name: 'Interview report' }).waitFor();
  return page.url().match(/sessions\/([0-9a-f-]+)\/report/)![1]!;
}

async function blockingAxe(page: Page) {
  return (await axeViolations(page)).filter(isBlocking);
}

describe('all my data, share links, history', () => {
  it('downloads all my data as one JSON file that matches the database', async () => {
    const { context, page, problems } = await newContext(browser, app.baseUrl);
    try {
      const me = await signUpViaApi(page, app.baseUrl);
      const sessionId = await endedEarlyInterview(page);
      await page.getByText('Ended early · 1 of 2').first().waitFor();

      await page.goto('/profile');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download all my data (JSON)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const text = await readFile((await download.path())!, 'utf8');
      const data = JSON.parse(text);

      const user = await app.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', me.email)
        .executeTakeFirstOrThrow();
      expect(data.user).toMatchObject({ id: user.id, email: me.email, username: me.username });
      const sessions = await app.db
        .selectFrom('interview_sessions')
        .selectAll()
        .where('user_id', '=', user.id)
        .execute();
      expect(data.sessions.map((s: { id: string }) => s.id)).toEqual(sessions.map((s) => s.id));
      expect(data.sessions[0].id).toBe(sessionId);
      expect(data.sessions[0]).toMatchObject({ status: 'completed', score: sessions[0]!.score });
      const questions = await app.db
        .selectFrom('session_questions')
        .selectAll()
        .where('session_id', '=', sessionId)
        .execute();
      expect(data.sessions[0].questions.map((q: { id: string }) => q.id).sort()).toEqual(
        questions.map((q) => q.id).sort(),
      );
      const feedback = await app.db
        .selectFrom('feedback')
        .selectAll()
        .where('user_id', '=', user.id)
        .execute();
      expect(feedback).toHaveLength(1);
      const [exported] = data.sessions[0].feedback;
      expect(exported).toMatchObject({
        id: feedback[0]!.id,
        answer: GOOD_ANSWER,
        score: feedback[0]!.score,
        strengths: feedback[0]!.strengths,
      });
      expect(exported.rubric).toEqual(feedback[0]!.rubric);
      expect(exported.delivery).toEqual(feedback[0]!.delivery);
      expect(text).not.toContain(user.password_hash);
      expect(text).not.toMatch(/password_hash|token_hash/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shares one report through a link a fresh browser opens, until the link is revoked', async () => {
    const owner = await newContext(browser, app.baseUrl);
    const visitor = await newContext(browser, app.baseUrl, { width: 390, height: 844 });
    try {
      const me = await signUpViaApi(owner.page, app.baseUrl);
      const sessionId = await endedEarlyInterview(owner.page);
      const share = owner.page.getByTestId('share-links');
      await share.getByLabel('Link works for').selectOption('1');
      await share.getByRole('button', { name: 'Create share link' }).click();
      const url = await share.getByRole('textbox', { name: 'Share link' }).inputValue();
      expect(url).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
      await screenshot(owner.page, 'share-link-created');

      // a fresh context: no cookie, nobody logged in
      await visitor.page.goto(url);
      await visitor.page.getByRole('heading', { level: 1, name: 'Shared interview report' }).waitFor();
      await visitor.page.getByText(GOOD_ANSWER).waitFor();
      await visitor.page.getByText('Ended early · 1 of 2').waitFor();
      const body = (await visitor.page.locator('body').textContent()) ?? '';
      for (const secret of [me.email, me.username]) expect(body).not.toContain(secret);
      const hrefs = await visitor.page
        .locator('main a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual([]);
      expect(await visitor.page.content()).not.toContain(sessionId);
      expect(await blockingAxe(visitor.page)).toEqual([]);
      await screenshot(visitor.page, 'shared-report-phone');
      // the token opens that report only: the session itself still wants a login
      expect((await visitor.page.request.get(`/api/sessions/${sessionId}`)).status()).toBe(401);

      await share.getByRole('button', { name: 'Revoke' }).click();
      await share.getByRole('button', { name: 'Revoke link' }).click();
      await share.getByText('1 past link').waitFor();

      await visitor.page.reload();
      await visitor.page
        .getByRole('heading', { level: 1, name: 'We could not find this shared report' })
        .waitFor();
      expect(await visitor.page.getByText(GOOD_ANSWER).count()).toBe(0);
      expect(owner.problems).toEqual([]);
    } finally {
      await owner.context.close();
      await visitor.context.close();
    }
  });

  it('history: one stats query, "Ended early" in the list, a change only against the same job', async () => {
    const { context, page, problems } = await newContext(browser, app.baseUrl);
    try {
      await signUpViaApi(page, app.baseUrl);
      await endedEarlyInterview(page);
      await endedEarlyInterview(page);
      const calls: string[] = [];
      page.on('request', (r) => {
        const m = new URL(r.url()).pathname.match(/^\/trpc\/(.+)$/);
        if (m) calls.push(...m[1]!.split(','));
      });
      await page.goto('/history');
      await page.getByRole('heading', { level: 1, name: 'Your history' }).waitFor();
      await page.getByTestId('chart-skills').getByRole('img').waitFor();
      expect(calls.filter((c) => c === 'sessions.stats')).toHaveLength(1);
      expect(calls.filter((c) => c === 'sessions.get' || c === 'sessions.feedbacks')).toEqual([]);
      expect(await page.locator('.session-list').getByText('Ended early · 1 of 2').count()).toBe(2);
      await expect(page.getByTestId('last-change').textContent()).resolves.toMatch(
        `vs your previous ${JOB} interview`,
      );
      expect(await blockingAxe(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('admin at phone width: tables keep their first column, the report speaks about the candidate, a grade is corrected', async () => {
    const cand = await newContext(browser, app.baseUrl);
    const me = await signUpViaApi(cand.page, app.baseUrl);
    await endedEarlyInterview(cand.page);
    await cand.context.close();

    const { context, page, problems } = await newContext(browser, app.baseUrl);
    try {
      // logged in at desktop size (the phone's menu hides "Log out", which logInViaUi waits for)
      await logInViaUi(page, ADMIN.email, ADMIN.password);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/admin/sessions');
      const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: me.username }) });
      await row.waitFor();
      await row.getByText('Ended early · 1 of 2').waitFor();
      const wrap = page.locator('.table-wrap');
      const first = row.getByRole('cell').first();
      const before = (await first.boundingBox())!;
      const scrolled = await wrap.evaluate((el) => {
        el.scrollLeft = el.scrollWidth;
        return el.scrollLeft;
      });
      expect(scrolled).toBeGreaterThan(0);
      const after = (await first.boundingBox())!;
      // the first column stayed put, at the table's left edge, while the rest scrolled under it
      expect(Math.abs(after.x - before.x)).toBeLessThan(1);
      const edge = (await wrap.boundingBox())!;
      expect(after.x - edge.x).toBeLessThan(2);
      // the table scrolls inside its card: the page itself does not scroll sideways
      const overflow = await page.evaluate(() => {
        const wide = [...document.querySelectorAll('body *')].filter(
          (el) =>
            el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
            !el.closest('.table-wrap'),
        );
        return {
          width: document.documentElement.scrollWidth,
          wide: wide.map((el) => el.outerHTML.slice(0, 120)),
        };
      });
      expect(overflow).toEqual({ width: 390, wide: [] });
      expect(await blockingAxe(page)).toEqual([]);
      await screenshot(page, 'admin-sessions-phone');

      await page.goto('/admin/users');
      await page.getByTestId(`user-row-${me.username}`).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      expect(await blockingAxe(page)).toEqual([]);

      await page.goto('/admin/sessions');
      await row.getByRole('link', { name: 'Detail & feedback' }).click();
      await page.getByRole('heading', { level: 1, name: 'Interview report' }).waitFor();
      await page.getByText("a candidate's interview").waitFor();
      await page.getByRole('heading', { level: 4, name: "The candidate's answer" }).waitFor();
      expect(await page.getByText(/\bYou answered\b/).count()).toBe(0);
      await page.getByText(/The candidate answered 1 of 2 questions/).waitFor();
      expect(await page.getByRole('button', { name: 'Create share link' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Correct the grade' }).click();
      await page.getByLabel('Score (0–10)').fill('9');
      await page.getByRole('button', { name: 'Save the grade' }).click();
      await page.getByText('Grade corrected.').waitFor();
      await page.getByText('Graded by an admin').waitFor();
      expect(await blockingAxe(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
