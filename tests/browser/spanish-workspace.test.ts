import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, type TestUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { useTestSite, useWorkspacePages } from './site.js';

// The workspace in Spanish: the evidence form on a phone, the account's language choosing the
// workspace's, the language switch, and the admin's side-by-side standards editor.

const site = useTestSite();
const signedIn = useWorkspacePages(site);
let volunteer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  volunteer = await createSignedInUser(site.server, 'volunteer');
  admin = await createSignedInUser(site.server, 'admin');
  await site.server.app.repositories.users.updateSettings(volunteer.id, { language: 'es' }, volunteer);
});
/** The file's page, signed in as `user` (or signed out), `width` px wide. */
async function pageAs(user: TestUser | null, width = 1100) {
  return (await signedIn(user, { width, height: 800 })).page;
}

describe('the Spanish workspace in Chromium', () => {
  it('shows the evidence form in Spanish at 360 px, with no axe-core violations and nothing wider than the screen', async () => {
    const page = await pageAs(volunteer, 360);
    await page.goto(`${site.server.origin}/es/workspace/evidence/new`);
    await page.getByRole('heading', { name: 'Registrar evidencia' }).first().waitFor();
    await page.getByText('Cargando…').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByLabel('Persona', { exact: true }).waitFor();
    await page.getByRole('group', { name: /Valoración/ }).waitFor();
    await expect(page.getByRole('button', { name: 'Enviar a revisión' }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);

    // Sent empty: every problem in Spanish beside its field, still clean at 360 px.
    await page.getByRole('button', { name: 'Enviar a revisión' }).click();
    await page.getByText(/Hay que corregir \d+ campos\./).waitFor();
    await page.getByText('elija una persona', { exact: true }).waitFor();
    await page.getByText('escriba la fecha en que pasó', { exact: true }).waitFor();
    expect(await page.getByText('choose a person').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs a Spanish account in on the English sign-in and opens the workspace in Spanish', async () => {
    const page = await pageAs(null);
    await page.goto(`${site.server.origin}/workspace`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(volunteer.email);
    await page.getByLabel('Password').fill(volunteer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${site.server.origin}/es/workspace`);
    await page.getByRole('heading', { name: 'Mis registros' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  it('switches language keeping the screen and its query, and makes it the account’s language', async () => {
    const user = await createSignedInUser(site.server, 'volunteer');
    const page = await pageAs(user);
    await page.goto(`${site.server.origin}/workspace/import?from=switch`);
    await page.getByRole('heading', { name: 'Import evidence from a spreadsheet' }).waitFor();
    await page.getByRole('link', { name: 'Español' }).click();
    await page.waitForURL(`${site.server.origin}/es/workspace/import?from=switch`);
    await page.getByRole('heading', { name: 'Importar evidencia de una hoja de cálculo' }).waitFor();
    expect((await site.server.app.repositories.users.byId(user.id))?.language).toBe('es');

    // The account page offers the same choice: saving English opens the page in English.
    await page.goto(`${site.server.origin}/es/workspace/account`);
    // A refusal from the API reads in Spanish too.
    await page.getByLabel('Contraseña actual').fill('not the password');
    await page.getByLabel(/^Contraseña nueva/).fill('a brand new password');
    await page.getByRole('button', { name: 'Cambiar mi contraseña' }).click();
    await page.getByText('La contraseña no es correcta.').waitFor();
    await page.getByLabel('Idioma del espacio de trabajo y de sus correos').selectOption('en');
    await page.getByRole('button', { name: 'Guardar nombre e idioma' }).click();
    await page.waitForURL(`${site.server.origin}/workspace/account`);
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    expect((await site.server.app.repositories.users.byId(user.id))?.language).toBe('en');
  });

  it('marks the Spanish of a standard “needs update” after an English edit, until the Spanish is saved', async () => {
    const page = await pageAs(admin);
    await page.goto(`${site.server.origin}/es/workspace/admin/standards`);
    await page.getByRole('heading', { name: 'El texto de los estándares' }).waitFor();
    await expect(page.getByTestId('needs-update-pretrial').count()).resolves.toBe(0);

    // The English edited, here through the English column.
    await page.locator('summary', { hasText: /^5\. / }).click();
    const english = page.locator('#s-pretrial-en-summary');
    await english.fill('A new English summary written by a test.');
    await page.getByRole('button', { name: 'Guardar el estándar 5' }).click();
    await page.getByTestId('needs-update-pretrial').waitFor();
    await page.getByText(/El inglés se editó el/).waitFor();
    // Both columns are on screen side by side.
    const [en, es] = await Promise.all([english.boundingBox(), page.locator('#s-pretrial-es-summary').boundingBox()]);
    expect(en && es && es.x > en.x + en.width).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Guardar el español del estándar 5' }).click();
    await page.getByTestId('needs-update-pretrial').waitFor({ state: 'detached' });

    // The screen draws its tabs as /workspace/... links; on a Spanish page they stay Spanish,
    // even for this admin, whose account is in English (the server would not redirect them).
    await page.getByRole('link', { name: 'Registro de actividad' }).click();
    await page.waitForURL(`${site.server.origin}/es/workspace/admin/audit`);
    await page.getByRole('heading', { name: 'Administración: Registro de actividad' }).waitFor();
  });
});
