import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Debian's `chromium-headless-shell` first: the same Blink and V8 as its `chromium`, built as the
 * headless-only shell that Playwright itself runs for headless tests. The full browser's
 * headless mode carries the desktop browser's machinery along (its display compositor, browser
 * services): the slow project took 219 s of CPU with `chromium` and 165 s with the shell, every
 * test passing on both. `chromium` stays the fallback (and CHROMIUM_PATH names any other).
 */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * Finds Debian's Chromium (or CHROMIUM_PATH). Browser tests never skip silently: without a
 * browser they fail with this message.
 */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's packages (apt-get install -y chromium-headless-shell chromium) " +
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

/** The flags this sandbox needs: root, no GPU, no network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The run's shared Chromium (tests/browser/global-setup.ts), when this is a slow vitest test. */
async function sharedEndpoint(): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return inject('chromiumWsEndpoint');
}

/**
 * A headless Chromium: inside `npm test`, a connection to the run's one shared browser (close()
 * disconnects and drops this file's contexts); elsewhere (scripts, benches), a browser launched
 * for the caller with a fresh, temporary profile, which close() ends.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const endpoint = await sharedEndpoint();
  const browser = endpoint
    ? await chromium.connect(endpoint)
    : await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    newContext: (options) => browser.newContext(options),
    async close() {
      await browser.close();
    },
  };
}
