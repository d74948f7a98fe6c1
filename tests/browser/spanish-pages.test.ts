import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STANDARD_SEEDS_ES } from '../../db/seed/standards.es.js';
import { axeViolations } from './accessibility.js';
import { openSettled, usePublicPages, useTestSite } from './site.js';

// The public pages in Spanish, as a Spanish-speaking voter's browser gets them.

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';

const site = useTestSite();

/** A browser whose language is English, and one whose language is Spanish (one context each). */
const pagesIn = { 'en-US': usePublicPages(site, { locale: 'en-US' }), 'es-MX': usePublicPages(site, { locale: 'es-MX' }) };

async function openAs(locale: keyof typeof pagesIn, path: string) {
  const { page, close } = await pagesIn[locale]({ width: 1280, height: 900 });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await openSettled(page, `${site.server.origin}${path}`);
  return { page, problems, close };
}

/**
 * On a Spanish page, the stored English text of every element matching each selector is marked
 * lang="en": the language a screen reader would use for it.
 */
async function expectEnglishMarked(page: Page, selectors: readonly string[]) {
  for (const selector of selectors) {
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
}

/**
 * What a Spanish page opened from an /es/ link shows: that same address (the link is a choice,
 * never redirected), lang="es", Spanish text and the standard's Spanish title.
 */
async function expectInSpanish(page: Page, path: string, heading: string, slug: keyof typeof STANDARD_SEEDS_ES | null) {
  expect(new URL(page.url()).pathname).toBe(path);
  expect(await page.locator('html').getAttribute('lang')).toBe('es');
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).toContain(heading);
  if (slug) expect(text).toContain(STANDARD_SEEDS_ES[slug].title);
  expect(text).not.toContain('Not enough evidence');
}

describe('a Spanish-speaking visitor', () => {
  it('is sent to the Spanish home page on a first visit and sees Spanish text and standard titles', async () => {
    const { page, problems, close } = await openAs('es-MX', '/');
    expect(new URL(page.url()).pathname).toBe('/es/');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('¿Está a la altura la Fiscalía de Distrito?');
    const body = await page.locator('main').textContent();
    expect(body).toContain('Los diez estándares');
    expect(body).toContain(STANDARD_SEEDS_ES.kids.title);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  // An /es/ page is the same document whatever the browser's language: it never reads
  // Accept-Language (server/routes/pages/language-redirect.ts), and its trend chart labels the
  // lines from the page's own catalog, not from the API's answer, which does. So the election
  // and the scorecard are opened once each, in an English-speaking browser (which also proves
  // an /es/ link is not redirected), for what every Spanish page shows and the English it marks.
  it.each([
    ['/es/methodology', 'El método en palabras sencillas', null],
    ['/es/standards/bias', 'Qué significa', 'bias'],
  ] as const)('%s is in Spanish, with the standards’ Spanish titles, and passes axe-core', async (path, heading, slug) => {
    const { page, problems, close } = await openAs('en-US', path);
    await expectInSpanish(page, path, heading, slug);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it(`/es/elections/${ELECTION} is in Spanish, with the standards’ Spanish titles, marks the English it shows (the election’s name) with lang="en", and passes axe-core`, async () => {
    const path = `/es/elections/${ELECTION}`;
    const { page, problems, close } = await openAs('en-US', path);
    await expectInSpanish(page, path, 'Estándar por estándar', 'kids');
    await expectEnglishMarked(page, ['h1']);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it(`/es/people/${AVERY} is in Spanish, with the standards’ Spanish titles and the grades the API gives, marks the English it shows (evidence, bio) with lang="en", passes axe-core, and draws its charts`, async () => {
    const path = `/es/people/${AVERY}`;
    const card = (await site.server.app.inject(`/api/subjects/${AVERY}/scorecard?lang=es`)).json();
    const { page, problems, close } = await openAs('en-US', path);
    await expectInSpanish(page, path, 'Calificación general', 'equity');
    await expectEnglishMarked(page, ['.evidence__title', '.evidence__summary', '.person-about .lede']);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    const titles = await page.locator('.standard-card__title').allTextContents();
    expect(titles.map((t) => t.trim())).toEqual(card.standards.map((s: { title: string }) => s.title));
    await page.locator('canvas').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('canvas').length > 0);
    await close();
  });

  it('/es/events marks the English it shows (names of events and where they are) with lang="en", and passes axe-core', async () => {
    const { page, problems, close } = await openAs('es-MX', '/es/events');
    await expectEnglishMarked(page, ['.event__title', '.event__where']);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('switches language with the visible switch and remembers the choice', async () => {
    const { page, close } = await openAs('en-US', `/people/${AVERY}`);
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
    await close();
  });
});
