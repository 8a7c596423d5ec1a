import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { newContext, signUpViaApi, useBrowserPerFile } from './harness.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowserPerFile();

/**
 * The Content-Security-Policy and framing rules, in a real browser (issue #12, finding 2). Every
 * other e2e test fails on a CSP violation too (harness.ts), so the SPA's pages are covered there.
 */
describe('security headers in Chromium', () => {
  it('the API docs (Swagger UI) render under the CSP, with no violation', async () => {
    const { context, page, problems } = await newContext(browser(), baseUrl);
    try {
      await page.goto('/api/docs');
      // the operations are listed: Swagger UI's script ran and its styles applied
      await page.locator('.opblock').first().waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      expect(await page.locator('.swagger-ui .info').evaluate((e) => getComputedStyle(e).marginTop)).not.toBe(
        '0px',
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('no page can frame the app, even for a logged-in user (frame-ancestors, X-Frame-Options)', async () => {
    const { context, page } = await newContext(browser(), baseUrl);
    try {
      const user = await signUpViaApi(page, baseUrl);
      // the profile is readable at the top level
      await page.goto('/profile');
      await page.getByText(user.email).waitFor();
      // a page on another port of the same host: the same site, so the session cookie rides along
      const framer = createServer((_req, res) =>
        res.end(`<!doctype html><iframe src="${baseUrl}/profile" width="600" height="400"></iframe>`),
      );
      await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
      try {
        await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
        await page.waitForTimeout(2000);
      } finally {
        framer.close();
      }
      const framed = page.frames().find((f) => f.url().startsWith(baseUrl));
      const text = framed
        ? await framed.evaluate(() => document.body?.textContent ?? '').catch(() => '')
        : '';
      expect(text).not.toContain(user.email);
    } finally {
      await context.close();
    }
  });
});
