import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type AxeFinding, axeViolations, isBlocking } from './axe.ts';
import {
  ADMIN,
  answerCurrent,
  CATALOGUE,
  GOOD_ANSWER,
  newContext,
  signUpViaApi,
  useBrowserPerFile,
} from './harness.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowserPerFile();

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 860 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Visits states one after the other and keeps axe's serious and critical findings per state. */
function sweep(page: Page) {
  const found: Record<string, AxeFinding[]> = {};
  return {
    found,
    async check(state: string) {
      const blocking = (await axeViolations(page)).filter(isBlocking);
      if (blocking.length > 0) found[state] = blocking;
    },
  };
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

describe.each(VIEWPORTS)('axe (WCAG 2.2 AA) at $name size', (viewport) => {
  it('finds nothing serious on the pages a visitor sees', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl, viewport);
    try {
      const { found, check } = sweep(page);
      await page.goto('/');
      await page.getByRole('link', { name: CATALOGUE[1]!.title }).waitFor();
      await check('catalogue');
      if (viewport.name === 'phone') {
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('link', { name: 'Log in' }).waitFor({ state: 'visible' });
        await check('phone menu open');
        await page.getByRole('button', { name: 'Menu' }).click();
      }
      await page.getByRole('link', { name: CATALOGUE[1]!.title }).click();
      await heading(page, CATALOGUE[1]!.title);
      await check('job page');

      await page.goto('/login');
      await heading(page, 'Welcome back');
      await check('login');
      await page.getByLabel('Email or username').fill('nobody');
      await page.getByLabel('Password').fill('wrong password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('alert').waitFor();
      await check('login, refused');

      await page.goto('/register');
      await heading(page, /account/i);
      await check('register');
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await check('register, invalid');

      await page.goto('/no-such-page');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('not found');
      expect(found).toEqual({});
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('finds nothing serious on the pages of a candidate’s interview', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl, viewport);
    try {
      const { found, check } = sweep(page);
      await signUpViaApi(page, baseUrl);
      await page.goto('/practise/own');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('own job');
      await page.getByRole('button', { name: 'Continue to setup' }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await check('own job, refused');
      await page.getByLabel('Job description').fill('Requirements:\n- Kubernetes\n- Terraform');
      await page.getByRole('button', { name: 'Find skills in the posting' }).click();
      await page.getByText(/Found \d+ skills? in the posting/).waitFor();
      await check('own job, skills found in the posting');

      await page.goto('/');
      await page.getByRole('link', { name: CATALOGUE[0]!.title }).click();
      await page.getByRole('link', { name: 'Practise for this job' }).click();
      await page.getByLabel('Number of questions').waitFor();
      await check('setup');

      // with a time limit per answer: the room shows a countdown
      await page.getByLabel('Number of questions').fill('3');
      await page.getByLabel('Time per answer').selectOption('60');
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
      await page.getByTestId('answer-timer').waitFor();
      await check('interview room, question with a countdown');
      await answerCurrent(page, GOOD_ANSWER);
      await check('interview room, feedback');
      await page.getByText('What a strong answer covers').click();
      await page.getByTestId('model-answer').waitFor();
      await check('interview room, what a strong answer covers');
      await page.getByRole('button', { name: 'Redo this answer' }).click();
      await page.getByLabel('Your new answer').waitFor();
      await check('interview room, redoing an answer');
      await page.getByRole('button', { name: 'End interview' }).click();
      await page.getByRole('button', { name: 'Yes, end it' }).waitFor();
      await check('interview room, confirming the end');
      await page.getByRole('button', { name: 'Yes, end it' }).click();
      await page.waitForURL(/\/report$/);
      await page.getByTestId('overall-score').waitFor();
      await check('report');
      // share links (issue #14): created, then the public page, then the page after revoking
      await page.getByRole('button', { name: 'Create share link' }).click();
      const shareUrl = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
      await check('report, share link created');
      const reportUrl = page.url();
      await page.goto(shareUrl);
      await heading(page, 'Shared interview report');
      await check('shared report');
      await page.goto(reportUrl);
      await page.getByRole('button', { name: 'Revoke' }).click();
      await page.getByRole('button', { name: 'Revoke link' }).click();
      await page.getByText('1 past link').waitFor();
      await page.goto(shareUrl);
      await heading(page, 'We could not find this shared report');
      await check('shared report, revoked');
      await page.goto(reportUrl);
      await page.getByTestId('overall-score').waitFor();
      await page.getByText('What a strong answer covers').first().click();
      await page.getByTestId('model-answer').first().waitFor();
      await check('report, what a strong answer covers');
      await page
        .getByRole('link', { name: /^Practise this skill: / })
        .first()
        .click();
      await page.getByText(/Skills to practise \(1 of \d+\)/).waitFor();
      await check('setup, practising one skill');

      await page.goto('/history');
      await page.getByTestId('chart-skills').locator('.recharts-bar-rectangle').first().waitFor();
      await check('history');
      // the charts are named images, not unnamed role="application" SVGs; their numbers are a table
      await page.getByRole('img', { name: /^Line chart of your overall score/ }).waitFor();
      await page.getByRole('img', { name: /^Bar chart of your average answer score/ }).waitFor();
      expect(await page.locator('[role="application"]').count()).toBe(0);
      for (const summary of await page.getByText('Show the numbers').all()) await summary.click();
      await page.getByRole('table', { name: 'Average answer score by skill' }).waitFor();
      await page.getByRole('table', { name: 'Overall score of each completed interview' }).waitFor();
      await check('history, the charts’ numbers shown');

      await page.goto('/profile');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('profile');
      await page.getByLabel('Current password').fill('whatever it was');
      await page.getByLabel('New password', { exact: true }).fill('a new long password');
      await page.getByLabel('Repeat new password').fill('a different password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('The two passwords differ').waitFor();
      await check('profile, passwords differ');
      expect(found).toEqual({});
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('finds nothing serious on the admin pages', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl, viewport);
    try {
      const { found, check } = sweep(page);
      const login = await page.request.post('/trpc/auth.login', {
        data: { email: ADMIN.email, password: ADMIN.password },
        headers: { origin: baseUrl, 'content-type': 'application/json' },
      });
      expect(login.ok()).toBe(true);
      await page.goto('/admin/users');
      await page.getByTestId(`user-row-${ADMIN.username}`).waitFor();
      await check('admin users');
      await page.goto('/admin/jobs');
      await page.getByRole('link', { name: CATALOGUE[0]!.title }).waitFor();
      await check('admin catalogue');
      await page.getByRole('button', { name: 'New job description' }).click();
      await page.getByLabel('Job title').waitFor();
      await check('admin catalogue, new job form');
      await page.goto('/admin/sessions');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('table, .state--empty').first().waitFor();
      await check('admin sessions');
      // a candidate's report as an admin reads it (the candidate test above ended one after 1 of 3
      // answers), with the grade correction open
      await page.getByLabel('Status').selectOption('completed');
      await page
        .getByRole('row')
        .filter({ hasText: 'Ended early · 1 of 3' })
        .first()
        .getByRole('link', { name: 'Detail & feedback' })
        .click();
      await heading(page, 'Interview report');
      await page.getByRole('button', { name: 'Correct the grade' }).first().click();
      await page.getByLabel('Score (0–10)').first().waitFor();
      await check('admin, a candidate’s report, correcting a grade');
      expect(found).toEqual({});
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('what axe cannot see, in a real browser', () => {
  it('phone menu: Escape closes it; a route change focuses the new h1; a failed submit focuses the field', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl, VIEWPORTS[1]);
    try {
      await page.goto('/');
      await page.getByRole('link', { name: CATALOGUE[1]!.title }).waitFor();
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.click();
      await page.getByRole('link', { name: 'Log in' }).waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'Log in' }).waitFor({ state: 'hidden' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

      // by keyboard into the menu and to the login page: focus lands on its heading, not <body>
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Log in' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/login$/);
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Welcome back');

      // a refused sign-up takes focus to the first field to fix
      await page.goto('/register');
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByLabel('Username').fill('ok_name');
      await page.getByLabel('Password').fill('long enough password');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the focus ring around a blue button is opaque and separated from it', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await page.goto('/login');
      await page.getByLabel('Email or username').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      // buttons ease their shadow in: read it once the transition is over
      await page.waitForFunction(() => (document.activeElement as HTMLElement).getAnimations().length === 0);
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { text: el.textContent, background: style.backgroundColor, shadow: style.boxShadow };
      });
      expect(ring.text).toBe('Log in');
      // a gap of the surface colour, then a solid accent ring (no alpha): rgb(), never rgba()
      expect(ring.shadow).toBe('rgb(255, 255, 255) 0px 0px 0px 2px, rgb(59, 91, 219) 0px 0px 0px 4px');
      expect(ring.background).toBe('rgb(59, 91, 219)');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
