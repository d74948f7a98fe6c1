import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { today } from '../../core/calendar.js';
import { createSignedInUser, evidenceBody } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { openSettled, usePublicPages, useTestSite, useWorkspacePages } from './site.js';

// Spanish content, not only Spanish chrome (issue 15): a Spanish page shows an entry's Spanish
// title where one is written, and every English text it still shows is marked lang="en".

const JORDAN = 'demo-jordan-sample';
const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';
const SPANISH_TITLE = 'Demo: promesa de desvío cumplida';
const ENGLISH_TITLE = 'Demo: diversion pledge kept';
const SPANISH_OFFICE = 'Candidatura a fiscal de distrito (ficticia)';

const site = useTestSite();
const workspacePage = useWorkspacePages(site);
let entryId: number;

beforeAll(async () => {
  const t = site.server;
  const volunteer = await createSignedInUser(t, 'volunteer');
  const reviewer = await createSignedInUser(t, 'reviewer');
  const admin = await createSignedInUser(t, 'admin');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/evidence',
    headers: volunteer.headers,
    payload: evidenceBody({
      subject: JORDAN,
      title: ENGLISH_TITLE,
      // The newest entry, so it is listed first and is among a standard card's recent lines.
      occurredOn: today(),
      translations: { es: { title: SPANISH_TITLE, summary: 'Registro ficticio escrito por una prueba.' } },
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  entryId = created.json().id;
  const reviewed = await t.app.inject({
    method: 'POST',
    url: `/api/evidence/${entryId}/review`,
    headers: reviewer.headers,
    payload: { decision: 'publish', revision: created.json().revision },
  });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  const person = await t.app.inject({
    method: 'PATCH',
    url: `/api/subjects/${JORDAN}`,
    headers: admin.headers,
    payload: { translations: { es: { office: SPANISH_OFFICE } } },
  });
  expect(person.statusCode, person.body).toBe(200);
});

/** Public pages in a Spanish-speaking browser, kept for the file (usePublicPages). */
const spanishPages = usePublicPages(site, { locale: 'es-MX' });

async function open(path: string, width = 360) {
  const { page, close } = await spanishPages({ width, height: 800 });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await openSettled(page, `${site.server.origin}${path}`);
  return { page, problems, close };
}

/** The language a screen reader uses for each matching element's text: its own lang, or the nearest one above. */
const languagesOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const marked = [...el.querySelectorAll('[lang]')].find((child) => child.textContent!.trim().length > 0);
      return { text: el.textContent!.trim(), lang: (marked ?? el.closest('[lang]'))?.getAttribute('lang') ?? null };
    }),
  );

describe('a Spanish person page on a phone', () => {
  it('shows the entry’s Spanish title in Spanish, marks the English elsewhere lang="en", and passes axe-core', async () => {
    const { page, problems, close } = await open(`/es/people/${JORDAN}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    const titles = await languagesOf(page, '.evidence__title');
    const spanish = titles.find((t) => t.text === SPANISH_TITLE);
    expect(spanish, 'the Spanish title is in the evidence list').toEqual({ text: SPANISH_TITLE, lang: 'es' });
    expect(titles.some((t) => t.text === ENGLISH_TITLE)).toBe(false);
    const others = titles.filter((t) => t !== spanish);
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map((t) => t.lang))).toEqual(new Set(['en']));
    await expect(page.getByRole('link', { name: SPANISH_TITLE }).first().isVisible()).resolves.toBe(true);

    // The standard card's recent lines follow the same rule.
    const lines = await languagesOf(page, '.claim-lines a');
    expect(lines.find((l) => l.text === SPANISH_TITLE)?.lang).toBe('es');
    expect(new Set(lines.filter((l) => l.text !== SPANISH_TITLE).map((l) => l.lang))).toEqual(new Set(['en']));

    // The office has a Spanish text; the bio does not, so it is English and says so.
    const eyebrow = await page.locator('.person-header .eyebrow').textContent();
    expect(eyebrow).toContain(SPANISH_OFFICE);
    expect(await page.locator('.person-header .eyebrow [lang="en"]').count()).toBe(0);
    expect(await languagesOf(page, '.person-about .lede')).toEqual([{ text: expect.any(String), lang: 'en' }]);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('the Spanish evidence page shows the Spanish title and summary', async () => {
    const { page, problems, close } = await open(`/es/evidence/${entryId}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(SPANISH_TITLE);
    expect(await languagesOf(page, 'h1')).toEqual([{ text: SPANISH_TITLE, lang: 'es' }]);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(SPANISH_TITLE);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the Spanish widget', () => {
  it('marks an English office and an English election name lang="en", and shows a Spanish office as Spanish', async () => {
    const { page, close } = await open(`/embed/${AVERY}?variant=card&lang=es`, 420);
    const averyOffice = page.locator('da-scorecard header .muted');
    await averyOffice.waitFor({ timeout: 60_000 });
    expect(await averyOffice.locator('[lang="en"]').textContent()).toBe('District Attorney (fictional demo office)');

    await openSettled(page, `${site.server.origin}/embed/${JORDAN}?variant=card&lang=es`);
    const jordanOffice = page.locator('da-scorecard header .muted');
    await jordanOffice.waitFor({ timeout: 60_000 });
    expect(await jordanOffice.textContent()).toContain(SPANISH_OFFICE);
    expect(await jordanOffice.locator('[lang]').count()).toBe(0);

    await openSettled(page, `${site.server.origin}/embed/${ELECTION}?variant=compare&lang=es`);
    const name = page.locator('da-scorecard header h2');
    await name.waitFor({ timeout: 60_000 });
    expect(await name.locator('[lang="en"]').count()).toBe(1);
    // The frame is a bare host for the widget (no page heading or main landmark by design): check the widget itself.
    expect(await axeViolations(page, 'da-scorecard')).toEqual([]);
    await close();
  });
});

describe('the review queue', () => {
  it('shows a reviewer the entry in both languages, the Spanish marked lang="es", and passes axe-core', async () => {
    const t = site.server;
    const volunteer = await createSignedInUser(t, 'volunteer');
    const reviewer = await createSignedInUser(t, 'reviewer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({
        title: 'Demo: waiting in both languages',
        sources: [{ url: 'https://example.org/es-content/queue', title: 'Queue' }],
        translations: { es: { title: 'Demo: en espera en dos idiomas', summary: 'Resumen ficticio en español.' } },
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { page } = await workspacePage(reviewer, { width: 360, height: 800 });
    await page.goto(`${t.origin}/workspace/review`, { waitUntil: 'networkidle' });
    const item = page
      .locator('article, li, section')
      .filter({ has: page.getByRole('heading', { name: 'Demo: waiting in both languages' }) })
      .last();
    await item.waitFor({ timeout: 60_000 });
    const spanish = item.locator('[data-testid="spanish-text"]');
    await expect(spanish.locator('[lang="es"]').allTextContents()).resolves.toEqual([
      'Demo: en espera en dos idiomas',
      'Resumen ficticio en español.',
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the evidence form', () => {
  it('takes an optional Spanish title and summary, stored with the entry', async () => {
    const t = site.server;
    const volunteer = await createSignedInUser(t, 'volunteer');
    const { page } = await workspacePage(volunteer, { width: 360, height: 800 });
    await page.goto(`${t.origin}/workspace/evidence/new`, { waitUntil: 'networkidle' });
    await page.getByLabel('Title', { exact: true }).waitFor({ timeout: 60_000 });
    await page.locator('#subject').selectOption(JORDAN);
    await page.locator('#standard').selectOption('kids');
    await page.locator('input[name="rating"][value="1"]').check();
    await page.locator('input[name="kind"][value="action"]').check();
    await page.locator('#occurredOn').fill('2025-03-15');
    await page.getByLabel('Title', { exact: true }).fill('Demo: typed in two languages');
    await page.getByLabel('Summary', { exact: true }).fill('Fictional evidence written by a test.');
    await page.getByLabel('Title in Spanish').fill('Demo: escrito en dos idiomas');
    await page.getByLabel('Summary in Spanish').fill('Registro ficticio escrito por una prueba.');
    await page.locator('#source-0-url').fill('https://example.org/es-content/form');
    await page.locator('#source-0-title').fill('Form source');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: /waiting for review/ }).waitFor();
    const mine = (await t.app.inject({ url: '/api/evidence?mine=true&pageSize=100', headers: volunteer.headers })).json();
    const entry = mine.items.find((e: { title: string }) => e.title === 'Demo: typed in two languages');
    expect(entry.translations).toEqual({
      es: { title: 'Demo: escrito en dos idiomas', summary: 'Registro ficticio escrito por una prueba.' },
    });
  });
});
