import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GRADE_PALETTE } from '../../core/grade-palette.js';
import { messagesFor } from '../../i18n/catalog.js';
import { formatDay } from '../../i18n/format.js';
import { createSignedInUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { openSettled, signInAs, usePublicPages, useTestSite } from './site.js';

// What a voter sees on a 360 × 640 phone (issue 15): why a grade is what it is in the first
// screen, a one-row header whose menu button is a real disclosure, an election table whose
// names never break inside a word, and a language switch that keeps the page's weighting.

const PHONE = { width: 360, height: 640 };
const PEOPLE = ['demo-avery-placeholder', 'demo-jordan-sample', 'demo-riley-example'];
const ELECTION = 'demo-2026-district-attorney';

const site = useTestSite();

const newPage = usePublicPages(site);

async function open(path: string, viewport = PHONE): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const { page, close } = await newPage(viewport);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await openSettled(page, `${site.server.origin}${path}`);
  return { page, problems, close };
}

/** The element's box relative to the top of the page (the page is not scrolled). */
async function boxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, text: el.textContent ?? '' };
    }),
  );
}

/**
 * Why a grade is what it is, within a 360 × 640 phone's first screen: the overall grade, then
 * Strongest and Weakest with their claim links; the header and the demo banner one row each;
 * no sideways scrolling and no axe-core violations.
 */
async function expectWhyInFirstScreen(page: Page) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const [grade] = await boxes(page, '.overall sc-grade');
  const [glance] = await boxes(page, '.overall .glance');
  expect(grade.top).toBeGreaterThan(0);
  expect(glance.top).toBeGreaterThan(grade.top);
  expect(glance.bottom).toBeLessThanOrEqual(PHONE.height);
  // Both lists, each naming at least one standard with the entry that weighs most in it.
  expect(await page.locator('.glance #glance-strongest').count()).toBe(1);
  expect(await page.locator('.glance #glance-weakest').count()).toBe(1);
  const claims = await boxes(page, '.glance a[href*="/evidence/"]');
  expect(claims.length).toBeGreaterThanOrEqual(3);
  for (const claim of claims) expect(claim.bottom, claim.text).toBeLessThanOrEqual(PHONE.height);
  // Header and demo banner together stay small: one row each.
  const [header] = await boxes(page, '.site-header');
  const [banner] = await boxes(page, '.demo-banner');
  expect(header.bottom - header.top).toBeLessThanOrEqual(60);
  expect(banner.bottom - banner.top).toBeLessThanOrEqual(40);
  // What pages.test.ts checks on every page on a 360 px phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
}

/**
 * The person's page at a glance, as pages.test.ts checked it on its 360 × 780 phone (the same
 * document, laid out the same: see CHECKED_WITH_MORE_ON_PHONE there): the overall grade within
 * the first 740 px, Strongest and Weakest straight after it, with at least three links to claims.
 */
async function expectAtAGlance(page: Page) {
  const firstScreen = 740;
  const box = await page.locator('.overall sc-grade').last().boundingBox();
  expect(box !== null && box.y >= 0 && box.y < firstScreen).toBe(true);
  expect(await page.locator('#glance-strongest').textContent()).toBe('Strongest');
  expect(await page.locator('#glance-weakest').textContent()).toBe('Weakest');
  expect(await page.locator('.glance__item').count()).toBeGreaterThanOrEqual(3);
  expect(await page.locator('.overall .glance').count()).toBe(1);
  const gap = await page.evaluate(
    () =>
      document.querySelector('.glance')!.getBoundingClientRect().top -
      document.querySelector('.overall__body')!.getBoundingClientRect().bottom,
  );
  expect(gap).toBeLessThan(40);
  const claims = await page
    .locator('.glance__reason a[href*="/evidence/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(claims.length).toBeGreaterThanOrEqual(3);
  for (const href of claims) expect(href).toMatch(/^\/evidence\/\d+$/);
}

describe('a person’s first screen on a 360 × 640 phone', () => {
  // The first of them, /people/demo-avery-placeholder, is checked on the same load as its menu
  // button below (reading the page moves neither focus nor scroll).
  it.each(PEOPLE.flatMap((slug) => [`/people/${slug}`, `/es/people/${slug}`]).slice(1))(
    '%s: the overall grade, then Strongest and Weakest with their claim links, all within the first 640 px; no sideways scrolling, no axe-core violations',
    async (path) => {
      const { page, problems, close } = await open(path);
      await expectWhyInFirstScreen(page);
      expect(problems).toEqual([]);
      await close();
    },
  );
});

describe('the phone header’s menu button', () => {
  it(`/people/${PEOPLE[0]}: the overall grade, then Strongest and Weakest with their claim links, all within the first 640 px, right after the grade; no sideways scrolling, no axe-core violations; the menu button opens and closes the navigation from the keyboard, says whether it is open, and gives focus back on Escape`, async () => {
    const { page, problems, close } = await open(`/people/${PEOPLE[0]}`);
    await expectWhyInFirstScreen(page);
    await expectAtAGlance(page);
    const button = page.getByRole('button', { name: 'Menu' });
    const list = page.locator('#site-nav');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe('site-nav');
    expect(await list.isVisible()).toBe(false);
    // From the skip link, Tab reaches the site name, then the menu button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-button');
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await list.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await list.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-button');
    // Space opens it too, and a link in it works.
    await page.keyboard.press('Space');
    expect(await list.isVisible()).toBe(true);
    await Promise.all([
      page.waitForURL(/\/methodology$/),
      page.locator('#site-nav').getByRole('link', { name: 'How grading works' }).click(),
    ]);
    expect(problems).toEqual([]);
    await close();
  });

  it('without JavaScript, leaves the navigation open and shows no button', async () => {
    const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/people/${PEOPLE[0]}`);
    expect(await page.locator('.menu-button').isVisible()).toBe(false);
    expect(await page.locator('#site-nav').getByRole('link', { name: 'How grading works' }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('the election page on a 360 px phone', () => {
  it.each([`/elections/${ELECTION}`, `/es/elections/${ELECTION}`])(
    '%s: no table header breaks a name or a standard inside a word, each candidate has a one-line standing, no sideways scrolling, no axe-core violations',
    async (path) => {
      // Also the phone check pages.test.ts gives every page (the same 360 × 780 load, not repeated there).
      const { page, problems, close } = await open(path, { width: 360, height: 780 });
      // A word laid out on two lines has two boxes: measure every word of every header.
      const broken = await page.evaluate(() => {
        const out: string[] = [];
        for (const th of document.querySelectorAll('.comparison th')) {
          const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (const match of text.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index!);
              range.setEnd(node, match.index! + match[0].length);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) out.push(match[0]);
            }
          }
        }
        return out;
      });
      expect(broken).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const standings = await page.locator('.candidate-card__standing').allTextContents();
      expect(standings.length).toBeGreaterThanOrEqual(2);
      for (const line of standings) expect(line).toMatch(path.startsWith('/es') ? /estándar/ : /standard/);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    },
  );
});

describe('the language switch', () => {
  it('keeps the weighting (?w=) and the evidence filter (?standard=) in the other language, also after changing them on the page', async () => {
    const slug = PEOPLE[0];
    const { page, problems, close } = await open(`/people/${slug}?w=kids:3&standard=kids`, { width: 1280, height: 900 });
    await Promise.all([page.waitForURL(/\/es\/people\//), page.locator('a.lang-switch').click()]);
    let url = new URL(page.url());
    expect(url.pathname).toBe(`/es/people/${slug}`);
    expect(url.searchParams.get('w')).toBe('kids:3');
    expect(url.searchParams.get('standard')).toBe('kids');
    expect(url.searchParams.has('lang')).toBe(false);
    expect(await page.locator('[data-weighting-note]').textContent()).toContain('×3');
    // The filter changes the address without a reload; the switch follows it.
    await page.locator('#evidence-standard').selectOption('equity');
    await expect.poll(() => new URL(page.url()).searchParams.get('standard')).toBe('equity');
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/es/')), page.locator('a.lang-switch').click()]);
    url = new URL(page.url());
    expect(url.pathname).toBe(`/people/${slug}`);
    expect(url.searchParams.get('standard')).toBe('equity');
    expect(url.searchParams.get('w')).toBe('kids:3');
    expect(problems).toEqual([]);
    await close();
  });
});

// One load of a person's page on a wide screen for what it shows there: the header without the
// phone's menu button, the grade palette, and the trend chart (read first, then changed).
describe('a person’s page on a 1280 px wide screen', () => {
  it('shows no menu button, the navigation always shown; colours the grades from core/grade-palette.ts, every grade still showing its letter; and the trend chart draws the overall score alone at first, adds a standard’s line with its own colour and marker when chosen, and starts at the first evidence', async () => {
    const slug = PEOPLE[0];
    const { page, problems, close } = await open(`/people/${slug}`, { width: 1280, height: 900 });
    // The header follows the width alone (no style reads the height; this was a 1280 × 800 screen).
    expect(await page.locator('.menu-button').isVisible()).toBe(false);
    expect(await page.locator('#site-nav').isVisible()).toBe(true);

    const hex = (rgb: string) =>
      `#${(rgb.match(/\d+/g) ?? [])
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`;
    const grades = await page.locator('.standard-card .grade').evaluateAll((els) =>
      els.map((el) => {
        const style = getComputedStyle(el);
        return {
          grade: (el as HTMLElement).dataset.grade!,
          background: style.backgroundColor,
          border: style.borderTopColor,
          color: style.color,
          letter: el.querySelector('.grade__letter')?.textContent,
        };
      }),
    );
    expect(grades.length).toBe(10);
    for (const g of grades) {
      const look = GRADE_PALETTE[g.grade as keyof typeof GRADE_PALETTE];
      expect(hex(g.background), g.grade).toBe(look.background);
      expect(hex(g.border), g.grade).toBe(look.line);
      expect(hex(g.color), g.grade).toBe(look.ink);
      expect(g.letter).toBe(g.grade === 'none' ? '–' : g.grade);
    }

    await page.locator('sc-trend-chart').scrollIntoViewIfNeeded();
    await page.locator('sc-trend-chart canvas').waitFor();
    /** What chart.js was given to draw (the element's chart instance). */
    const drawn = () =>
      page.locator('sc-trend-chart').evaluate((el) => {
        const chart = (el as unknown as { _chart?: { data: { labels: string[]; datasets: Array<Record<string, unknown>> } } })._chart;
        return chart
          ? {
              labels: chart.data.labels,
              lines: chart.data.datasets.map((d) => ({
                label: d.label,
                colour: d.borderColor,
                marker: `${d.pointStyle}/${d.pointRotation ?? 0}`,
              })),
            }
          : null;
      });
    await expect.poll(async () => (await drawn())?.lines.map((l) => l.label)).toEqual(['Overall']);

    const chooser = page.getByRole('group', { name: 'Add the line of a standard' });
    await chooser.getByRole('checkbox', { name: 'Kids' }).check();
    await chooser.getByRole('checkbox', { name: 'Equity' }).check();
    await chooser.getByRole('checkbox', { name: 'Transparency' }).check();
    await expect.poll(async () => (await drawn())?.lines.map((l) => l.label)).toEqual(['Overall', 'Equity', 'Kids', 'Transparency']);
    const lines = (await drawn())!.lines;
    expect(new Set(lines.map((l) => l.colour)).size).toBe(4);
    expect(new Set(lines.map((l) => l.marker)).size).toBe(4);
    expect(await page.locator('sc-trend-chart canvas').getAttribute('aria-label')).toContain('Also drawn: Equity, Kids, Transparency.');
    await chooser.getByRole('checkbox', { name: 'Kids' }).uncheck();
    await expect.poll(async () => (await drawn())?.lines.map((l) => l.label)).toEqual(['Overall', 'Equity', 'Transparency']);

    // The axis starts on the first evidence's own day.
    const firstEvidenceOn = await page.evaluate(() => JSON.parse(document.getElementById('page-data')!.textContent!).firstEvidenceOn);
    await page.locator('sc-trend-chart summary').click();
    const firstRow = await page.locator('.trend-table tbody tr th').first().innerText();
    expect(firstRow).toBe(formatDay(messagesFor('en'), firstEvidenceOn));
    expect((await drawn())!.labels[0]).toBe(firstRow);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the admin elections screen', () => {
  it('takes an election’s results, which its page then shows instead of urging registration', async () => {
    const admin = await createSignedInUser(site.server, 'admin');
    const context = await site.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    await signInAs(context, site, admin);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${site.server.origin}/workspace/admin/elections`);
    const form = page.locator('details', { has: page.locator(`#e-${ELECTION}-results`) });
    await form.locator('summary').click();
    const results = form.getByLabel(/^Results, once known/);
    await results.fill('Riley Example (demo) won, in this fictional election.');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: /^Save / }).click();
    await page.locator('#admin-message').waitFor();
    expect(await page.locator('#admin-message').textContent()).toBe('Saved.');
    await page.goto(`${site.server.origin}/elections/${ELECTION}`);
    expect(await page.getByRole('heading', { name: 'Results', level: 2 }).isVisible()).toBe(true);
    expect(await page.locator('.election-phase__results').innerText()).toBe('Riley Example (demo) won, in this fictional election.');
    expect(await page.locator('a[href^="https://registertovote.ca.gov"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
