import { describe, expect, it } from 'vitest';
import { STANDARD_SEEDS_ES } from '../../db/seed/standards.es.js';
import { axeViolations } from './accessibility.js';
import { openSettled, useTestSite } from './site.js';

// The public pages in Spanish, as a Spanish-speaking voter's browser gets them.

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';

const site = useTestSite();

async function openAs(locale: string, path: string) {
  const context = await site.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await openSettled(page, `${site.server.origin}${path}`);
  return { page, problems, context };
}

describe('a Spanish-speaking visitor', () => {
  it('is sent to the Spanish home page on a first visit and sees Spanish text and standard titles', async () => {
    const { page, problems, context } = await openAs('es-MX', '/');
    expect(new URL(page.url()).pathname).toBe('/es/');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('¿Está a la altura la Fiscalía de Distrito?');
    const body = await page.locator('main').textContent();
    expect(body).toContain('Los diez estándares');
    expect(body).toContain(STANDARD_SEEDS_ES.kids.title);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    [`/es/people/${AVERY}`, 'Calificación general', 'equity'],
    [`/es/elections/${ELECTION}`, 'Estándar por estándar', 'kids'],
    ['/es/methodology', 'El método en palabras sencillas', null],
    ['/es/standards/bias', 'Qué significa', 'bias'],
  ] as const)('%s is in Spanish, with the standards’ Spanish titles, and passes axe-core', async (path, heading, slug) => {
    const { page, problems, context } = await openAs('en-US', path);
    expect(new URL(page.url()).pathname).toBe(path); // an /es/ link is a choice: never redirected
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(heading);
    if (slug) expect(text).toContain(STANDARD_SEEDS_ES[slug].title);
    expect(text).not.toContain('Not enough evidence');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    [`/es/people/${AVERY}`, ['.evidence__title', '.evidence__summary', '.person-about .lede']],
    [`/es/elections/${ELECTION}`, ['h1']],
    ['/es/events', ['.event__title', '.event__where']],
  ] as const)(
    '%s marks the English it shows (names of elections and events, evidence, bios) with lang="en", and passes axe-core',
    async (path, selectors) => {
      const { page, problems, context } = await openAs('es-MX', path);
      for (const selector of selectors) {
        // The language a screen reader would use for the element's stored English text.
        const languages = await page.locator(selector).evaluateAll((els) =>
          els.map((el) => {
            const english = [...el.querySelectorAll('[lang]')].find((child) => child.textContent!.trim().length > 0);
            return (english ?? el.closest('[lang]'))?.getAttribute('lang');
          }),
        );
        expect(languages.length, selector).toBeGreaterThan(0);
        expect(new Set(languages), selector).toEqual(new Set(['en']));
      }
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it('grades on the Spanish scorecard match the API, and charts draw', async () => {
    const card = (await site.server.app.inject(`/api/subjects/${AVERY}/scorecard?lang=es`)).json();
    const { page, context } = await openAs('es-MX', `/es/people/${AVERY}`);
    const titles = await page.locator('.standard-card__title').allTextContents();
    expect(titles.map((t) => t.trim())).toEqual(card.standards.map((s: { title: string }) => s.title));
    await page.locator('canvas').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('canvas').length > 0);
    await context.close();
  });

  it('switches language with the visible switch and remembers the choice', async () => {
    const { page, context } = await openAs('en-US', `/people/${AVERY}`);
    expect(new URL(page.url()).pathname).toBe(`/people/${AVERY}`);
    await page.getByRole('link', { name: 'Español' }).click();
    await page.waitForURL(`**/es/people/${AVERY}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    // Remembered: an English link now opens in Spanish…
    await page.goto(`${site.server.origin}/methodology`);
    expect(new URL(page.url()).pathname).toBe('/es/methodology');
    // …until the reader switches back.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**/methodology`);
    expect(new URL(page.url()).pathname).toBe('/methodology');
    await page.goto(`${site.server.origin}/events`);
    expect(new URL(page.url()).pathname).toBe('/events');
    await context.close();
  });
});
