import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import type { AppConfig } from '../../server/config.js';
import { startTestServer } from '../helper.js';
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
 * context of its own.
 * Only for pages that keep nothing in storage (the public client does not use it).
 * `options` are the context's (a browser's `locale`, say; a file may call this once per
 * locale); a test that needs its own routes or sign-in opens its own context.
 */
export function usePublicPages(
  site: TestSite,
  options: Pick<BrowserContextOptions, 'locale'> = {},
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
  return async (viewport) => {
    const shared = context!;
    const page = idle.pop() ?? (await shared.newPage());
    let released = false;
    const close = async () => {
      if (released || page.isClosed()) return;
      released = true;
      page.removeAllListeners();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null, forcedColors: null });
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
