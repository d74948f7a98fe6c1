import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, type TestUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { openSettled, usePublicPages, useTestSite, useWorkspacePages } from './site.js';

// Issue 15's last point in Chromium: an admin uploads the coalition's logo in the workspace;
// the public header then shows it on a 360 px phone (alt text the coalition's name, still one
// row, axe-clean), printed pages carry it with the coalition's name, the audit log names the
// change in words, and removing it asks first.

const PHONE = { width: 360, height: 640 };
const COALITION = 'Sacramento Justice Partners';
const site = useTestSite();
let admin: TestUser;

beforeAll(async () => {
  admin = await createSignedInUser(site.server, 'admin');
  const renamed = await site.server.app.inject({
    method: 'PATCH',
    url: '/api/site',
    headers: admin.headers,
    payload: { coalitionName: COALITION },
  });
  expect(renamed.statusCode).toBe(200);
});

/**
 * Public pages kept for the file's next test (usePublicPages), without the HTTP cache: each
 * test changes the logo, and a public page cached for 30 s would show the last one.
 */
const publicPages = usePublicPages(site, { locale: 'en-US', httpCache: false });
/** Workspace pages kept for the file (useWorkspacePages; the workspace is never cached). */
const workspacePages = useWorkspacePages(site);

/**
 * A kept page, signed in as `user` (a workspace page) or signed out (a public page), collecting
 * its uncaught errors and console errors; its listeners go when the test ends.
 */
async function open(
  viewport: { width: number; height: number },
  user?: TestUser,
): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  let page: Page;
  let problems: string[];
  let close = async () => {};
  if (user) ({ page, problems } = await workspacePages(user, viewport));
  else {
    ({ page, close } = await publicPages(viewport));
    problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return { page, problems, close };
}

/** A wide wordmark-like logo (3:1, dark on transparent), as a coalition's designer would export it. */
const logoFile = async () => ({
  name: 'logo.png',
  mimeType: 'image/png',
  buffer: await sharp({ create: { width: 900, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      { input: { create: { width: 700, height: 200, channels: 4, background: { r: 20, g: 60, b: 120, alpha: 1 } } }, left: 100, top: 50 },
    ])
    .png()
    .toBuffer(),
});

/** Sets the logo through the API, so a test run alone (`-t`) has one as well. */
async function uploadLogo() {
  const file = await logoFile();
  const boundary = '----site-logo-browser';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${file.name}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`;
  const res = await site.server.app.inject({
    method: 'POST',
    url: '/api/site/logo',
    payload: Buffer.concat([Buffer.from(head), file.buffer, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { ...admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width };
    });

describe('the coalition’s logo', () => {
  it('is uploaded by an admin in the workspace, with its limit stated first, and shown there at once', async () => {
    const { page, problems, close } = await open({ width: 1100, height: 900 }, admin);
    await page.goto(`${site.server.origin}/workspace/admin/site`);
    await page.getByRole('heading', { name: 'Logo', exact: true }).waitFor();
    const input = page.getByLabel('Logo: a PNG, JPEG or WebP image, at most 1 MB (SVG is not accepted: export it as PNG)');
    expect(await input.getAttribute('accept')).toBe('image/png,image/jpeg,image/webp');
    expect(await page.locator('input[name="coalitionName"]').inputValue()).toBe(COALITION);
    expect(await axeViolations(page)).toEqual([]);
    await input.setInputFiles(await logoFile());
    await page.getByRole('button', { name: 'Upload the logo' }).click();
    await page.getByRole('status').filter({ hasText: 'Logo saved. Pages show it now.' }).waitFor();
    const preview = page.getByRole('img', { name: COALITION });
    await preview.waitFor();
    expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(512);
    // The workspace header shows it too, from the next screen on.
    await page.reload();
    expect(await page.locator('.site-header img.site-logo').getAttribute('alt')).toBe(COALITION);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it.each(['/people/demo-avery-placeholder', '/es/elections/demo-2026-district-attorney'])(
    '%s on a 360 px phone: the header shows the logo with the coalition’s name as its alt text, in one row, axe-clean',
    async (path) => {
      await uploadLogo();
      const { page, problems, close } = await open(PHONE);
      await openSettled(page, `${site.server.origin}${path}`);
      const logo = page.locator('.site-header img.site-logo');
      expect(await logo.getAttribute('alt')).toBe(COALITION);
      expect(await logo.isVisible()).toBe(true);
      expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      // One row: the logo, the site's name and the menu button side by side, the header as short as without a logo
      // (the menu button's 44 px and the row's padding).
      const header = await box(page, '.site-header');
      const [image, name, menu] = await Promise.all([box(page, '.site-logo'), box(page, '.site-name__title'), box(page, '.menu-button')]);
      expect(header.height).toBeLessThanOrEqual(52);
      for (const part of [image, name, menu]) {
        expect(part.top).toBeGreaterThanOrEqual(header.top);
        expect(part.bottom).toBeLessThanOrEqual(header.bottom);
      }
      expect(image.right).toBeLessThanOrEqual(name.left);
      expect(name.right).toBeLessThanOrEqual(menu.left);
      expect(menu.right).toBeLessThanOrEqual(PHONE.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    },
  );

  it('is printed with the coalition’s name at the top of a printed page; the screen header is not', async () => {
    await uploadLogo();
    const { page, close } = await open({ width: 1100, height: 900 });
    await openSettled(page, `${site.server.origin}/elections/demo-2026-district-attorney`);
    expect(await page.locator('.print-masthead').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const masthead = page.locator('.print-masthead');
    expect(await masthead.isVisible()).toBe(true);
    expect(await masthead.textContent()).toContain(COALITION);
    const logo = masthead.locator('img');
    expect(await logo.isVisible()).toBe(true);
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect((await box(page, '.print-masthead img')).height).toBeGreaterThan(20);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    // Above the page's own title.
    expect((await box(page, '.print-masthead')).bottom).toBeLessThanOrEqual((await box(page, 'h1')).top);
    // The voter guide still fits one sheet of paper with the masthead, in both common sizes.
    for (const format of ['Letter', 'A4']) {
      const pdf = (await page.pdf({ format })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g), format).toHaveLength(1);
    }
    await close();
  });

  it('is managed in Spanish too, on a 360 px phone, axe-clean and without sideways scrolling', async () => {
    await uploadLogo();
    const { page, problems, close } = await open(PHONE, admin);
    await page.goto(`${site.server.origin}/es/workspace/admin/site`);
    await page.getByRole('heading', { name: 'Logotipo', exact: true }).waitFor();
    await page.getByLabel('Logotipo: una imagen PNG, JPEG o WebP, de 1 MB como máximo (no se acepta SVG: expórtelo como PNG)').waitFor();
    expect(await page.getByRole('button', { name: 'Quitar el logotipo' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: COALITION }).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('is named in words, not by its code name, in the audit log, in English and in Spanish', async () => {
    await uploadLogo();
    const { page, problems, close } = await open({ width: 1100, height: 900 }, admin);
    for (const [path, names] of [
      ['/workspace/admin/audit?entityType=site', ['Coalition name', 'Logo']],
      ['/es/workspace/admin/audit?entityType=site', ['Logotipo', 'Nombre de la coalición']],
    ] as const) {
      await page.goto(`${site.server.origin}${path}`);
      const rows = page.locator('li.audit-row[data-action="site.update"]');
      await rows.first().waitFor();
      // The renaming (beforeAll) and the upload, each with its changes opened.
      for (const summary of await rows.locator('details > summary').all()) await summary.click();
      const fields = await rows.locator('table.audit-changes tbody th[scope="row"]').allTextContents();
      expect([...new Set(fields)].sort(), path).toEqual(names);
      // A field without a name would show its code name (<code>logo</code>).
      expect(await rows.locator('th code').count(), path).toBe(0);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('is removed only after the admin confirms, and then no page shows it', async () => {
    await uploadLogo();
    const { page, problems, close } = await open({ width: 1100, height: 900 }, admin);
    await page.goto(`${site.server.origin}/workspace/admin/site`);
    await page.getByRole('button', { name: 'Remove the logo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('You can upload one again at any time.');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await site.server.app.inject('/api/site')).json().logo).not.toBeNull();
    await page.getByRole('button', { name: 'Remove the logo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove the logo' }).click();
    await page.getByRole('status').filter({ hasText: 'Logo removed.' }).waitFor();
    expect((await site.server.app.inject('/api/site')).json().logo).toBeNull();
    expect(await page.getByText('No logo yet').isVisible()).toBe(true);
    const phone = await open(PHONE);
    await phone.page.goto(`${site.server.origin}/people/demo-avery-placeholder`);
    expect(await phone.page.locator('img.site-logo').count()).toBe(0);
    await phone.close();
    expect(problems).toEqual([]);
    await close();
  });
});
