import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectionDetail } from '../../server/schemas/elections.js';
import type { Scorecard } from '../../server/schemas/scorecard.js';
import { seriousAccessibilityProblems } from './accessibility.js';
import { usePublicPages, useTestSite } from './site.js';
import { partnerPage, startPartnerSite } from './third-party-site.js';

const AVERY = 'demo-avery-placeholder';
const JORDAN = 'demo-jordan-sample';
const ELECTION = 'demo-2026-district-attorney';

/** CSS a careless partner page might have: it must not reach inside the widget. */
const HOSTILE_CSS = `
  :root { font-size: 30px; }
  * { font-family: "Courier New", monospace !important; color: #ff00ff !important; letter-spacing: 3px !important;
      line-height: 3 !important; text-transform: uppercase !important; }
  h2, p, a, ol, li, span, table, td, th, header, footer, article, canvas, details, summary {
    margin: 30px !important; padding: 15px !important; border: 4px solid #ff00ff !important; background: yellow !important; }
  .card, .grade, .bar, .root, .standard, .label { display: inline !important; width: 10px !important; }
`;

/** Host markup that shares the widget's class names, to show the widget's CSS stays inside it. */
const HOST_MARKUP = `<header class="card"><h2 class="name">Partner news</h2><p class="grade">Our own paragraph with a <a class="link" href="#x">link</a>.</p>
<ol class="standards"><li class="standard">Item</li></ol><table><tr><td class="label">Cell</td></tr></table><footer class="root">Footer</footer></header>`;

const site = useTestSite();
let partner: Awaited<ReturnType<typeof startPartnerSite>>;
let avery: Scorecard;
let jordan: Scorecard;

const widgetScript = (query = '') => `<script type="module" src="${site.server.origin}/widget.js${query}"></script>`;

beforeAll(async () => {
  const get = async <T>(path: string) => (await (await fetch(`${site.server.origin}${path}`)).json()) as T;
  avery = await get<Scorecard>(`/api/subjects/${AVERY}/scorecard`);
  jordan = await get<Scorecard>(`/api/subjects/${JORDAN}/scorecard`);
  const o = site.server.origin;
  partner = await startPartnerSite(o, {
    '/full': partnerPage(`${HOST_MARKUP}
${widgetScript()}
<script type="module" src="${o}/widget-resize.js"></script>
<div class="slot" id="slot-card"><da-scorecard subject="${AVERY}"></da-scorecard></div>
<div class="slot" id="slot-chart"><da-scorecard subject="${JORDAN}" variant="chart"></da-scorecard></div>
<iframe id="frame" src="${o}/embed/${AVERY}?variant=card" title="Scorecard" width="400" height="100" frameborder="0"></iframe>
<a href="${o}/people/${AVERY}"><img id="badge" src="${o}/badge/${AVERY}.svg" alt="Avery's grade" width="360" height="76"></a>`),
    '/plain-card': partnerPage(`${widgetScript()}<div class="slot"><da-scorecard subject="${AVERY}"></da-scorecard></div>`),
    '/hostile-card': partnerPage(`${widgetScript()}<div class="slot"><da-scorecard subject="${AVERY}"></da-scorecard></div>`, HOSTILE_CSS),
    '/host-only': partnerPage(HOST_MARKUP),
    '/themed': partnerPage(
      `${widgetScript()}<div class="slot"><da-scorecard subject="${AVERY}"></da-scorecard></div>`,
      `da-scorecard { --da-scorecard-accent: rgb(1, 2, 3); --da-scorecard-font: Georgia, serif; }
       da-scorecard::part(grade) { border-radius: 0px; outline: 1px solid rgb(4, 5, 6); }`,
    ),
    '/host-with-widget': partnerPage(
      `${HOST_MARKUP}${widgetScript()}<div class="slot"><da-scorecard subject="${AVERY}"></da-scorecard></div>`,
    ),
    '/cards-only': partnerPage(`${widgetScript()}<da-scorecard subject="${AVERY}"></da-scorecard>
<da-scorecard subject="${AVERY}" variant="badge" standard="kids"></da-scorecard>
<da-scorecard variant="compare" election="${ELECTION}"></da-scorecard>`),
    '/twice': partnerPage(`${widgetScript()}${widgetScript('?copy=2')}${widgetScript()}
<da-scorecard subject="${AVERY}"></da-scorecard><da-scorecard subject="${JORDAN}"></da-scorecard>`),
    '/spanish': partnerPage(`${widgetScript()}<div class="slot"><da-scorecard subject="${AVERY}" lang="es"></da-scorecard></div>
<iframe id="frame-es" src="${o}/embed/${AVERY}?variant=card&lang=es" title="Boleta" width="400" height="300" frameborder="0"></iframe>
<img id="badge-es" src="${o}/badge/${AVERY}.svg?lang=es" alt="Calificación" width="360" height="76">`),
    '/unknown': partnerPage(`${widgetScript()}<da-scorecard subject="nobody-by-this-name"></da-scorecard>`),
  });
});

afterAll(async () => {
  await partner?.close();
});

interface Watched {
  page: Page;
  errors: string[];
  warnings: string[];
  requests: string[];
  close(): Promise<void>;
}

/** Pages kept for the file's next test (usePublicPages), for the tests that count no requests. */
const keptPage = usePublicPages(site);
/** The kept pages that already log CSP violations (an init script cannot be taken off, and every test wants it). */
const reportingCsp = new WeakSet<Page>();

/**
 * Opens a page and records what a partner would see in the console: errors, warnings, CSP
 * reports. A kept page, unless the test asks for a context of its own (`ownContext`): one that
 * counts the requests a page makes (usePublicPages says why) or browses in another `locale`.
 */
async function open(path: string, { ownContext = false, locale }: { ownContext?: boolean; locale?: string } = {}): Promise<Watched> {
  let page: Page;
  let close: () => Promise<void>;
  if (ownContext) {
    const context = await site.browser.newContext(locale ? { locale } : {});
    page = await context.newPage();
    close = () => context.close();
  } else {
    ({ page, close } = await keptPage({ width: 1280, height: 720 }));
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  const requests: string[] = [];
  if (!reportingCsp.has(page)) {
    reportingCsp.add(page);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
  }
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(partner.origin + path);
  return { page, errors, warnings, requests, close };
}

/** The letters on the widget's grade tiles, in order (what a reader sees). */
async function tileLetters(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} .grade > [aria-hidden="true"]`).allTextContents();
}

const letters = (card: Scorecard) => card.standards.map((s) => s.grade ?? '–');

/** The requests for chart.js's chunk, which only the chart variant loads. */
const chartChunk = (urls: string[]) => urls.filter((u) => u.includes('widget-chunk-radar-chart'));

/** Waits until every script widget on the page has rendered (each ends with a footer). */
async function allWidgetsRendered(page: Page) {
  const widgets = await page.locator('da-scorecard').count();
  await expect.poll(() => page.locator('da-scorecard [part~=footer]').count()).toBe(widgets);
}

// Each partner page below is loaded once for everything checked on it (a load of a page of
// widgets, and axe-core's run, cost the most here).
describe('a partner page on another origin', () => {
  it('shows the grades the API serves in two script widgets, an iframe and an image, with no console errors or CSP violations; loads chart.js once, for its chart; has no serious accessibility problems in its widgets; ignores resize messages that do not come from the scorecard site', async () => {
    const w = await open('/full', { ownContext: true }); // counts chart.js's requests
    const { page } = w;
    await page.locator('#slot-card .standards').waitFor();
    await page.locator('#slot-chart canvas').waitFor();

    expect(await tileLetters(page, '#slot-card header')).toEqual([avery.overall.grade]);
    expect(await tileLetters(page, '#slot-card .standards')).toEqual(letters(avery));
    await expect.poll(() => page.locator('#slot-card footer').textContent()).toContain('Demo data');

    expect(await tileLetters(page, '#slot-chart header')).toEqual([jordan.overall.grade]);
    expect(await tileLetters(page, '#slot-chart table')).toEqual(letters(jordan));
    const chartLabel = await page.locator('#slot-chart canvas').getAttribute('aria-label');
    expect(chartLabel).toContain(jordan.subject.name);

    const frame = page.frameLocator('#frame');
    await frame.locator('da-scorecard .standards').waitFor();
    expect(await frame.locator('da-scorecard header .grade > [aria-hidden="true"]').textContent()).toBe(avery.overall.grade);
    // widget-resize.js grew the frame from 100px to its content. (Chromium pauses rendering in
    // cross-origin frames out of view, so scroll to it as a reader would.)
    await page.locator('#frame').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await page.locator('#frame').boundingBox())?.height ?? 0, { timeout: 5000 }).toBeGreaterThan(300);

    const badge = page.locator('#badge');
    await expect.poll(() => badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);
    const svg = await (await fetch(`${site.server.origin}/badge/${AVERY}.svg`)).text();
    expect(svg).toContain(`>${avery.overall.grade}</text>`);

    // Links go back to the full scorecard and the methodology on the scorecard site.
    const links = await page.locator('#slot-card footer a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual([`${site.server.origin}/people/${AVERY}`, `${site.server.origin}/methodology`]);

    expect(w.errors).toEqual([]);
    expect(w.warnings).toEqual([]);

    await expect.poll(() => chartChunk(w.requests).length).toBe(1);
    await allWidgetsRendered(page);
    expect(await seriousAccessibilityProblems(page, 'da-scorecard')).toEqual([]);

    // A resize message forged by another script on the partner page leaves the frame as it is.
    const frameBox = page.locator('#frame');
    await frameBox.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await frameBox.boundingBox())?.height ?? 0, { timeout: 5000 }).toBeGreaterThan(300);
    const before = (await frameBox.boundingBox())?.height;
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          // Messages are delivered in order: once a second one arrives, every listener has seen
          // the forged one; a frame later any resize it caused would be laid out.
          addEventListener('message', (e) => e.data === 'after-forged' && requestAnimationFrame(() => done()));
          window.postMessage({ type: 'da-scorecard:resize', height: 20 }, '*');
          window.postMessage('after-forged', '*');
        }),
    );
    expect((await frameBox.boundingBox())?.height).toBe(before);
    await w.close();
  });

  it('keeps the host page’s CSS out of the widget', async () => {
    const measure = async (path: string) => {
      const w = await open(path);
      await w.page.locator('da-scorecard .standards').waitFor();
      const result = await w.page.locator('da-scorecard').evaluate((host) => {
        const root = host.shadowRoot!;
        const pick = (sel: string) => {
          const el = root.querySelector(sel)!;
          const s = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return [
            s.color,
            s.fontFamily,
            s.fontSize,
            s.letterSpacing,
            s.textTransform,
            s.lineHeight,
            s.padding,
            s.backgroundColor,
            s.display,
            box.width,
            box.height,
          ];
        };
        const box = host.getBoundingClientRect();
        return {
          size: [box.width, box.height],
          name: pick('.name a'),
          grade: pick('.grade'),
          label: pick('.label'),
          bar: pick('.bar'),
          footer: pick('footer'),
        };
      });
      expect(w.errors).toEqual([]);
      await w.close();
      return result;
    };
    const plain = await measure('/plain-card');
    const hostile = await measure('/hostile-card');
    expect(hostile).toEqual(plain);
  });

  it('lets the partner theme it through custom properties and ::part', async () => {
    const w = await open('/themed');
    await w.page.locator('da-scorecard .standards').waitFor();
    const link = await w.page.locator('da-scorecard .name a').evaluate((a) => [getComputedStyle(a).color, getComputedStyle(a).fontFamily]);
    expect(link).toEqual(['rgb(1, 2, 3)', 'Georgia, serif']);
    const tile = await w.page
      .locator('da-scorecard .grade')
      .first()
      .evaluate((g) => [getComputedStyle(g).borderRadius, getComputedStyle(g).outlineColor]);
    expect(tile).toEqual(['0px', 'rgb(4, 5, 6)']);
    await w.close();
  });

  it('keeps the widget’s CSS out of the host page', async () => {
    const styles = async (path: string) => {
      const w = await open(path);
      if (path.includes('widget')) await w.page.locator('da-scorecard .standards').waitFor();
      const result = await w.page.evaluate(() =>
        ['header', 'h2', 'p', 'a', 'ol', 'li', 'td', 'footer', 'body'].map((sel) => {
          const s = getComputedStyle(document.querySelector(sel)!);
          return [
            sel,
            s.color,
            s.fontFamily,
            s.fontSize,
            s.margin,
            s.padding,
            s.border,
            s.background,
            s.display,
            s.listStyleType,
            s.textDecorationLine,
          ];
        }),
      );
      await w.close();
      return result;
    };
    expect(await styles('/host-with-widget')).toEqual(await styles('/host-only'));
  });
});

describe('the widget script', () => {
  it('renders every variant (one standard and an election comparison) with no serious accessibility problems, and loads no chart.js on a page without a chart', async () => {
    const w = await open('/cards-only', { ownContext: true }); // counts chart.js's requests
    const { page } = w;
    const badge = page.locator('da-scorecard[variant=badge]');
    await badge.locator('.standard-title').waitFor();
    const kids = avery.standards.find((s) => s.slug === 'kids')!;
    expect(await badge.locator('.standard-title').textContent()).toContain(kids.title);
    expect(await tileLetters(page, 'da-scorecard[variant=badge]')).toEqual([kids.grade ?? '–']);

    const election = (await (await fetch(`${site.server.origin}/api/elections/${ELECTION}`)).json()) as ElectionDetail;
    const compare = page.locator('da-scorecard[variant=compare]');
    await compare.locator('table').waitFor();
    const overallRow = await compare.locator('tbody tr').first().locator('.grade > [aria-hidden="true"]').allTextContents();
    expect(overallRow).toEqual(election.candidates.map((c) => c.scorecard.overall.grade ?? '–'));
    expect(await compare.locator('thead').textContent()).toContain(election.candidates[0].name);
    await page.locator('da-scorecard .standards').waitFor();
    expect(chartChunk(w.requests)).toEqual([]);
    expect(w.errors).toEqual([]);
    await allWidgetsRendered(page);
    expect(await seriousAccessibilityProblems(page, 'da-scorecard')).toEqual([]);
    await w.close();
  });

  it('shows the standards in its own language, whatever the browser prefers', async () => {
    const spanish = (await (await fetch(`${site.server.origin}/api/subjects/${AVERY}/scorecard?lang=es`)).json()) as Scorecard;
    expect(spanish.standards[2].title).not.toBe(avery.standards[2].title); // the API does speak Spanish
    const w = await open('/plain-card', { ownContext: true, locale: 'es-MX' });
    await w.page.locator('da-scorecard .standards').waitFor();
    const titles = await w.page.locator('da-scorecard .label').allTextContents();
    expect(titles).toEqual(avery.standards.map((s) => `${s.number}. ${s.title}`));
    await w.close();
  });

  it('speaks Spanish with lang="es" on a partner page: script widget, iframe and badge', async () => {
    const spanish = (await (await fetch(`${site.server.origin}/api/subjects/${AVERY}/scorecard?lang=es`)).json()) as Scorecard;
    const w = await open('/spanish');
    await w.page.locator('.slot da-scorecard .standards').waitFor();
    const widgetText = await w.page.locator('.slot da-scorecard').evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(widgetText).toContain('10 de 10 estándares con calificación');
    expect(widgetText).toContain('Calificaciones completas');
    expect(widgetText).toContain('Datos ficticios');
    const titles = await w.page.locator('.slot da-scorecard .label').allTextContents();
    expect(titles).toEqual(spanish.standards.map((s) => `${s.number}. ${s.title}`));
    expect(titles[2]).toBe('3. Tratar a los niños como niños');
    expect(await tileLetters(w.page, '.slot da-scorecard .standards')).toEqual(letters(spanish));
    const frame = w.page.frameLocator('#frame-es');
    await frame.locator('da-scorecard .standards').waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toBe('es');
    expect(await frame.locator('da-scorecard').evaluate((el) => el.shadowRoot!.textContent ?? '')).toContain('Cómo se califica');
    const badge = await (await fetch(`${site.server.origin}/badge/${AVERY}.svg?lang=es`)).text();
    expect(badge).toContain(`calificación general ${spanish.overall.grade}, ${spanish.overall.score} de 100`);
    expect(await w.page.locator('#badge-es').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);
    expect(w.errors).toEqual([]);
    await w.close();
  });

  it('can be loaded twice (even from two URLs) without an error', async () => {
    const w = await open('/twice');
    await expect.poll(() => w.page.locator('da-scorecard .standards').count()).toBe(2);
    expect(await tileLetters(w.page, 'da-scorecard:nth-of-type(2) header')).toEqual([jordan.overall.grade]);
    expect(w.errors).toEqual([]);
    expect(w.warnings).toEqual([]);
    await w.close();
  });

  it('shows a small fallback and logs one warning for an unknown person', async () => {
    const w = await open('/unknown');
    const fallback = w.page.locator('da-scorecard .fallback');
    await fallback.waitFor();
    expect(await fallback.textContent()).toContain('No one called “nobody-by-this-name” on this scorecard.');
    await expect.poll(() => w.warnings.length).toBeGreaterThan(0);
    expect(w.warnings.filter((m) => m.startsWith('[da-scorecard]'))).toHaveLength(1);
    expect(w.warnings).toHaveLength(1);
    // The browser itself reports the API's 404 as a failed resource; the page throws nothing.
    expect(w.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    await w.close();
  });

  /** Loads a card while the API misbehaves as `answer` says; returns the warnings and page errors. */
  async function withBrokenApi(answer: Parameters<Page['route']>[1]) {
    // A kept page: the route is taken off at close(), and routing turns off the HTTP cache, so
    // every API call meets it.
    const { page, close } = await keptPage({ width: 1280, height: 720 });
    const warnings: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route(`${site.server.origin}/api/**`, answer);
    await page.goto(`${partner.origin}/plain-card`);
    await page.locator('da-scorecard .fallback').waitFor();
    await expect.poll(() => warnings.length).toBeGreaterThan(0);
    await close();
    return { warnings, pageErrors };
  }

  it('shows a small fallback and logs one warning when the API is down', async () => {
    const { warnings, pageErrors } = await withBrokenApi((route) => route.abort('connectionrefused'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[da-scorecard\] .*could not reach/);
    expect(pageErrors).toEqual([]);
  });

  it('shows a small fallback and logs one warning when the API answers something unexpected', async () => {
    const { warnings, pageErrors } = await withBrokenApi((route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: '{"subject":null}',
      }),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[da-scorecard\] /);
    expect(pageErrors).toEqual([]);
  });
});
