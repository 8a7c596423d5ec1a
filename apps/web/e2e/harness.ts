import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { withEnv } from './env.ts';

export const screenshotDir = fileURLToPath(new URL('../screenshots', import.meta.url));

export { ADMIN, CATALOGUE } from './fixtures.ts';

/** One browser per test file (each test opens its own context): launched before, closed after. */
export function useBrowserPerFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/** The Chromium that global setup found or installed (see browser.ts). `extraArgs`: e.g. a fake
 * microphone fed from a file (the voice test). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const found = inject('chromium');
  return chromium.launch({
    executablePath: found.executablePath,
    env: withEnv(found.env),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A fresh context (own cookies) that fails the test on any page error or dialog. */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  opts: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 },
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // the server's Content-Security-Policy must let every page work: a violation is a failure
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, problems };
}

let seq = 0;
export function uniqueUser(prefix = 'cand') {
  const id = `${prefix}${Date.now().toString(36)}${++seq}${process.pid}`;
  return { email: `${id}@example.com`, username: id.slice(0, 32), password: 'practice-makes-perfect' };
}

/** Registers and logs in through the API (the context keeps the cookie): for tests that are not about sign-up. */
export async function signUpViaApi(page: Page, baseUrl: string, user = uniqueUser()) {
  const headers = { origin: baseUrl, 'content-type': 'application/json' };
  const reg = await page.request.post('/trpc/auth.register', { data: user, headers });
  if (!reg.ok()) throw new Error(`register failed: ${reg.status()} ${await reg.text()}`);
  const login = await page.request.post('/trpc/auth.login', {
    data: { email: user.email, password: user.password },
    headers,
  });
  if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
  return user;
}

export async function logInViaUi(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email or username').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/** From a job page: setup with `count` questions, start, and land in the room on question 1. */
export async function startInterview(page: Page, jobTitle: string, count: number) {
  await page.goto('/');
  await page.getByRole('link', { name: jobTitle }).click();
  await page.getByRole('heading', { level: 1, name: jobTitle }).waitFor();
  await page.getByRole('link', { name: 'Practise for this job' }).click();
  await page.getByLabel('Number of questions').fill(String(count));
  await page.getByRole('button', { name: 'Start interview' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
  await page.getByTestId('question-text').waitFor();
}

export const GOOD_ANSWER =
  'In my last role I led the migration of our checkout to React with TypeScript. The situation: pages took 6 seconds ' +
  'to become interactive on low-end phones. I profiled with the React profiler, split the bundle, memoised the ' +
  'expensive lists and added tests for accessibility. As a result time to interactive fell to 2.1 seconds and ' +
  'conversion rose 4%. I chose code splitting over a rewrite because the trade-off of risk versus gain was better.';

/** Answers the current question; returns once its feedback card is shown. */
export async function answerCurrent(page: Page, answer: string) {
  await page.getByRole('textbox', { name: 'Your answer' }).fill(answer);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByTestId('feedback-card').waitFor();
}

/** Answers every question, follow-ups included, until the plan is done; returns how many answers were given. */
export async function answerUntilDone(
  page: Page,
  answers: (i: number) => string,
  onFeedback?: (i: number) => Promise<void>,
) {
  let i = 0;
  for (; i < 40; i++) {
    await answerCurrent(page, answers(i));
    if (onFeedback) await onFeedback(i);
    const next = page.getByRole('button', { name: /^(Next question|Answer the follow-up)/ });
    const finish = page.getByRole('button', { name: 'Finish and see my score' });
    await next.or(finish).first().waitFor();
    if (await finish.isVisible()) return i + 1;
    await next.click();
    await page.getByTestId('question-text').waitFor();
  }
  throw new Error('the interview never finished');
}

export async function screenshot(page: Page, name: string, fullPage = true) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage });
}
