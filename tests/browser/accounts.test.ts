import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../server/config.js';
import { createSignedInUser, NO_PRESSURE, type TestUser } from '../helper.js';
import { linkIn, startMailServer, type TestMailServer } from '../mail-server.js';
import { seriousAccessibilityProblems } from './accessibility.js';
import { signInAs, useTestSite, useWorkspacePages } from './site.js';

// Accounts in Chromium: "forgot password" from the sign-in page to signed in again, with the
// link read from the email that arrived at a real SMTP server; and drafts that leave with
// the account that wrote them.

let smtp: TestMailServer;
// Filled in before the site starts: the mail server's port is known only once it listens.
const overrides: Partial<AppConfig> = { ...NO_PRESSURE };
beforeAll(async () => {
  smtp = await startMailServer();
  overrides.mail = { smtpUrl: smtp.url, from: 'scorecard@example.org', publicUrl: 'http://scorecard.test', worker: 'manual' };
});
afterAll(async () => smtp?.close());
const site = useTestSite(overrides);
const workspacePage = useWorkspacePages(site);
/** The file's phone-sized workspace page, signed in as `user` or signed out. */
const pageAs = (user: TestUser | null) => workspacePage(user, { width: 360, height: 800 });

/** A browser context of its own, for the test that signs two accounts in and out of it. */
async function contextFor(user?: TestUser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'en-US' });
  if (user) await signInAs(context, site, user);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

describe('accounts in the browser', () => {
  it('walks "forgot password" from the sign-in page to signed in with the new password', async () => {
    const user = await createSignedInUser(site.server, 'volunteer', { email: 'forgetful@example.org', displayName: 'Fran Forgetful' });
    const { page, problems } = await pageAs(null);
    await page.goto(`${site.server.origin}/workspace`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('If an account uses that email, a link is on its way.').waitFor();

    await site.server.app.mail.drain();
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    const link = new URL(linkIn(mail, '/workspace/reset-password#'));
    await page.goto(`${site.server.origin}${link.pathname}${link.hash}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByLabel('New password').fill('a fresh memorable passphrase');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.getByText('Your new password is saved.').waitFor();
    // The spent token is gone from the address bar.
    expect(page.url()).toBe(`${site.server.origin}/workspace/reset-password`);

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('a fresh memorable passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My submissions' }).waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows the account page without accessibility problems', async () => {
    const user = await createSignedInUser(site.server, 'reviewer');
    const { page, problems } = await pageAs(user);
    await page.goto(`${site.server.origin}/workspace/account`);
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('keeps a draft to the account that wrote it and removes it at sign-out', async () => {
    const first = await createSignedInUser(site.server, 'volunteer');
    const second = await createSignedInUser(site.server, 'volunteer');
    const { context, page } = await contextFor(first);
    const form = `${site.server.origin}/workspace/evidence/new`;
    await page.goto(form);
    await page.getByLabel('Title', { exact: true }).fill('Demo: an unsent draft at a shared computer');
    const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('evidence-draft')));
    await expect(drafts()).resolves.toHaveLength(1);

    // Another account in the same browser never sees it.
    await context.clearCookies();
    await signInAs(context, site, second);
    await page.goto(form);
    await page.getByLabel('Title', { exact: true }).waitFor();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('');

    // Signing out removes every draft kept in this browser.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(drafts()).resolves.toEqual([]);
    await signInAs(context, site, first);
    await page.goto(form);
    await page.getByLabel('Title', { exact: true }).waitFor();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('');
    await context.close();
  }, 60_000);
});
