import { describe, expect, inject, it } from 'vitest';
import {
  ADMIN,
  answerCurrent,
  CATALOGUE,
  GOOD_ANSWER,
  logInViaUi,
  newContext,
  screenshot,
  signUpViaApi,
  startInterview,
  useBrowserPerFile,
} from './harness.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowserPerFile();

const NEW_JOB = {
  title: 'QA Automation Engineer',
  description: 'Build and own the end-to-end test suite, make CI fast and flaky tests rare.',
  skills: 'Playwright, TypeScript, CI/CD, test strategy',
  experience: '2-4 yrs',
};

describe('admin', () => {
  it('publishes a job description that a candidate then finds in the catalogue', async () => {
    // a candidate with a session, so the admin pages have something to show
    const cand = await newContext(browser(), baseUrl);
    const candidate = await signUpViaApi(cand.page, baseUrl);
    await startInterview(cand.page, CATALOGUE[0]!.title, 2);
    await answerCurrent(cand.page, GOOD_ANSWER);

    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await logInViaUi(page, ADMIN.email, ADMIN.password);
      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await page.waitForURL(/\/admin\/users$/);
      await page.getByTestId(`user-row-${candidate.username}`).waitFor();
      await page.getByLabel('Search users').fill(candidate.username);
      await page.getByText('1 user').waitFor();
      await screenshot(page, 'admin-users');

      await page
        .getByRole('navigation', { name: 'Admin sections' })
        .getByRole('link', { name: 'Catalogue' })
        .click();
      await page.waitForURL(/\/admin\/jobs$/);
      await page.getByRole('button', { name: 'New job description' }).click();
      await page.getByLabel('Job title').fill(NEW_JOB.title);
      await page.getByLabel('Job description').fill(NEW_JOB.description);
      await page.getByLabel('Skills').fill(NEW_JOB.skills);
      await page.getByLabel('Experience').fill(NEW_JOB.experience);
      await page.getByRole('button', { name: 'Publish to the catalogue' }).click();
      await page.getByRole('link', { name: NEW_JOB.title }).waitFor();
      await screenshot(page, 'admin-catalogue');

      await page
        .getByRole('navigation', { name: 'Admin sections' })
        .getByRole('link', { name: 'Sessions' })
        .click();
      await page.waitForURL(/\/admin\/sessions$/);
      const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: candidate.username }) });
      await row.waitFor();
      await screenshot(page, 'admin-sessions');
      await row.getByRole('link', { name: 'Detail & feedback' }).click();
      await page.getByRole('heading', { level: 1, name: 'Interview report' }).waitFor();
      await page.getByText('This interview is in progress').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    try {
      await cand.page.goto('/');
      await cand.page.getByRole('link', { name: NEW_JOB.title }).click();
      await cand.page.getByRole('heading', { level: 1, name: NEW_JOB.title }).waitFor();
      await cand.page.getByText('Playwright', { exact: true }).waitFor();
      expect(cand.problems).toEqual([]);
    } finally {
      await cand.context.close();
    }
  });

  it('is out of reach for a candidate', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await signUpViaApi(page, baseUrl);
      await page.goto('/');
      await page.getByRole('link', { name: 'History' }).waitFor();
      expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);

      for (const path of ['/admin', '/admin/users', '/admin/sessions']) {
        await page.goto(path);
        await page.getByRole('heading', { name: 'You are not allowed to see this page' }).waitFor();
        expect(await page.locator('table').count()).toBe(0);
      }
      // and the server refuses anyway
      const res = await page.request.get('/trpc/users.list?input=%7B%7D');
      expect(res.status()).toBe(403);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a visitor is sent to log in, then back', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await page.goto('/history');
      await page.waitForURL(/\/login\?next=%2Fhistory$/);
      await page.getByLabel('Email or username').fill(ADMIN.username);
      await page.getByLabel('Password').fill('wrong password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('That email/username and password do not match an account.').waitFor();
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/history$/);
      await page.getByRole('heading', { level: 1, name: 'Your history' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
