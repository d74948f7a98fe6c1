import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, evidenceBody, type TestUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { useTestSite, useWorkspacePages } from './site.js';

/** Finding any entry at 360 px, and the review queue's pages and grade preview, in Chromium. */

const site = useTestSite();
let volunteer: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  volunteer = await createSignedInUser(site.server, 'volunteer', { displayName: 'Volunteer Wilhelmina' });
  reviewer = await createSignedInUser(site.server, 'reviewer');
  const admin = await createSignedInUser(site.server, 'admin');
  const person = await site.server.app.inject({
    method: 'POST',
    url: '/api/subjects',
    headers: admin.headers,
    payload: { slug: 'demo-queue-person', name: 'Queue Person (demo)', role: 'candidate', office: 'Candidate (demo)' },
  });
  expect(person.statusCode, person.body).toBe(201);
  // Awaited: repositories are becoming asynchronous (issue 18).
  const { evidenceWorkspace } = site.server.app.repositories;
  await evidenceWorkspace.create(
    evidenceBody({ title: 'Demo: the finder’s target', summary: 'A grand jury transcript mentioning Zanzibarine procedures.' }) as never,
    volunteer,
  );
  // More than two pages of the queue (50 a page), all on one person and standard.
  await evidenceWorkspace.createMany(
    Array.from({ length: 120 }, (_, i) =>
      evidenceBody({
        subject: 'demo-queue-person',
        standard: 'kids',
        rating: 2,
        title: `Demo: queue entry ${String(i + 1).padStart(3, '0')}`,
        sources: [{ url: `https://example.org/queue/${i + 1}`, title: 'Queue source' }],
      }),
    ) as never,
    volunteer,
  );
});
const workspacePages = useWorkspacePages(site);

/** The file's kept workspace page, signed in as `user` (useWorkspacePages). */
async function signedInPage(user: TestUser, width: number): Promise<Page> {
  return (await workspacePages(user, { width, height: 800 })).page;
}

describe('/workspace/evidence', () => {
  it('at 360 px: fits the screen, is axe-clean, and finds an entry by a word of its summary with the keyboard alone', async () => {
    const page = await signedInPage(reviewer, 360);
    await page.goto(`${site.server.origin}/workspace/evidence`);
    await page.getByRole('heading', { name: 'Find evidence', level: 1 }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /entries found/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByLabel(/Words to find/).focus();
    await page.keyboard.type('zanzibarine');
    await page.keyboard.press('Enter');
    await page.getByText('1 entry found').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('zanzibarine');
    const link = page.getByRole('link', { name: 'Demo: the finder’s target', exact: true });
    await link.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // An empty result says so, and Back returns to the search before it.
    await page.getByLabel(/Words to find/).fill('nothing-like-this-anywhere');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No entry matches').waitFor();
    await page.goBack();
    await link.waitFor();

    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workspace\/evidence\/\d+$/);
    // "History" opens the audit log filtered to the entry, each row a sentence.
    await page.getByRole('link', { name: /History of “Demo: the finder’s target”/ }).click();
    await page.waitForURL(/\/workspace\/history\?entityType=evidence&entityId=\d+$/);
    await page.getByText('Volunteer Wilhelmina submitted the entry “Demo: the finder’s target”').waitFor();
    await page.getByText('Showing only the history of “Demo: the finder’s target”.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets a volunteer filter their own entries by person and order them with the form, a page at a time', async () => {
    const page = await signedInPage(volunteer, 360);
    await page.goto(`${site.server.origin}/workspace/evidence`);
    await page.getByText('121 entries found').waitFor();
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Person').selectOption({ label: 'Queue Person (demo)' });
    await page.getByLabel('Order').selectOption({ label: 'Title, A to Z' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('120 entries found').waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ subject: 'demo-queue-person', sort: 'title', order: 'asc' });
    await expect.poll(() => page.locator('.finder-entry a').first().textContent()).toBe('Demo: queue entry 001');
    // Volunteers see no submitter filter and no one's history links: their own list only.
    expect(await page.getByLabel('Submitted by').count()).toBe(0);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByRole('link', { name: 'Demo: queue entry 026' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the review queue', () => {
  it('pages past 100 without skipping an entry, and updates the grade preview after each publication', async () => {
    const page = await signedInPage(reviewer, 1000);
    await page.goto(`${site.server.origin}/workspace/review?subject=demo-queue-person`);
    await page.getByText('Entries 1 to 50 of 120 waiting for review').waitFor();
    const second = page.locator('.queue-entry').nth(1);
    await expect.poll(() => second.getByTestId('grade-now').textContent()).toContain('no grade yet');

    // Publishing the first changes the second's "now" (same person and standard), without a reload.
    await page.getByRole('button', { name: 'Publish “Demo: queue entry 001”' }).click();
    await page.getByText('1 to 49 of 119', { exact: false }).waitFor();
    await expect.poll(() => second.getByTestId('grade-now').textContent()).toBe('A (100)');

    await page.getByRole('button', { name: 'Next entries' }).click();
    await page.getByText('Entries 50 to 99 of 119 waiting for review').waitFor();
    await page.getByRole('heading', { name: 'Demo: queue entry 051' }).waitFor();
    await page.getByRole('button', { name: 'Next entries' }).click();
    await page.getByText('Entries 100 to 119 of 119 waiting for review').waitFor();
    await page.getByRole('heading', { name: 'Demo: queue entry 120' }).waitFor();
    expect(await page.getByRole('button', { name: 'Next entries' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous entries' }).click();
    await page.getByRole('heading', { name: 'Demo: queue entry 051' }).waitFor();
  });
});
