import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/plugins/auth.js';
import { createSignedInUser, evidenceBody, type TestUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { useTestSite, useWorkspacePages } from './site.js';

// Issue 11: a volunteer withdrawing their own entry (from the list and from the entry's page)
// and "sign out everywhere" ask in the workspace's dialog, as the admin screens do, never in
// the browser's confirm(): Escape and Cancel change nothing and give the focus back, the
// confirm button does it, axe-core finds nothing with the dialog open, in English and Spanish.
// And the evidence form and the account page load through @lit/task: a failed load says so
// and offers to try again. And a Spanish screen says the server's refusals in Spanish: a person
// archived while the form was open, an import's rows and file.

const site = useTestSite();
const signedIn = useWorkspacePages(site);
let volunteer: TestUser;
let spanish: TestUser;
let admin: TestUser;

beforeAll(async () => {
  admin = await createSignedInUser(site.server, 'admin');
  volunteer = await createSignedInUser(site.server, 'volunteer');
  spanish = await createSignedInUser(site.server, 'volunteer');
  await site.server.app.repositories.users.updateSettings(spanish.id, { language: 'es' }, spanish);
});
/** A fresh page in `user`'s context for the file (useWorkspacePages), where a native dialog is a problem. */
async function pageAs(user: TestUser): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await signedIn(user);
  // The browser's own confirm() must never come back: any native dialog fails the test.
  page.on('dialog', (d) => {
    problems.push(`native ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { page, problems };
}

async function submit(user: TestUser, title: string): Promise<number> {
  const res = await site.server.app.inject({
    method: 'POST',
    url: '/api/evidence',
    headers: user.headers,
    payload: evidenceBody({ title }),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}

async function statusOf(user: TestUser, id: number): Promise<string> {
  const res = await site.server.app.inject({ method: 'GET', url: `/api/evidence/${id}`, headers: user.headers });
  return res.json().status as string;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

describe('withdrawing one’s own entry', () => {
  it('asks in the dialog on the list: Escape and Cancel keep it, the confirm button withdraws it (English)', async () => {
    const id = await submit(volunteer, 'Demo: to withdraw from the list');
    const { page, problems } = await pageAs(volunteer);
    await page.goto(`${site.server.origin}/workspace`);
    const opener = page.getByRole('button', { name: 'Withdraw “Demo: to withdraw from the list”' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Withdraw “Demo: to withdraw from the list”?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('This cannot be undone.');
    // Cancel has the focus first, so an Enter pressed by habit changes nothing.
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await statusOf(volunteer, id)).toBe('pending');

    await opener.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await statusOf(volunteer, id)).toBe('pending');

    await opener.click();
    await dialog.getByRole('button', { name: 'Withdraw “Demo: to withdraw from the list”' }).click();
    const notice = page.locator('#submissions-message', { hasText: '“Demo: to withdraw from the list” is withdrawn.' });
    await notice.waitFor();
    await expect.poll(() => notice.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator(`tr[data-id="${id}"] .status--withdrawn`).waitFor();
    expect(await statusOf(volunteer, id)).toBe('withdrawn');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('asks in the dialog on the entry’s page, in Spanish', async () => {
    const id = await submit(spanish, 'Demo: para retirar');
    const { page, problems } = await pageAs(spanish);
    await page.goto(`${site.server.origin}/es/workspace/evidence/${id}`);
    const opener = page.locator('main').getByRole('button', { name: 'Retirar este registro' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: '¿Retirar este registro?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Esto no se puede deshacer.');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await statusOf(spanish, id)).toBe('pending');

    await opener.click();
    await dialog.getByRole('button', { name: 'Retirar este registro' }).click();
    await page.getByText('El registro está retirado.').waitFor();
    expect(await statusOf(spanish, id)).toBe('withdrawn');
    expect(problems).toEqual([]);
  });
});

describe('signing out everywhere', () => {
  /** A second browser's session of the same account, to see whether it survives. */
  async function otherSession(user: TestUser) {
    const { token } = await site.server.app.repositories.sessions.create(user.id);
    return () =>
      site.server.app
        .inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${token}` } })
        .then((r) => r.statusCode);
  }

  it('asks in the dialog: Escape and Cancel keep every session, the confirm button ends them (English)', async () => {
    const user = await createSignedInUser(site.server, 'volunteer');
    const other = await otherSession(user);
    const { page, problems } = await pageAs(user);
    await page.goto(`${site.server.origin}/workspace/account`);
    const opener = page.getByRole('button', { name: 'Sign out everywhere' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sign out on every device?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('this one included');
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await other()).toBe(200);

    await opener.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await other()).toBe(200);

    await opener.click();
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await other()).toBe(401);
    expect(problems).toEqual([]);
  });

  it('asks in Spanish', async () => {
    const user = await createSignedInUser(site.server, 'volunteer');
    await site.server.app.repositories.users.updateSettings(user.id, { language: 'es' }, user);
    const other = await otherSession(user);
    const { page, problems } = await pageAs(user);
    await page.goto(`${site.server.origin}/es/workspace/account`);
    const opener = page.getByRole('button', { name: 'Cerrar sesión en todas partes' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: '¿Cerrar la sesión en todos los dispositivos?' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await other()).toBe(200);

    await opener.click();
    await dialog.getByRole('button', { name: 'Cerrar sesión en todas partes' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await other()).toBe(401);
    expect(problems).toEqual([]);
  });
});

describe('loading the evidence form and the account page', () => {
  /** Lets the first request for `path` fail as a dropped connection would, and the next ones through. */
  async function failOnce(page: Page, path: string) {
    let failed = false;
    await page.route(`${site.server.origin}${path}`, (route) => {
      if (failed) return route.continue();
      failed = true;
      return route.abort('connectionfailed');
    });
  }

  it('the evidence form says it could not load, and loads on “Try again” (English)', async () => {
    const { page, problems } = await pageAs(volunteer);
    await failOnce(page, '/api/standards');
    await page.goto(`${site.server.origin}/workspace/evidence/new`);
    await page.getByRole('alert').filter({ hasText: 'This could not be loaded.' }).waitFor();
    await page.getByRole('heading', { name: 'Log evidence' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByLabel('Person', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('the account page says it could not load, and loads on “Intentar de nuevo” (Spanish)', async () => {
    const { page, problems } = await pageAs(spanish);
    await failOnce(page, '/api/auth/account');
    await page.goto(`${site.server.origin}/es/workspace/account`);
    await page.getByRole('alert').filter({ hasText: 'No se pudo cargar.' }).waitFor();
    const retry = page.getByRole('button', { name: 'Intentar de nuevo' });
    expect(await axeViolations(page)).toEqual([]);
    await retry.click();
    await page.getByRole('button', { name: 'Cerrar sesión en todas partes' }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('the server’s refusals on Spanish screens', () => {
  const inject = (user: TestUser, method: 'POST', url: string, payload?: unknown) =>
    site.server.app.inject({ method, url, headers: user.headers, payload: payload as never });

  it('names the person field in Spanish when the person was archived while the form was open', async () => {
    const created = await inject(admin, 'POST', '/api/subjects', {
      slug: 'sam-soon-archived',
      name: 'Sam Soon Archived',
      role: 'candidate',
      office: 'Candidate',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { page, problems } = await pageAs(spanish);
    await page.goto(`${site.server.origin}/es/workspace/evidence/new`);
    await page.getByLabel('Persona', { exact: true }).waitFor();
    // A draft typed earlier about Sam, which the form restores.
    const draft = {
      subject: 'sam-soon-archived',
      standard: 'kids',
      rating: '1',
      kind: 'action',
      occurredOn: '2025-03-01',
      title: 'Demo: about someone archived meanwhile',
      summary: 'Fictional.',
      titleEs: '',
      summaryEs: '',
      sources: [{ url: 'https://example.org/archived-meanwhile', title: 'Source', publisher: '', archiveUrl: '' }],
    };
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [`sc-workspace:evidence-draft:${spanish.id}:new`, JSON.stringify(draft)],
    );
    await page.reload();
    await expect.poll(() => page.getByLabel('Persona', { exact: true }).inputValue()).toBe('sam-soon-archived');
    expect((await inject(admin, 'POST', '/api/subjects/sam-soon-archived/archive')).statusCode).toBe(200);

    await page.getByRole('button', { name: 'Enviar a revisión' }).click();
    const error = page.locator('#error-subject');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe(
      'Sam Soon Archived está archivada, así que no se puede registrar evidencia sobre esta persona; una persona de la administración puede restaurarla primero',
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('subject');
    expect(await page.getByText('is archived').count()).toBe(0);
    const mine = (await site.server.app.inject({ url: '/api/evidence?mine=true&pageSize=100', headers: spanish.headers })).json();
    expect(mine.items.some((e: { title: string }) => e.title === draft.title)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('says the import’s row and file problems in Spanish', async () => {
    const { page, problems } = await pageAs(spanish);
    await page.goto(`${site.server.origin}/es/workspace/import`);
    const header = 'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title';
    await page
      .getByLabel('O pegue el texto CSV')
      .fill([header, 'nobody-here,kids,9,action,Demo: nadie,Ficticio.,2025-03-01,https://example.org/x,X'].join('\n'));
    await page.getByRole('button', { name: 'Verificar cada fila' }).click();
    const row = page.locator('.import-card[data-line="2"]');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('“nobody-here” no es ninguna persona de la boleta de calificaciones');
    expect(text).toContain('“9” no es una valoración');
    expect(text).not.toContain('is not');

    await page.getByLabel('O pegue el texto CSV').fill('subject,standard\nnobody,kids');
    await page.getByRole('button', { name: 'Verificar cada fila' }).click();
    const error = page.locator('#import-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('le falta la columna o las columnas rating, kind');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
