/** The one reader of process.env for the browser tests. */

export type BrowserSource = 'auto' | 'npm';

export const e2eEnv = {
  /** A Chromium to use as it is: no install, no fallback. */
  chromiumPath: process.env.CHROMIUM_PATH || undefined,
  /** `npm` skips the system browser and apt-get and uses the one inside @sparticuz/chromium (to test that path). */
  browserSource: parseSource(process.env.E2E_BROWSER),
};

function parseSource(value: string | undefined): BrowserSource {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'npm') return 'npm';
  throw new Error(`E2E_BROWSER must be "auto" or "npm", not "${value}"`);
}

/** Our environment plus `extra`, for a child process (Playwright replaces the browser's whole environment when given one). */
export const withEnv = (extra: Record<string, string>): Record<string, string | undefined> => ({
  ...process.env,
  ...extra,
});
