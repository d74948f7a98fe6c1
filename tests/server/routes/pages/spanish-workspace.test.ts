import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, INJECT_ORIGIN, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let volunteer: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
});
afterAll(() => t.close());

const pageData = (body: string) => JSON.parse(/<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(body)![1]);
const setLanguage = async (user: TestUser, language: 'en' | 'es') => {
  const res = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: user.headers, payload: { language } });
  expect(res.statusCode).toBe(200);
  expect(res.json().language).toBe(language);
};

describe('the Spanish workspace', () => {
  it('serves every screen under /es/workspace in Spanish, with <html lang="es">', async () => {
    const signIn = await t.app.inject('/es/workspace');
    expect(signIn.statusCode).toBe(200);
    expect(signIn.body).toMatch(/<html lang="es">/);
    expect(signIn.body).toContain('<title>Iniciar sesión · Espacio de trabajo de la boleta de calificaciones</title>');
    expect(pageData(signIn.body)).toMatchObject({ view: 'sign-in' });

    const form = await t.app.inject({ url: '/es/workspace/evidence/new', headers: { cookie: volunteer.cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<html lang="es">/);
    expect(form.body).toContain('<h1>Registrar evidencia</h1>');
    // The navigation stays in Spanish.
    expect(form.body).toContain('<a href="/es/workspace/import">Importar CSV</a>');
    expect(form.body).toContain('href="/es/methodology"');

    const english = await t.app.inject({ url: '/workspace/evidence/new', headers: { cookie: volunteer.cookie } });
    expect(english.body).toMatch(/<html lang="en">/);
    expect(english.body).toContain('<h1>Log evidence</h1>');
  });

  it('has the public pages’ language switch, keeping the screen and its query', async () => {
    const res = await t.app.inject({ url: '/es/workspace/import?standard=kids&lang=es&page=2', headers: { cookie: volunteer.cookie } });
    // `?lang=` is the switch itself: remembered, then the clean URL with the rest of the query.
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/es/workspace/import?standard=kids&page=2');
    expect(String(res.headers['set-cookie'])).toMatch(/lang=es/);

    const page = await t.app.inject({ url: '/es/workspace/import?standard=kids&page=2', headers: { cookie: volunteer.cookie } });
    expect(page.body).toContain(
      '<a class="lang-switch" href="/workspace/import?standard=kids&amp;page=2&amp;lang=en" hreflang="en" lang="en">English</a>',
    );
    const signedOut = await t.app.inject('/workspace?next=%2Fworkspace%2Freview');
    expect(signedOut.body).toContain(
      '<a class="lang-switch" href="/es/workspace?next=%2Fworkspace%2Freview&amp;lang=es" hreflang="es" lang="es">Español</a>',
    );
  });

  it('sends signed-out visitors of a Spanish screen to the Spanish sign-in, returning to the screen', async () => {
    const res = await t.app.inject('/es/workspace/review');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/es/workspace?next=%2Fworkspace%2Freview');
  });

  it('follows the account’s language: a Spanish account signs in and lands on /es/workspace', async () => {
    const user = await createSignedInUser(t, 'volunteer');
    await setLanguage(user, 'es');

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: INJECT_ORIGIN },
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(200);
    // The sign-in screen sends the browser to the workspace in this language.
    expect(login.json().language).toBe('es');
    const cookie = String(login.headers['set-cookie']).split(';')[0];

    const home = await t.app.inject({ url: '/workspace', headers: { cookie } });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/es/workspace');
    const deep = await t.app.inject({ url: '/workspace/import?x=1', headers: { cookie } });
    expect(deep.headers.location).toBe('/es/workspace/import?x=1');
    const landed = await t.app.inject({ url: '/es/workspace', headers: { cookie } });
    expect(landed.statusCode).toBe(200);
    expect(landed.body).toContain('<title>Mis registros · Espacio de trabajo de la boleta de calificaciones</title>');

    // Back to English on the account page (what the language switch does too): English stays English.
    await setLanguage(user, 'en');
    const english = await t.app.inject({ url: '/workspace', headers: { cookie } });
    expect(english.statusCode).toBe(200);
    expect(english.body).toMatch(/<html lang="en">/);
  });

  it('never sends anyone away from an /es URL, which is itself a choice', async () => {
    const res = await t.app.inject({ url: '/es/workspace/account', headers: { cookie: volunteer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="es">/);
  });

  it('sends a signed-out visitor who chose Spanish before to the Spanish screens', async () => {
    const remembered = await t.app.inject({ url: '/workspace/forgot-password', headers: { cookie: 'lang=es' } });
    expect(remembered.statusCode).toBe(302);
    expect(remembered.headers.location).toBe('/es/workspace/forgot-password');
    const browser = await t.app.inject({ url: '/workspace/invite', headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(browser.headers.location).toBe('/es/workspace/invite');
  });
});
