import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Finds Debian's Chromium (or CHROMIUM_PATH). Browser tests never skip silently: without a
 * browser they fail with this message.
 */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install Debian\'s package (apt-get install -y chromium) ' +
        'or set CHROMIUM_PATH to a Chromium binary. .ci/run installs it automatically.',
    );
  }
  return found;
}

export interface TestBrowser {
  browser: Browser;
  /** A fresh context (cookies, storage) per test file or test. */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with the flags this sandbox needs (root, no GPU, no network
 * chatter); Playwright gives each launch a fresh, temporary profile of its own.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    newContext: (options) => browser.newContext(options),
    async close() {
      await browser.close();
    },
  };
}
