import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, evidenceBody, type TestUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { useTestSite, useWorkspacePages } from './site.js';

// Issue 14 in Chromium: the import report as cards at 360 px, the admin screens' confirmation
// dialog by keyboard, people chosen by name, slugs from names, and messages naming fields by
// their labels. axe-core finds nothing on each screen, the dialog open included.

const site = useTestSite();
const signedIn = useWorkspacePages(site);
let admin: TestUser;
let volunteer: TestUser;
beforeAll(async () => {
  admin = await createSignedInUser(site.server, 'admin', { displayName: 'Admin Ada' });
  volunteer = await createSignedInUser(site.server, 'volunteer');
});

const api = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  site.server.app.inject({ method, url, headers: user.headers, payload: payload as never });

/** Whether anything sticks out sideways (a phone reader would have to scroll left and right). */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the import report on a phone', () => {
  it('shows each row as a card with its problems and the day’s allowance, at 360 px, axe-clean', async () => {
    const { page, problems } = await signedIn(volunteer, { width: 360, height: 740 });
    await page.goto(`${site.server.origin}/workspace/import`);
    const header = 'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title';
    const csv = [
      header,
      'Jordan Sample (demo),3,+1,Statement,Demo: a pledge on kids,Fictional.,3/14/2025,example.org/pledge,Pledge',
      'nobody-at-all,kids,7,action,Demo: a row with problems and a very long title that must wrap on a small phone screen,Fictional.,someday,https://example.org/x,X',
    ].join('\n');
    await page.getByLabel('Or paste the CSV').fill(csv);
    await page.getByRole('button', { name: 'Check every row' }).click();
    await page.getByRole('heading', { name: '1 ready, 1 with problems.' }).waitFor();
    const bad = page.locator('.import-card[data-line="3"]');
    await expect(bad.getByRole('heading').textContent()).resolves.toMatch(/^Row 3: Demo: a row with problems/);
    const badText = await bad.textContent();
    expect(badText).toContain('“nobody-at-all” is not anyone on the scorecard');
    expect(badText).toContain('“7” is not a rating');
    expect(badText).toContain('“someday” is not a date');
    await expect(page.locator('.import-card[data-line="2"]').textContent()).resolves.toContain('Ready');
    await expect(page.locator('#import-allowance').textContent()).resolves.toBe(
      'You can import 2000 more rows today (each account may import 2000 a day, at most 500 per file).',
    );
    expect(await overflowsSideways(page)).toBe(false);
    const box = await bad.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('admin screens', () => {
  it('suggest a slug from the name, and ask in a keyboard-usable dialog before deleting a person', async () => {
    const { page, problems } = await signedIn(admin);
    await page.goto(`${site.server.origin}/workspace/admin/people`);
    await page.locator('#new-name').fill('José Núñez Test');
    await expect(page.locator('#new-slug').inputValue()).resolves.toBe('jose-nunez-test');
    await expect(page.locator('#new-slug-help').textContent()).resolves.toBe('The page’s address will end in /people/jose-nunez-test');
    await page.locator('#new-office').fill('Candidate for District Attorney');
    await page.getByRole('button', { name: 'Add this person' }).click();
    await page.locator('#admin-message', { hasText: 'Saved.' }).waitFor();
    expect((await site.server.app.inject('/api/subjects/jose-nunez-test')).statusCode).toBe(200);

    // By keyboard: open the dialog, which takes the focus to Cancel; Escape closes it and gives the focus back.
    await page.getByText('Edit José Núñez Test').click();
    const remove = page.getByRole('button', { name: 'Delete or archive José Núñez Test…' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete José Núñez Test?' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await expect(dialog.textContent()).resolves.toContain('Deleting cannot be undone.');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => remove.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await site.server.app.inject('/api/subjects/jose-nunez-test')).statusCode).toBe(200);

    // Again, and confirm with the keyboard: Tab past Cancel and "Archive instead" to Delete.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Delete José Núñez Test');
    await page.keyboard.press('Enter');
    await page.locator('#admin-message', { hasText: 'Deleted José Núñez Test.' }).waitFor();
    expect((await site.server.app.inject('/api/subjects/jose-nunez-test')).statusCode).toBe(404);
    expect(problems).toEqual([]);
  });

  it('offer only archiving for a person with published evidence, mark who is in office, and restore', async () => {
    await api(admin, 'POST', '/api/subjects', {
      slug: 'quinn-record',
      name: 'Quinn Record',
      role: 'incumbent',
      office: 'District Attorney',
    });
    const created = await api(volunteer, 'POST', '/api/evidence', evidenceBody({ subject: 'quinn-record', title: 'Demo: on the record' }));
    await api(admin, 'POST', `/api/evidence/${created.json().id}/review`, { decision: 'publish', revision: created.json().revision });

    const { page, problems } = await signedIn(admin);
    await page.goto(`${site.server.origin}/workspace/admin/people`);
    await page.getByText('Edit Quinn Record').click();
    await page.getByRole('button', { name: 'Mark Quinn Record as the District Attorney today' }).click();
    await page.locator('#admin-message', { hasText: 'Quinn Record is now shown as the District Attorney today.' }).waitFor();
    expect((await site.server.app.inject('/')).body).toMatch(/incumbent__name"><a href="\/people\/quinn-record"/);

    await page.getByText('Edit Quinn Record').click();
    await page.getByRole('button', { name: 'Delete or archive Quinn Record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive Quinn Record?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('1 published evidence entry');
    await expect(dialog.getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Archive Quinn Record' }).click();
    await page.locator('#admin-message', { hasText: 'Archived Quinn Record.' }).waitFor();
    expect((await site.server.app.inject('/')).body).toContain('No one is marked as the District Attorney in office yet.');
    await page.getByRole('button', { name: 'Restore Quinn Record' }).click();
    await page.locator('#admin-message', { hasText: 'Restored Quinn Record to the public lists.' }).waitFor();
    expect((await site.server.app.inject('/api/subjects/quinn-record')).json().archivedAt).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('choose candidates by name in ballot order, and name fields by their labels in a refusal', async () => {
    const { page, problems } = await signedIn(admin);
    await page.goto(`${site.server.origin}/workspace/admin/elections`);
    await page.locator('#new-election-name').fill('Test Primary 2034');
    await expect(page.locator('#new-election-slug').inputValue()).resolves.toBe('test-primary-2034');
    // No date yet: the refusal names the field as the screen does.
    await page.getByRole('button', { name: 'Add this election' }).click();
    const message = page.locator('#admin-message');
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(/^Check these fields: Election date: /);
    expect(text).not.toContain('body.');
    await expect(page.locator('#new-election-electionDate').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.locator('#new-election-electionDate').fill('2034-06-06');
    const picker = page.getByRole('group', { name: 'Candidates, in ballot order' }).first();
    await picker.getByLabel('Add a candidate').selectOption({ label: 'Jordan Sample (demo)' });
    await picker.getByRole('button', { name: 'Add', exact: true }).click();
    await picker.getByLabel('Add a candidate').selectOption({ label: 'Riley Example (demo)' });
    await picker.getByRole('button', { name: 'Add', exact: true }).click();
    await picker.getByRole('button', { name: 'Move Riley Example (demo) up' }).click();
    await page.getByRole('button', { name: 'Add this election' }).click();
    await page.locator('#admin-message', { hasText: 'Saved.' }).waitFor();
    const election = (await site.server.app.inject('/api/elections/test-primary-2034')).json();
    expect(election.candidates.map((c: { slug: string }) => c.slug)).toEqual(['demo-riley-example', 'demo-jordan-sample']);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('ask before changing a role, and keep the old role when cancelled', async () => {
    const someone = await createSignedInUser(site.server, 'volunteer', { displayName: 'Robin Roles' });
    const { page, problems } = await signedIn(admin);
    await page.goto(`${site.server.origin}/workspace/admin/users`);
    const select = page.getByLabel('Role of Robin Roles');
    await select.selectOption('admin');
    const dialog = page.getByRole('dialog', { name: 'Change Robin Roles’s role?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('An admin can also change people, elections, users and roles.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The dialog closes first, then the screen puts the old role back: wait for it, not for a fixed time.
    await expect.poll(() => select.inputValue()).toBe('volunteer');
    expect(
      (await api(admin, 'GET', `/api/users?page=1&pageSize=100`)).json().items.find((u: { id: number }) => u.id === someone.id).role,
    ).toBe('volunteer');
    await select.selectOption('reviewer');
    await page.getByRole('dialog').getByRole('button', { name: 'Make them Reviewer' }).click();
    await page.locator('#admin-message', { hasText: 'Saved.' }).waitFor();
    expect(
      (await api(admin, 'GET', `/api/users?page=1&pageSize=100`)).json().items.find((u: { id: number }) => u.id === someone.id).role,
    ).toBe('reviewer');
    expect(problems).toEqual([]);
  });

  it('edit an event and its participants, and state the flyer limit before sending a file that is too large', async () => {
    const created = await api(admin, 'POST', '/api/events', {
      title: 'Forum to edit',
      startsAt: '2031-03-01T18:00:00-08:00',
      place: 'Old hall',
    });
    const id = created.json().id as number;
    const { page, problems } = await signedIn(admin);
    const uploads: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith(`/api/events/${id}/flyer`) && uploads.push(r.url()));
    await page.goto(`${site.server.origin}/workspace/admin/events`);
    const label = page.getByText('Flyer for Forum to edit: a PNG, JPEG or WebP image, or a PDF, at most 2 MB');
    await label.waitFor();
    await page.getByText('Edit Forum to edit').click();
    await page.locator(`#ev-${id}-place`).fill('New hall');
    await page.getByRole('group', { name: 'People taking part' }).last().getByLabel('Riley Example (demo)').check();
    await page.getByRole('button', { name: 'Save Forum to edit' }).click();
    await page.locator('#admin-message', { hasText: 'Saved.' }).waitFor();
    const stored = (
      (await site.server.app.inject('/api/events')).json() as Array<{ id: number; place: string; subjects: Array<{ slug: string }> }>
    ).find((e) => e.id === id)!;
    expect(stored.place).toBe('New hall');
    expect(stored.subjects.map((s) => s.slug)).toEqual(['demo-riley-example']);

    await page.getByLabel('Flyer for Forum to edit: a PNG, JPEG or WebP image, or a PDF, at most 2 MB').setInputFiles({
      name: 'huge-flyer.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024 + 1)]),
    });
    await page.getByRole('button', { name: 'Upload the flyer for Forum to edit' }).click();
    await page.locator('#admin-message', { hasText: 'huge-flyer.pdf is larger than 2 MB, the most a flyer may be.' }).waitFor();
    expect(uploads).toEqual([]);

    // A PDF the server cannot clean of its metadata is refused by name, in the screen's language.
    const broken = { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nnot a PDF after all\n') };
    await page.getByLabel('Flyer for Forum to edit: a PNG, JPEG or WebP image, or a PDF, at most 2 MB').setInputFiles(broken);
    await page.getByRole('button', { name: 'Upload the flyer for Forum to edit' }).click();
    await page.locator('#admin-message', { hasText: 'The server refused this: could not be read as a PDF' }).waitFor();
    await page.goto(`${site.server.origin}/es/workspace/admin/events`);
    await page.getByLabel('Volante de Forum to edit: una imagen PNG, JPEG o WebP, o un PDF, de 2 MB como máximo').setInputFiles(broken);
    await page.getByRole('button', { name: 'Subir el volante de Forum to edit' }).click();
    await page.locator('#admin-message', { hasText: 'El servidor no aceptó esto: no se pudo leer como PDF' }).waitFor();
    expect(uploads).toHaveLength(2);
    expect((await site.server.app.inject('/api/events')).json().find((e: { id: number }) => e.id === id).flyerUrl).toBeNull();
    expect(problems).toEqual([]);
  });

  it.each(['people', 'elections', 'events', 'users'])('fit a 360 px phone: the %s screen, its forms open, axe-clean', async (section) => {
    const { page, problems } = await signedIn(admin, { width: 360, height: 740 });
    await page.goto(`${site.server.origin}/workspace/admin/${section}`);
    await page.locator('.ws-form, .ws-table').first().waitFor();
    for (const details of await page.locator('details').all()) await details.evaluate((el) => el.setAttribute('open', ''));
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
