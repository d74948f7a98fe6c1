import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
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
 * file: a context's first page costs several times what a further page does. A page is also
 * kept for the next test instead of closed: a new page starts a new renderer, which parses and
 * compiles the site's scripts and axe-core afresh, about half a second of CPU per page with axe
 * (tests/README.md). Each call gives a page no other running test has, sized to `viewport`,
 * for the test to navigate (openSettled); its close(), or the end of the test if it failed
 * first, takes off the test's listeners and routes and clears the context's cookies (a
 * Spanish page or the language switch remembers a language), so nothing carries over to the
 * next test, print media emulation included. A test must not change what cannot be taken back
 * on such a page (addInitScript, exposeFunction, page.clock), nor count the requests a page makes
 * (its renderer may take a script the last test loaded from memory, asking nothing): it opens a
 * context of its own, as does a signed-in test. Only for pages that keep nothing in storage
 * (the public client does not use it). `options` are the context's (a browser's `locale`, say;
 * a file may call this once per locale). A file whose tests change what public pages show
 * passes `httpCache: false`: public pages are cached for 30 s, so a kept page (or any page of
 * the shared context) would show the last test's copy; its pages then fetch everything afresh.
 */
export function usePublicPages(
  site: TestSite,
  { httpCache = true, ...options }: Pick<BrowserContextOptions, 'locale'> & { httpCache?: boolean } = {},
): (viewport: { width: number; height: number }) => Promise<{ page: Page; close(): Promise<void> }> {
  let context: BrowserContext | undefined;
  /** Pages no running test holds, ready for the next. */
  const idle: Page[] = [];
  beforeAll(async () => {
    context = await site.browser.newContext(options);
  });
  afterAll(async () => {
    await context?.close();
  });
  async function newPage(shared: BrowserContext): Promise<Page> {
    const page = await shared.newPage();
    if (!httpCache) {
      // On a DevTools session of its own: Playwright's session turns the cache back on when a
      // test's routes are taken off, and Chromium bypasses the cache if any session disabled it.
      const devtools = await shared.newCDPSession(page);
      await devtools.send('Network.enable');
      await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    return page;
  }
  return async (viewport) => {
    const shared = context!;
    const page = idle.pop() ?? (await newPage(shared));
    let released = false;
    const close = async () => {
      if (released || page.isClosed()) return;
      released = true;
      await takeOffTestHandlers(page);
      // The test's document would go on running (timers, requests) until the next test navigates.
      await page.goto('about:blank');
      await shared.clearCookies();
      idle.push(page);
    };
    onTestFinished(close);
    await page.setViewportSize(viewport);
    return { page, close };
  };
}

/**
 * Signs `context` in as `user` the way a browser that signed in would be: the session cookie
 * `createSignedInUser` made through the API, on the site's origin.
 */
export function signInAs(context: BrowserContext, site: TestSite, user: TestUser): Promise<void> {
  return context.addCookies([{ name: SESSION_COOKIE, value: user.token, url: site.server.origin }]);
}

/** Takes off what a test put on a page kept for the next: its listeners, routes and emulated media. */
async function takeOffTestHandlers(page: Page): Promise<void> {
  page.removeAllListeners();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null, forcedColors: null });
}

export interface WorkspacePage {
  page: Page;
  /** The page's uncaught errors during this test, as "page error: …" lines: a test expects none. */
  problems: string[];
}

/**
 * Workspace pages for a file's tests, kept for the file and navigated by each test where it
 * needs to go: a test's first call gets the file's first page, a second call in the same test
 * (another account seen at once) the second page, and so on, each page in a browser context of
 * its own. Each call (with `null` for a signed-out visitor) gives that page's context exactly
 * the account's session cookie (`createSignedInUser` makes the session through the API; the
 * sign-in form only where a test opens it itself), sizes the page to `viewport` and collects
 * its uncaught errors. Measured in Chromium: a context or a page per test made each test's
 * first axe-core run compile axe again in a new renderer (0.5 to 1.5 s of renderer time on a
 * workspace screen); a page kept on the site keeps its renderer, which compiles it once.
 *
 * When the test ends, passed or failed, what it left behind goes: its listeners and routes on
 * the pages, the site's localStorage (the evidence form keeps drafts there) and sessionStorage,
 * and the cookies (the session, a language choice). No test sees another's leftovers or
 * depends on the order; the workspace's documents and API answers are `no-store`, so no cached
 * copy carries an account's view to the next (a public page, cached 30 s, should be opened
 * once per file). If the clean-up fails, the page's context is dropped and a new one opened
 * when next needed. A test that changes a context in other ways (installs a clock, grants
 * permissions) opens a context of its own.
 */
export function useWorkspacePages(
  site: TestSite,
): (user: TestUser | null, viewport?: { width: number; height: number }) => Promise<WorkspacePage> {
  const pages: Array<Promise<Page> | undefined> = [];
  /** The pages the running test has, in the order it asked for them. */
  const inUse: Array<Promise<Page>> = [];
  afterAll(async () => {
    for (const page of pages) if (page) await (await page).context().close();
  });

  async function open(): Promise<Page> {
    const context = await site.browser.newContext({ locale: 'en-US' });
    return context.newPage();
  }

  /** Leaves `page` on the site with nothing of the test's in it (see useWorkspacePages). */
  async function reset(page: Page): Promise<void> {
    await takeOffTestHandlers(page);
    if (new URL(page.url()).origin !== site.server.origin) {
      // A blank document on the site's origin, answered here, to reach its storage.
      const blank = `${site.server.origin}/__test-storage-reset`;
      await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '' }));
      await page.goto(blank);
      await page.unrouteAll();
    }
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.context().clearCookies();
  }

  /** The file's page in `slot`: the one kept there, or a new one if there is none or it was closed. */
  function pageIn(slot: number): Promise<Page> {
    const kept = pages[slot];
    const page = (async () => {
      // A page that failed to open is opened again.
      const previous = await kept?.catch(() => undefined);
      if (previous && !previous.isClosed()) return previous;
      await previous?.context().close();
      return open();
    })();
    pages[slot] = page;
    return page;
  }

  /** At a test's end: resets each page it had; a page that cannot be reset is dropped. */
  async function cleanUp(): Promise<void> {
    for (const [slot, opened] of inUse.splice(0).entries()) {
      const page = await opened.catch(() => undefined);
      if (!page) continue;
      try {
        await reset(page);
      } catch {
        pages[slot] = undefined;
        await page.context().close();
      }
    }
  }

  return async (user, viewport = { width: 1100, height: 900 }) => {
    // Taken before any await, so two pages asked for at once get different slots.
    const slot = inUse.length;
    if (slot === 0) onTestFinished(cleanUp);
    const opened = pageIn(slot);
    inUse.push(opened);
    const page = await opened;
    await page.context().clearCookies();
    if (user) await signInAs(page.context(), site, user);
    await page.setViewportSize(viewport);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
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
