import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, evidenceBody, type TestUser } from '../helper.js';
import { signInAs, useTestSite, useWorkspacePages } from './site.js';

// The workspace end to end in Chromium: an invitation, a submission through the form, its
// review in the queue, and the public scorecard that changes because of it.

const site = useTestSite();
const signedIn = useWorkspacePages(site);
// One reviewer for the tests that only need "a reviewer", so they share a signed-in context.
let reviewer: TestUser;
beforeAll(async () => {
  reviewer = await createSignedInUser(site.server, 'reviewer', { displayName: 'Reviewer Rosa' });
});

/**
 * A fresh browser context of its own, signed in as `user` when given; page errors fail the
 * test. For a browser that signs in through the form or moves its clock; other pages come from
 * `signedIn`.
 */
async function contextFor(user?: TestUser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  if (user) await signInAs(context, site, user);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

describe('workspace, end to end', () => {
  it('invites a volunteer who submits an entry that a reviewer publishes, and the public scorecard changes', async () => {
    const admin = await createSignedInUser(site.server, 'admin', { displayName: 'Admin Ada' });
    // A person with no evidence yet, so the grade change is exact: none, then A.
    const created = await site.server.app.inject({
      method: 'POST',
      url: '/api/subjects',
      headers: admin.headers,
      payload: { slug: 'demo-e2e-person', name: 'E2E Person (demo)', role: 'candidate', office: 'Candidate (demo)' },
    });
    expect(created.statusCode, created.body).toBe(201);

    // The admin creates the invitation on the admin screen and copies the link.
    const adminSide = await signedIn(admin);
    await adminSide.page.goto(`${site.server.origin}/workspace/admin/users`);
    await adminSide.page.getByLabel('Their email').fill('new.volunteer@example.org');
    await adminSide.page.getByLabel('Role', { exact: true }).selectOption('volunteer');
    await adminSide.page.getByRole('button', { name: 'Email the invitation' }).click();
    const link = await adminSide.page.locator('#invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${site.server.origin}/workspace/invite#.+`));

    // The volunteer accepts, signs out, signs in again and logs the entry through the form.
    const volunteer = await contextFor();
    const page = volunteer.page;
    await page.goto(link);
    await page.getByLabel('Your name').fill('Vera Volunteer');
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'My submissions' }).waitFor();
    // The heading comes before the list has loaded: wait for the empty list's message.
    await page.getByText('You have not logged any evidence yet.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('new.volunteer@example.org');
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My submissions' }).waitFor();

    await page.getByRole('link', { name: 'Log new evidence' }).click();
    await page.getByLabel('Person', { exact: true }).selectOption('demo-e2e-person');
    await page.getByLabel('Standard', { exact: true }).selectOption('kids');
    await expect(page.locator('#standard-help').textContent()).resolves.toContain('The DA’s power over it');
    await page.getByLabel(/Strongly advances the standard/).check();
    await page.getByLabel(/Official action/).check();
    await expect(page.locator('fieldset').filter({ hasText: 'Kind of evidence' }).textContent()).resolves.toContain('weight 0.5');
    await page.getByLabel('Date it happened').fill('2025-06-01');
    await page.getByLabel('Title', { exact: true }).fill('Demo: diverted every teen case in a pilot');
    await page.getByLabel('Summary', { exact: true }).fill('Fictional evidence logged by the end-to-end test.');
    await page.getByLabel('Link (URL)').fill('https://example.org/e2e/source');
    await page.getByLabel('Title of the source').fill('E2E source');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('heading', { name: /waiting for review/ }).waitFor();
    await page.getByRole('link', { name: /View your entry/ }).click();
    await page.getByRole('heading', { name: 'Demo: diverted every teen case in a pilot' }).waitFor();
    await expect(page.getByText('Pending review').first().isVisible()).resolves.toBe(true);
    expect(volunteer.problems).toEqual([]);

    // The reviewer sees it in the queue with the grade it would produce, and publishes it.
    const reviewerSide = await signedIn(reviewer);
    await reviewerSide.page.goto(`${site.server.origin}/workspace/review`);
    const card = reviewerSide.page.locator('article', { hasText: 'Demo: diverted every teen case in a pilot' });
    await card.waitFor();
    await expect(card.getByTestId('grade-now').textContent()).resolves.toContain('no grade yet');
    await expect(card.getByTestId('grade-after').textContent()).resolves.toContain('A (100)');
    await card.getByLabel(/Note to the volunteer/).fill('Checked the source.');
    await card.getByRole('button', { name: /^Publish/ }).click();
    await reviewerSide.page.getByText('Published “Demo: diverted every teen case in a pilot”.').waitFor({ state: 'attached' });
    await expect(card.count()).resolves.toBe(0);
    expect(reviewerSide.problems).toEqual([]);

    // The volunteer's list shows it published, with the reviewer's note.
    await page.goto(`${site.server.origin}/workspace`);
    const row = page.locator('tr', { hasText: 'Demo: diverted every teen case in a pilot' });
    await expect(row.textContent()).resolves.toMatch(/Published[\s\S]*Checked the source\./);
    await volunteer.context.close();

    // The public scorecard shows the evidence and the new grade.
    const publicSide = await signedIn(null);
    await publicSide.page.goto(`${site.server.origin}/people/demo-e2e-person`);
    await expect(publicSide.page.getByText('Demo: diverted every teen case in a pilot').first().isVisible()).resolves.toBe(true);
    await expect(publicSide.page.locator('.standard-card[data-standard="kids"] .grade').getAttribute('data-grade')).resolves.toBe('A');
  });

  it('sends signed-out visitors to sign-in and back to where they were going', async () => {
    const { page } = await signedIn(null);
    const res = await page.goto(`${site.server.origin}/workspace/review`);
    expect(new URL(page.url()).pathname).toBe('/workspace');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/workspace/review');
    expect(res?.headers()['cache-control']).toBe('no-store');
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    await page.getByLabel('Email').fill(reviewer.email);
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/workspace/review');
  });
  it('lets a reviewer work the queue by keyboard shortcut, never offering their own entries', async () => {
    const volunteer = await createSignedInUser(site.server, 'volunteer');
    // A reviewer with an entry of their own, in a context of its own: its clock is installed below.
    const queueReviewer = await createSignedInUser(site.server, 'reviewer');
    const { evidenceWorkspace } = site.server.app.repositories;
    const first = await evidenceWorkspace.create(evidenceBody({ title: 'Demo: shortcut first' }) as never, volunteer);
    const second = await evidenceWorkspace.create(evidenceBody({ title: 'Demo: shortcut second' }) as never, volunteer);
    await evidenceWorkspace.create(evidenceBody({ title: 'Demo: the reviewer’s own' }) as never, queueReviewer);
    const { context, page, problems } = await contextFor(queueReviewer);
    // The page's timers run on a clock the test can move on, so the shortcut's hold
    // (UNDO_SECONDS in client/workspace/views/decision-queue.ts, 5 s) is skipped over instead
    // of waited out.
    await context.clock.install();
    await page.goto(`${site.server.origin}/workspace/review`);
    await page.locator(`#entry-${first.id}`).waitFor();
    await expect(page.getByText('Demo: the reviewer’s own').count()).resolves.toBe(0);
    await expect(page.getByText('Keyboard shortcuts').isVisible()).resolves.toBe(true);
    // Demo data may have older pending entries: start from this test's first one.
    await page.locator(`#entry-${first.id}`).focus();
    await page.keyboard.press('j');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`entry-${second.id}`);
    await page.keyboard.press('n');
    await page.keyboard.type('Source does not say this.');
    await page.keyboard.press('Escape');
    await page.locator(`#entry-${second.id}`).focus();
    await page.keyboard.press('r');
    // A shortcut never decides alone: it waits with "Undo" first.
    await page.getByText('Rejecting “Demo: shortcut second” in a few seconds.').waitFor({ state: 'attached' });
    expect((await site.server.app.repositories.evidenceWorkspace.find(second.id))!.status).toBe('pending');
    await page.clock.fastForward(5_000);
    await page.getByText('Rejected “Demo: shortcut second”.').waitFor({ state: 'attached' });
    await page.locator(`#entry-${first.id}`).focus();
    await page.keyboard.press('p');
    await page.keyboard.press('u');
    await page.getByText('Undone: nothing was sent.').waitFor({ state: 'attached' });
    expect((await site.server.app.repositories.evidenceWorkspace.find(first.id))!.status).toBe('pending');
    await page.locator(`#entry-${first.id}`).focus();
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Published “Demo: shortcut first”.').waitFor({ state: 'attached' });
    const stored = async (id: number) => (await site.server.app.repositories.evidenceWorkspace.find(id))!;
    expect(await stored(second.id)).toMatchObject({ status: 'rejected', reviewNote: 'Source does not say this.' });
    expect((await stored(first.id)).status).toBe('published');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the submitter edit a pending entry, and a reviewer correct then retract it once published', async () => {
    const volunteer = await createSignedInUser(site.server, 'volunteer');
    const entry = await site.server.app.repositories.evidenceWorkspace.create(
      evidenceBody({ title: 'Demo: to be edited' }) as never,
      volunteer,
    );

    const mine = await signedIn(volunteer);
    await mine.page.goto(`${site.server.origin}/workspace`);
    await mine.page.getByRole('link', { name: 'Edit “Demo: to be edited”' }).click();
    await mine.page.getByLabel('Title', { exact: true }).fill('Demo: edited title');
    await mine.page.getByRole('button', { name: 'Save changes' }).click();
    await mine.page.getByRole('heading', { name: 'Your changes are saved' }).waitFor();

    // Revision 2: the submitter's edit above.
    await site.server.app.repositories.evidenceWorkspace.review(entry.id, 'publish', undefined, 2, reviewer);
    const { page, problems } = await signedIn(reviewer);
    await page.goto(`${site.server.origin}/workspace/evidence/${entry.id}`);
    await page.getByRole('heading', { name: 'Demo: edited title' }).waitFor();
    await page.getByLabel('Rating', { exact: true }).selectOption('1');
    await page.getByLabel('What was corrected and why').fill('The source supports +1, not +2.');
    await page.getByRole('button', { name: 'Propose the correction' }).click();
    await page.getByText('Your correction is proposed.', { exact: false }).waitFor();
    // Nothing public changed yet.
    expect(await site.server.app.repositories.evidenceWorkspace.find(entry.id)).toMatchObject({ rating: 2, correctionNote: null });

    // A second reviewer approves it in the queue's changes tab; a shortcut first offers undo.
    const second = await signedIn(await createSignedInUser(site.server, 'reviewer'));
    await second.page.goto(`${site.server.origin}/workspace/review`);
    await second.page.getByRole('link', { name: 'Proposed changes' }).click();
    const card = second.page.locator('article', { hasText: 'Correction of “Demo: edited title”' });
    await card.waitFor();
    await expect(card.locator('tr[data-field="rating"]').textContent()).resolves.toMatch(/\+2[\s\S]*\+1/);
    await card.focus();
    await second.page.keyboard.press('p');
    await second.page.getByRole('button', { name: 'Undo' }).click();
    await second.page.getByText('Undone: nothing was sent.').waitFor({ state: 'attached' });
    expect((await site.server.app.repositories.evidenceWorkspace.find(entry.id))!.rating).toBe(2);
    await card.getByRole('button', { name: /^Approve/ }).click();
    await second.page.getByText('Approved the change to “Demo: edited title”.').waitFor({ state: 'attached' });
    expect(await site.server.app.repositories.evidenceWorkspace.find(entry.id)).toMatchObject({
      rating: 1,
      correctionNote: 'The source supports +1, not +2.',
    });
    expect(second.problems).toEqual([]);

    // The entry's public page shows the dated change with its note and what changed.
    await second.page.goto(`${site.server.origin}/evidence/${entry.id}`);
    const history = second.page.locator('#public-history');
    await expect(history.textContent()).resolves.toMatch(/Corrected[\s\S]*The source supports \+1, not \+2\.[\s\S]*Rating/);
    await expect(history.locator('time').last().getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}/);
    await expect(history.textContent()).resolves.not.toContain('Reviewer');

    await page.reload();
    await page.getByRole('heading', { name: 'Demo: edited title' }).waitFor();
    await expect(page.getByText('Correction: The source supports +1, not +2.').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Propose the retraction' }).click();
    await expect(page.locator('#error-reason').textContent()).resolves.toBe('must not be blank');
    await page.getByLabel('Reason for the retraction').fill('The article was withdrawn.');
    await page.getByRole('button', { name: 'Propose the retraction' }).click();
    await page.getByText('Your retraction is proposed.', { exact: false }).waitFor();
    await expect(page.locator('.history').textContent()).resolves.toMatch(/Submitted[\s\S]*Edited[\s\S]*Published[\s\S]*Corrected/);
    expect(problems).toEqual([]);
  });
});
