import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, TINY_PNG, type TestUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { useTestSite, useWorkspacePages } from './site.js';

// The workspace's forms in Chromium: the CSV import's row report, drafts and server errors
// on the evidence form, a keyboard-only submission, and axe-core on the forms they fill in
// (workspace-accessibility.test.ts runs axe-core on every workspace screen).

const site = useTestSite();
const signedIn = useWorkspacePages(site);
let volunteer: TestUser;
let admin: TestUser;
beforeAll(async () => {
  volunteer = await createSignedInUser(site.server, 'volunteer');
  admin = await createSignedInUser(site.server, 'admin');
});

const HEADER = 'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title,source_publisher';
const csvRow = (title: string, rating = '1') =>
  `demo-jordan-sample,kids,${rating},statement,${title},Fictional row from the import test.,2025-04-01,https://example.org/import,Import source,Example`;
const pendingCount = async (user: TestUser) =>
  (await site.server.app.inject({ url: '/api/evidence?mine=true&status=pending', headers: user.headers })).json().total as number;

describe('CSV import', () => {
  it('shows every row’s problems before storing anything, then imports a clean file', async () => {
    const importer = await createSignedInUser(site.server, 'volunteer');
    const { page, problems } = await signedIn(importer);
    await page.goto(`${site.server.origin}/workspace/import`);
    await page
      .getByLabel('Or paste the CSV')
      .fill([HEADER, csvRow('Demo: first import'), csvRow('Demo: bad rating', '5'), csvRow('Demo: third import')].join('\n'));
    await page.getByRole('button', { name: 'Check every row' }).click();
    await page.getByRole('heading', { name: '2 ready, 1 with problems.' }).waitFor();
    await expect(page.locator('[data-line="3"]').textContent()).resolves.toContain('rating: “5” is not a rating');
    await expect(page.locator('[data-line="2"]').textContent()).resolves.toContain('Demo: first import');
    await expect(page.getByRole('button', { name: 'Create 2 pending entries' }).isVisible()).resolves.toBe(true);
    expect(await pendingCount(importer)).toBe(0);

    // The volunteer fixes the spreadsheet and uploads it as a file.
    const clean = [HEADER, csvRow('Demo: first import'), csvRow('Demo: fixed rating', '-1'), csvRow('Demo: third import')].join('\n');
    await page
      .getByLabel('Spreadsheet file (.xlsx or .csv)')
      .setInputFiles({ name: 'evidence.csv', mimeType: 'text/csv', buffer: Buffer.from(clean) });
    await page.getByRole('button', { name: 'Check every row' }).click();
    await page.getByRole('heading', { name: '3 ready, 0 with problems.' }).waitFor();
    await page.getByRole('button', { name: 'Create 3 pending entries' }).click();
    await page.getByRole('heading', { name: '3 entries created, waiting for review.' }).waitFor();
    await expect(page.getByRole('link', { name: 'Demo: fixed rating' }).isVisible()).resolves.toBe(true);
    expect(await pendingCount(importer)).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the evidence form', () => {
  it('shows the server’s messages on the fields before sending, keeps the draft through a reload and a server error', async () => {
    const { page } = await signedIn(volunteer);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/evidence') && posts.push(r.url()));
    await page.goto(`${site.server.origin}/workspace/evidence/new`);
    await page.getByLabel('Title', { exact: true }).fill('Demo: a draft that must survive');
    await page.getByLabel('Link (URL)').fill('not a link');
    await page.reload();
    await page.getByText('Your unsent draft was restored.').waitFor();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Demo: a draft that must survive');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    const url = page.getByLabel('Link (URL)');
    await expect(url.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#error-sources-0-url').textContent()).resolves.toBe('must be an http or https URL');
    await expect(page.locator('#error-summary').textContent()).resolves.toBe('must not be blank');
    await expect(page.locator('#error-subject').textContent()).resolves.toBe('choose a person');
    await expect(page.locator('#error-rating').textContent()).resolves.toBe('choose a rating from -2 to 2');
    // Focus goes to the first field that needs attention.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('subject');
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Demo: a draft that must survive');
    // Caught in the browser, in the words the server uses for the same input (checked below).
    expect(posts).toEqual([]);
    const server = await site.server.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: { title: 'x', summary: ' ', sources: [{ url: 'not a link', title: 't' }] },
    });
    const serverWords = new Map(server.json().details.map((d: { field: string; message: string }) => [d.field, d.message]));
    expect(serverWords.get('body.sources.0.url')).toBe('must be an http or https URL');
    expect(serverWords.get('body.summary')).toBe('must not be blank');
    expect(serverWords.get('body.subject')).toBe('choose a person');
    expect(serverWords.get('body.rating')).toBe('choose a rating from -2 to 2');
    expect(await axeViolations(page)).toEqual([]);

    // A server failure: the message says so, and nothing typed is lost, even after a reload.
    await page.locator('#subject').selectOption({ index: 1 });
    await page.locator('#standard').selectOption({ index: 1 });
    await page.locator('input[name="rating"]').first().check();
    await page.locator('input[name="kind"]').first().check();
    await page.locator('#occurredOn').fill('2025-03-15');
    await page.locator('#summary').fill('A fictional summary.');
    await page.getByLabel('Link (URL)').fill('https://example.org/draft');
    await page.locator('#source-0-title').fill('A source');
    await page.route('**/api/evidence', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: '{"error":"internal","message":"Something went wrong on our side"}',
      }),
    );
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('The server refused this: Something went wrong on our side').waitFor();
    await page.reload();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Demo: a draft that must survive');
    await page.getByRole('button', { name: 'Clear the form' }).click();
  });

  it('can be filled in and submitted with the keyboard alone, on a phone-sized screen', async () => {
    const { page, problems } = await signedIn(volunteer, { width: 390, height: 844 });
    await page.goto(`${site.server.origin}/workspace/evidence/new`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    const tabTo = async (id: string) => {
      for (let i = 0; i < 40; i++) {
        if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`#${id} was not reachable with Tab`);
    };
    await tabTo('subject');
    await page.keyboard.press('ArrowDown');
    await tabTo('standard');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await tabTo('occurredOn');
    await page.keyboard.type('03152025');
    await tabTo('title');
    await page.keyboard.type('Demo: typed with the keyboard');
    await tabTo('summary');
    await page.keyboard.type('Fictional evidence entered without a mouse.');
    await tabTo('source-0-url');
    await page.keyboard.type('https://example.org/keyboard');
    await tabTo('source-0-title');
    await page.keyboard.type('Keyboard source');
    await tabTo('add-source');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('source-1-url');
    await page.keyboard.press('Shift+Tab');
    await tabTo('source-1-url');
    // Remove the empty second source again, by keyboard.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Remove source 2');
    await page.keyboard.press('Enter');
    await page.locator('button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /waiting for review/ }).waitFor();

    const mine = (await site.server.app.inject({ url: '/api/evidence?mine=true&pageSize=100', headers: volunteer.headers })).json();
    const entry = mine.items.find((e: { title: string }) => e.title === 'Demo: typed with the keyboard');
    expect(entry).toMatchObject({ standard: 'kids', rating: 2, kind: 'action', occurredOn: '2025-03-15', status: 'pending' });
    expect(entry.sources).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});

describe('admin screens', () => {
  it('upload an event’s flyer, which the public events page then shows', async () => {
    const { page, problems } = await signedIn(admin);
    await page.goto(`${site.server.origin}/workspace/admin/events`);
    const png = TINY_PNG;
    const first = page.locator('.event-list > li').first();
    await first.locator('input[type="file"]').setInputFiles({ name: 'flyer.png', mimeType: 'image/png', buffer: png });
    await first.getByRole('button', { name: /^Upload the flyer for/ }).click();
    await page.locator('#admin-message').waitFor({ timeout: 5000 });
    expect(await page.locator('#admin-message').textContent()).toBe('Saved.');
    const flyerUrl = await page.locator('.event-list > li').first().getByRole('link', { name: 'The current flyer' }).getAttribute('href');
    expect(flyerUrl).toMatch(/^\/media\/flyers\//);
    await page.goto(`${site.server.origin}/events`);
    await expect(page.locator(`img[src="${flyerUrl}"]`).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
  });
});
