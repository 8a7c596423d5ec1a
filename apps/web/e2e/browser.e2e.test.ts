/**
 * The browser finder's own paths. The npm-shipped build is launched here on every run, even on
 * machines that use the system Chromium, so the fallback cannot rot unnoticed (a Playwright
 * upgrade it does not speak to, a library it no longer finds).
 */
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { provideChromium } from './browser.ts';
import { withEnv } from './env.ts';

describe('provideChromium', () => {
  it('E2E_BROWSER=npm: the build inside @sparticuz/chromium launches headless and renders a page', async () => {
    const found = await provideChromium(() => {}, { chromiumPath: undefined, browserSource: 'npm' });
    expect(found.description).toMatch(
      /^Chromium \d+.* the build inside the @sparticuz\/chromium npm package/,
    );
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      env: withEnv(found.env),
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<main><span>Practise</span> <button>Start interview</button></main>');
      await expect(page.getByRole('button', { name: 'Start interview' }).isVisible()).resolves.toBe(true);
      // Text is drawn with a font it found (its own or the system's): with none, a span has no width.
      const width = await page.locator('span').evaluate((s) => s.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(20);
    } finally {
      await browser.close();
    }
  });

  it('a CHROMIUM_PATH that is not a browser fails the run, naming it (no fallback, no skip)', async () => {
    await expect(
      provideChromium(() => {}, { chromiumPath: '/nonexistent/chromium', browserSource: 'auto' }),
    ).rejects.toThrow('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
  });
});
