import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snippets, type WidgetChoice } from '../../server/routes/embed/snippets.js';
import { seriousAccessibilityProblems } from './accessibility.js';
import { useTestSite } from './site.js';
import { partnerPage, startPartnerSite } from './third-party-site.js';

// A partner pastes the Spanish snippets: every link a reader can follow out of the widget,
// its iframe and its image leads to the Spanish page, whatever language the browser asks for.

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';

const site = useTestSite();
let partner: Awaited<ReturnType<typeof startPartnerSite>>;

beforeAll(async () => {
  const o = site.server.origin;
  const badgeChoice: WidgetChoice = { variant: 'card', subject: AVERY, standard: '', election: '', lang: 'es' };
  // The image snippet exactly as /embed hands it to a partner.
  const image = snippets(o, badgeChoice, 'Calificaciones', 'Calificación de Avery').image!;
  partner = await startPartnerSite(o, {
    '/spanish': partnerPage(`<script type="module" src="${o}/widget.js"></script>
<div class="slot" id="card"><da-scorecard subject="${AVERY}" lang="es"></da-scorecard></div>
<div class="slot" id="badge-widget"><da-scorecard subject="${AVERY}" variant="badge" standard="kids" lang="es"></da-scorecard></div>
<div class="slot" id="compare"><da-scorecard variant="compare" election="${ELECTION}" lang="es"></da-scorecard></div>
<iframe id="frame" src="${o}/embed/${AVERY}?variant=card&lang=es" title="Calificaciones" width="400" height="600" frameborder="0"></iframe>
<div id="image">${image}</div>`),
  });
});
afterAll(() => partner?.close());

describe('the Spanish widget on a partner page', () => {
  it('links only to /es/ pages, and each link opens a Spanish page', async () => {
    // An English-speaking browser: only the link itself can make the page Spanish.
    const context = await site.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${partner.origin}/spanish`);
    for (const slot of ['#card', '#badge-widget', '#compare'])
      await page.locator(`${slot} da-scorecard footer a`).first().waitFor({ timeout: 60_000 });
    const frame = page.frameLocator('#frame');
    await frame.locator('da-scorecard footer a').first().waitFor({ timeout: 60_000 });

    const hrefs = (selector: string) => page.locator(selector).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const links = {
      card: await hrefs('#card da-scorecard a'),
      badge: await hrefs('#badge-widget da-scorecard a'),
      compare: await hrefs('#compare da-scorecard a'),
      iframe: await frame.locator('da-scorecard a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
      image: await hrefs('#image a'),
    };
    const o = site.server.origin;
    expect(links.card).toEqual([`${o}/es/people/${AVERY}`, `${o}/es/people/${AVERY}`, `${o}/es/methodology`]);
    expect(links.badge).toEqual([`${o}/es/people/${AVERY}`, `${o}/es/people/${AVERY}`, `${o}/es/methodology`]);
    expect(links.compare[0]).toBe(`${o}/es/elections/${ELECTION}`);
    expect(links.compare).toContain(`${o}/es/methodology`);
    expect(links.iframe).toEqual(links.card);
    expect(links.image).toEqual([`${o}/es/people/${AVERY}`]);

    const every = [...new Set(Object.values(links).flat())];
    expect(
      every.every((href) => href.startsWith(`${o}/es/`)),
      every.join('\n'),
    ).toBe(true);
    // One reader's tab follows each link in turn: a tab per link started a renderer per link.
    const reader = await context.newPage();
    for (const href of every) {
      const response = await reader.goto(href);
      expect(response?.status(), href).toBe(200);
      expect(reader.url(), href).toBe(href); // no redirect: the link itself is Spanish
      expect(await reader.locator('html').getAttribute('lang'), href).toBe('es');
    }
    await reader.close();

    // A reader clicking the card's name gets the Spanish scorecard in a new tab.
    const [opened] = await Promise.all([context.waitForEvent('page'), page.locator('#card da-scorecard [part~="name-link"]').click()]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe(`/es/people/${AVERY}`);
    expect(await seriousAccessibilityProblems(page, '#card da-scorecard')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
