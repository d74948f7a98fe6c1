import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import type { AppConfig } from '../../server/config.js';
import { SESSION_COOKIE } from '../../server/plugins/auth.js';
import { startTestServer, type TestUser } from '../helper.js';
import { launchBrowser, type TestBrowser } from './chromium.js';

export interface TestSite {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: TestBrowser;
}

/**
 * The setup of a browser test file: the real app on a fresh database, listening on loopback,
 * and a headless Chromium; both closed after the file. Read `site.server` and `site.browser`
 * inside tests (they are set in beforeAll).
 */
export function useTestSite(overrides: Partial<AppConfig> = {}): TestSite {
  const site = {} as TestSite;
  beforeAll(async () => {
    site.server = await startTestServer(overrides);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Pages for a file's tests of public pages, all in one browser context opened once for the
 * file: a context's first page costs several times what a further page does. Each call gives
 * a fresh page sized to `viewport` before it loads; its close() also clears the context's
 * cookies (a Spanish page or the language switch remembers a language), so nothing carries
 * over to the next test. Only for pages that keep nothing in storage (the public client does
 * not use it); a test that needs its own locale, routes or sign-in opens its own context.
 */
export function usePublicPages(
  site: TestSite,
): (viewport: { width: number; height: number }) => Promise<{ page: Page; close(): Promise<void> }> {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    context = await site.browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
  });
  return async (viewport) => {
    const shared = context!;
    const page = await shared.newPage();
    await page.setViewportSize(viewport);
    return {
      page,
      async close() {
        await page.close();
        await shared.clearCookies();
      },
    };
  };
}

export interface WorkspacePage {
  page: Page;
  /** The page's uncaught errors, as "page error: …" lines: a test expects none. */
  problems: string[];
}

/**
 * Workspace pages for a file's tests: one browser context per account, opened at that
 * account's first page and kept for the file. The account is signed in by its session cookie
 * (`createSignedInUser` makes the session through the API), never through the sign-in form,
 * which the tests of that form open for themselves. A fresh context per test paid for its
 * first page several times what a further page costs, fetching and compiling the workspace's
 * scripts again; a page in a kept context gets them from that context's cache (the workspace's
 * documents and API answers are `no-store`, so no test sees another's data from a cache).
 *
 * Each call (with `null` for a signed-out visitor) gives a fresh page sized to `viewport`.
 * When the test ends, passed or failed, the page closes and takes with it what the test left
 * in the browser: the site's localStorage (the evidence form keeps drafts there) and every
 * cookie but the session (a language choice), so no test sees another's leftovers or depends
 * on the order. If that clean-up fails, the context is dropped and the next test gets a new one.
 * A test that changes the context itself (installs a clock, grants permissions, swaps the
 * session cookie, signs the account out everywhere) opens a context of its own.
 */
export function useWorkspacePages(
  site: TestSite,
): (user: TestUser | null, viewport?: { width: number; height: number }) => Promise<WorkspacePage> {
  const contexts = new Map<string, Promise<BrowserContext>>();
  afterAll(async () => {
    for (const context of contexts.values()) await (await context).close();
  });
  const sessionOf = (user: TestUser | null) =>
    user ? [{ name: SESSION_COOKIE, value: user.token, url: site.server.origin }] : [];

  function contextOf(user: TestUser | null): Promise<BrowserContext> {
    const key = user?.token ?? '';
    let context = contexts.get(key);
    if (!context) {
      context = site.browser.newContext({ locale: 'en-US' }).then(async (created) => {
        await created.addCookies(sessionOf(user));
        return created;
      });
      contexts.set(key, context);
    }
    return context;
  }

  /** Empties the site's localStorage from `page` (on the site, or on a blank page routed there) and closes it. */
  async function forgetAndClose(page: Page): Promise<void> {
    if (new URL(page.url()).origin !== site.server.origin) {
      const blank = `${site.server.origin}/__test-storage-reset`;
      await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '' }));
      await page.goto(blank);
    }
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }

  return async (user, viewport = { width: 1100, height: 900 }) => {
    const context = await contextOf(user);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    onTestFinished(async () => {
      try {
        await forgetAndClose(page.isClosed() ? await context.newPage() : page);
        await context.clearCookies();
        await context.addCookies(sessionOf(user));
      } catch {
        contexts.delete(user?.token ?? '');
        await context.close();
      }
    });
    return { page, problems };
  };
}

/**
 * Opens `url` and waits until the public page has finished what it does by itself: loaded
 * (scripts, styles, images), fonts ready, every custom element defined and rendered with no
 * update pending, and every chart near the screen (charts draw within 200 px of it, see
 * client/components/chart-element.ts) done: its history fetched and its canvas drawn, or its
 * failure shown. That is the state `waitUntil: 'networkidle'` reached, named instead of
 * inferred from half a second without requests, which every page paid for on top.
 */
export async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  try {
    await page.waitForFunction(unsettled, true);
  } catch (err) {
    // Name what the page is still doing instead of only "timeout exceeded".
    const pending = await page.evaluate(unsettled, false).catch(() => 'unknown (the page is gone)');
    throw new Error(`${url} did not settle: still waiting for ${String(pending)}`, { cause: err });
  }
}

/**
 * Runs in the page (passed whole, as functions are, since the pages' CSP forbids evaluating
 * strings): with `asCondition`, whether the page has settled (see openSettled); without, what it
 * still waits for ('' once settled).
 */
function unsettled(asCondition: boolean): boolean | string {
  const reason = whatIsUnsettled();
  return asCondition ? reason === '' : reason;

  function whatIsUnsettled(): string {
    if (document.readyState !== 'complete') return 'the load event';
    if (document.fonts.status !== 'loaded') return 'fonts';
    const undefinedElement = document.querySelector(':not(:defined)');
    if (undefinedElement) return `<${undefinedElement.localName}> to be defined`;
    type Lit = HTMLElement & { hasUpdated?: boolean; isUpdatePending?: boolean; nearScreen?: boolean };
    const custom = [...document.querySelectorAll<Lit>('*')].filter((el) => el.localName.includes('-'));
    const updating = custom.find((el) => el.hasUpdated === false || el.isUpdatePending === true);
    if (updating) return `<${updating.localName}> to render`;
    const margin = 200;
    for (const chart of document.querySelectorAll<Lit>('sc-radar-chart, sc-trend-chart, sc-bar-chart')) {
      const r = chart.getBoundingClientRect();
      const near =
        (r.width > 0 || r.height > 0) &&
        r.bottom >= -margin &&
        r.top <= innerHeight + margin &&
        r.right >= -margin &&
        r.left <= innerWidth + margin;
      if (!near) continue;
      if (!chart.nearScreen || chart.querySelector('.status-line')) return `<${chart.localName}> to load`;
      const canvas = chart.querySelector('canvas');
      if (!canvas) continue;
      const pixels = canvas.width === 0 ? [] : canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let drawn = false;
      for (let i = 3; i < pixels.length && !drawn; i += 4) drawn = pixels[i] !== 0;
      if (!drawn) return `<${chart.localName}> to draw`;
    }
    return '';
  }
}
