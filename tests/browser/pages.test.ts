import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeScorecard } from '../../core/scoring/method.js';
import { axeViolations } from './accessibility.js';
import { openSettled, usePublicPages, useTestSite } from './site.js';

// The public pages in Chromium on the demo data: what a voter sees and can do.

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';
const PAGES = [
  '/',
  `/people/${AVERY}`,
  '/people/demo-riley-example',
  `/elections/${ELECTION}`,
  '/standards/kids',
  '/methodology',
  '/events',
  '/no-such-page',
];

const site = useTestSite();

const api = async (path: string) => (await site.server.app.inject(path)).json();

const newPage = usePublicPages(site);

/** A page that fails the test on any script error or failed request. */
async function open(
  path: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const { page, close } = await newPage(viewport);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !(path === '/no-such-page' && m.text().includes('404'))) problems.push(`console: ${m.text()}`);
  });
  await openSettled(page, `${site.server.origin}${path}`);
  return { page, problems, close };
}

/** Scrolls the chart into view (charts draw only near the screen) and waits for pixels on its canvas. */
async function canvasDrawn(page: Page, selector: string) {
  await page.locator(selector.split(' ')[0]).scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    if (!canvas || canvas.width === 0) return false;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  }, selector);
}

const overallLetter = (page: Page, slug: string) =>
  page.locator(`sc-grade[data-subject="${slug}"] .grade`).first().getAttribute('data-grade');

/** The 360 × 780 phone every page is checked on. */
const PHONE = { width: 360, height: 780 };

/**
 * What every page must pass on a 1280 px screen: no axe-core violations (with the priorities panel
 * unfolded so its sliders are checked too, and on a person's page the trend chart drawn) and no
 * script errors.
 */
async function expectAccessibleOnDesktop(path: string, page: Page, problems: string[]) {
  const summary = page.locator('sc-priorities summary');
  if (await summary.count()) await summary.click();
  if (path.startsWith('/people/demo-avery')) await canvasDrawn(page, 'sc-trend-chart canvas');
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
}

/** What every page must pass on the phone: no sideways scrolling, and no axe-core violations. */
async function expectAccessibleOnPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
}

// A page load and an axe-core run cost the most here, so a page another test opens in the same
// viewport and state gets these checks there, on the same load: the person's page and the
// election on the desktop below. On the phone, voter-phone.test.ts gives them: the election on
// the same 360 × 780 load (no header breaks a word), and the two people's pages on its 360 × 640
// phone (why a grade is what it is in the first screen). No style of the site reads the
// viewport's height, so a 640 px high phone lays their pages out as a 780 px one does; only
// which charts draw depends on it (those within 200 px of the screen), and on both pages the one
// that does, the radar (at 819 and 831 px), is near the screen at both heights: the same document
// in the same state.
const CHECKED_WITH_MORE_ON_DESKTOP = [`/people/${AVERY}`, `/elections/${ELECTION}`];
const CHECKED_WITH_MORE_ON_PHONE = [`/people/${AVERY}`, '/people/demo-riley-example', `/elections/${ELECTION}`];

describe('every page', () => {
  it.each(PAGES.filter((path) => !CHECKED_WITH_MORE_ON_DESKTOP.includes(path)))(
    '%s has no axe-core violations and no script errors',
    async (path) => {
      const { page, problems, close } = await open(path);
      await expectAccessibleOnDesktop(path, page, problems);
      await close();
    },
  );

  it.each(PAGES.filter((path) => !CHECKED_WITH_MORE_ON_PHONE.includes(path)))(
    '%s fits a 360 px wide phone without sideways scrolling, still without axe-core violations',
    async (path) => {
      const { page, close } = await open(path, PHONE);
      await expectAccessibleOnPhone(page);
      await close();
    },
  );
});

describe('a person’s scorecard', () => {
  it('collapses each standard’s evidence on a 360 px phone: three most recent shown, the rest and retracted ones behind toggles', async () => {
    const { page, close } = await open('/people/demo-jordan-sample', { width: 360, height: 740 });
    const retracted = page.locator('.standard-card__retracted').first();
    await retracted.scrollIntoViewIfNeeded();
    expect(await retracted.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await retracted.locator('.claim-lines a').first().isVisible()).toBe(false);
    await retracted.locator('summary').click();
    await expect.poll(() => retracted.locator('.claim-lines a').first().isVisible()).toBe(true);
    expect(await retracted.locator('.claim-lines a').first().getAttribute('href')).toMatch(/^\/evidence\/\d+$/);
    for (const list of await page.locator('.standard-card__body > .claim-lines').all())
      expect(await list.locator('li').count()).toBeLessThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('has no axe-core violations and no script errors, shows the name and the grades the API computes, draws the radar and trend charts, and filters the evidence by standard at once, keeping the filter in the URL', async () => {
    const card = await api(`/api/subjects/${AVERY}/scorecard`);
    const all = await api(`/api/subjects/${AVERY}/evidence`);
    const kids = await api(`/api/subjects/${AVERY}/evidence?standard=kids`);
    const path = `/people/${AVERY}`;
    const { page, problems, close } = await open(path);
    await expectAccessibleOnDesktop(path, page, problems);
    await expect.poll(() => page.locator('h1').innerText()).toContain(card.subject.name);
    expect(await overallLetter(page, AVERY)).toBe(card.overall.grade);
    for (const s of card.standards) {
      expect(await page.locator(`.standard-card[data-standard="${s.slug}"] .grade`).getAttribute('data-grade')).toBe(s.grade ?? 'none');
    }
    await canvasDrawn(page, 'sc-radar-chart canvas');
    expect(await page.locator('sc-radar-chart canvas').getAttribute('aria-label')).toContain('Equity 55');
    await canvasDrawn(page, 'sc-trend-chart canvas');
    // The trend's table holds the same numbers; its last row is today's scorecard.
    await page.locator('sc-trend-chart summary').click();
    const lastRow = page.locator('.trend-table tbody tr').last();
    await expect.poll(() => lastRow.locator('td').first().innerText()).toBe(String(card.overall.score));
    expect(await page.locator('.trend-table tbody tr').count()).toBeLessThanOrEqual(18);

    const visible = page.locator('#evidence-list > li:visible');
    expect(await visible.count()).toBe(all.length);
    await page.getByLabel('Show evidence on').selectOption('kids');
    expect(await visible.count()).toBe(kids.length);
    expect(new URL(page.url()).searchParams.get('standard')).toBe('kids');
    await expect.poll(() => page.locator('[data-evidence-status]').innerText()).toBe(`${kids.length} of ${all.length} entries shown`);
    // Retracted entries stay visible, struck through, with the reason.
    await page.getByLabel('Show evidence on').selectOption('alternatives');
    const retracted = page.locator('.evidence--retracted:visible');
    await expect.poll(() => retracted.locator('s').first().innerText()).toContain('jail population figure');
    await expect.poll(() => retracted.innerText()).toContain('No longer counted: The county withdrew');
    await close();
  });

  it('recomputes the overall grade from "Your priorities", puts the weights in the URL and resets', async () => {
    const card = await api(`/api/subjects/${AVERY}/scorecard`);
    const entries = await api(`/api/subjects/${AVERY}/evidence`);
    const standards = await api('/api/standards');
    const weights = { transparency: 0, restoration: 0, health: 0 };
    const expected = computeScorecard(standards, entries, { asOf: card.asOf, weights }).overall;
    expect(expected.grade).not.toBe(card.overall.grade);

    const { page, close } = await open(`/people/${AVERY}`);
    await page.locator('sc-priorities summary').click();
    for (const slug of Object.keys(weights)) await page.locator(`#weight-${slug}`).fill('0');
    expect(await overallLetter(page, AVERY)).toBe(expected.grade);
    await expect.poll(() => page.locator(`sc-grade[data-subject="${AVERY}"] .grade__score`).innerText()).toBe(String(expected.score));
    expect(new URL(page.url()).searchParams.get('w')).toBe('health:0,transparency:0,restoration:0');
    await expect.poll(() => page.locator('[data-weighting-note]').innerText()).toContain('Showing your priorities: Health ×0');
    // Screen readers hear the new grade: it is in the panel's status line.
    await expect
      .poll(() => page.locator('sc-priorities [role="status"]').innerText())
      .toContain(`Avery Placeholder (demo): Grade ${expected.grade}, ${expected.score} out of 100.`);

    const sharedLink = new URL(page.url()).pathname + new URL(page.url()).search;

    await page.getByRole('button', { name: 'Reset to equal weights' }).click();
    expect(await overallLetter(page, AVERY)).toBe(card.overall.grade);
    expect(new URL(page.url()).searchParams.has('w')).toBe(false);
    await expect.poll(() => page.locator('[data-weighting-note]').innerText()).toMatch(/equal weights/);

    // The shared link opens with the same weighting: a new document, in this tab rather than a
    // second one (a new tab is a new renderer, which compiles the site's scripts again); the
    // public pages keep nothing in storage, so nothing of the reset carries over.
    await openSettled(page, `${site.server.origin}${sharedLink}`);
    expect(await overallLetter(page, AVERY)).toBe(expected.grade);
    expect(await page.locator('#weight-health').inputValue()).toBe('0');
    await close();
  });

  it('says so when the history cannot be loaded, and tries again on request', async () => {
    // A kept page: its routes come off at close(), and while one is on, Playwright turns the
    // page's HTTP cache off, so every history request reaches the route.
    const { page, close } = await newPage({ width: 1280, height: 720 });
    let failing = true;
    await page.route('**/scorecard?asOf=*', (route) => (failing ? route.fulfill({ status: 503, body: '{}' }) : route.continue()));
    await page.goto(`${site.server.origin}/people/${AVERY}`);
    await page.locator('sc-trend-chart').scrollIntoViewIfNeeded();
    const alert = page.locator('sc-trend-chart [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('The history could not be loaded.');
    failing = false;
    await page.locator('sc-trend-chart').getByRole('button', { name: 'Try again' }).click();
    await canvasDrawn(page, 'sc-trend-chart canvas');
    await close();
  });

  it('is usable by keyboard with a visible focus ring', async () => {
    const { page, close } = await open(`/people/${AVERY}`);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    // The priorities open and a slider moves with the arrow keys.
    await page.locator('sc-priorities summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('#weight-equity').focus();
    await page.keyboard.press('ArrowRight');
    expect(new URL(page.url()).searchParams.get('w')).toBe('equity:2');
    await close();
  });
});

describe('an election', () => {
  it('has no axe-core violations and no script errors, compares the candidates in a table and a bar chart, and re-grades them all with "Your priorities"', async () => {
    const election = await api(`/api/elections/${ELECTION}`);
    const path = `/elections/${ELECTION}`;
    const { page, problems, close } = await open(path);
    // This unfolds the priorities panel, used below.
    await expectAccessibleOnDesktop(path, page, problems);
    for (const c of election.candidates) {
      await expect.poll(() => page.locator('table.comparison thead').innerText()).toContain(c.name);
      expect(await overallLetter(page, c.slug)).toBe(c.scorecard.overall.grade ?? 'none');
    }
    await canvasDrawn(page, 'sc-bar-chart canvas');
    await expect.poll(() => page.getByRole('button', { name: 'Print a one-page voter guide' }).isVisible()).toBe(true);

    const standards = await api('/api/standards');
    const jordan = election.candidates.find((c: { slug: string }) => c.slug === 'demo-jordan-sample');
    const entries = await api('/api/subjects/demo-jordan-sample/evidence');
    const expected = computeScorecard(standards, entries, {
      asOf: election.asOf,
      weights: { equity: 0, engagement: 0, transparency: 0 },
    }).overall;
    expect(expected.score).not.toBe(jordan.scorecard.overall.score);
    for (const slug of ['equity', 'engagement', 'transparency']) await page.locator(`#weight-${slug}`).fill('0');
    await expect
      .poll(() => page.locator('sc-grade[data-subject="demo-jordan-sample"] .grade__score').first().innerText())
      .toBe(String(expected.score));
    expect(new URL(page.url()).searchParams.get('w')).toBe('equity:0,transparency:0,engagement:0');
    await close();
  });

  it('prints as a one-page voter guide without navigation, controls or charts', async () => {
    const { page, close } = await open(`/elections/${ELECTION}`);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.site-header').isVisible()).toBe(false);
    await expect.poll(() => page.locator('sc-priorities').isVisible()).toBe(false);
    await expect.poll(() => page.locator('sc-bar-chart').isVisible()).toBe(false);
    await expect.poll(() => page.locator('table.comparison').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.print-only').isVisible()).toBe(true);
    // One sheet of paper, in both common sizes.
    for (const format of ['Letter', 'A4']) {
      const pdf = (await page.pdf({ format })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    }
    await close();
  });
});

describe('the opt-out link at the foot of an optional email', () => {
  it('asks first, works from the keyboard on a phone, and has no axe-core violations', async () => {
    const { users } = site.server.app.repositories;
    const account = await users.create(
      { email: `optout-${process.pid}@example.org`, displayName: 'Opt Out (test)', role: 'reviewer', passwordHash: 'not-used' },
      null,
      'test',
    );
    const token = await site.server.app.mail.queue.optOutToken(account.id);
    const { page, problems, close } = await open(`/es/unsubscribe/${token}/review-queue`, { width: 360, height: 640 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Desactivar estos correos');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Desactivarlos' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.hero [role=status]').innerText()).toContain('Ya no enviaremos estos correos');
    expect(await axeViolations(page)).toEqual([]);
    expect((await users.settings(account.id)).notifyReviewQueue).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });
});
