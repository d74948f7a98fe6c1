import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_SEEDS_ES } from '../../../../db/seed/standards.es.js';
import { sql } from 'drizzle-orm';
import { buildTestApp, runSql, type TestApp } from '../../../helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('Spanish pages without JavaScript', () => {
  it('serve the key facts in Spanish under /es', async () => {
    const res = await get('/es/standards/kids');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain(`<h1>${STANDARD_SEEDS_ES.kids.title}</h1>`);
    expect(res.body).toContain('Qué evidencia cuenta');
    expect(res.body).toContain('<link rel="alternate" hreflang="en"');
  });

  it('offer the other language as a visible switch on every page', async () => {
    const english = await get('/people/demo-avery-placeholder');
    expect(english.body).toMatch(
      /<a class="lang-switch" href="\/es\/people\/demo-avery-placeholder\?lang=es" hreflang="es" lang="es">Español<\/a>/,
    );
    const spanish = await get('/es/people/demo-avery-placeholder');
    expect(spanish.body).toMatch(
      /<a class="lang-switch" href="\/people\/demo-avery-placeholder\?lang=en" hreflang="en" lang="en">English<\/a>/,
    );
  });

  it('send a first visit that prefers Spanish to /es, and remember a choice', async () => {
    const first = await get('/methodology', { 'accept-language': 'es-US,es;q=0.9,en;q=0.5' });
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/es/methodology');
    const choose = await get('/es/events?lang=en');
    expect(choose.statusCode).toBe(302);
    expect(choose.headers.location).toBe('/events');
    expect(String(choose.headers['set-cookie'])).toMatch(/^lang=en;.*HttpOnly/);
    const remembered = await get('/events', { cookie: 'lang=en', 'accept-language': 'es' });
    expect(remembered.statusCode).toBe(200);
    expect(remembered.headers.vary).toContain('Accept-Language');
    const rememberedEs = await get('/people/demo-avery-placeholder?w=kids:2', { cookie: 'lang=es' });
    expect(rememberedEs.headers.location).toBe('/es/people/demo-avery-placeholder?w=kids%3A2');
  });

  it('mark stored English text (elections, events, evidence, bios, offices) with lang="en"', async () => {
    const election = await get('/es/elections/demo-2026-district-attorney');
    expect(election.body).toMatch(/<h1><span lang="en">Demo election: District Attorney 2026 \(fictional\)<\/span>/);
    // What it urges depends on the day (tests/server/routes/pages/election-life-cycle.test.ts); its date is Spanish.
    expect(election.body).toContain('Día de la elección: 3 nov 2026');
    expect(election.body).toContain('A es la mejor calificación; F significa reprobado.');
    const person = await get('/es/people/demo-avery-placeholder');
    // The office restates the role, so only the role is shown, once (issue 15: no role shown twice).
    expect(person.body).toContain('<p class="eyebrow">Fiscal de distrito actual</p>');
    expect(person.body).not.toContain('District Attorney (fictional demo office)');
    expect(person.body).toMatch(/<p class="lede"><span lang="en">A fictional incumbent District Attorney/);
    expect(person.body).toMatch(
      /<h3 class="evidence__title"><a href="\/es\/evidence\/\d+"><span lang="en">Demo: office publishes charging outcomes by race<\/span><\/a><\/h3>/,
    );
    expect(person.body).toMatch(/<p class="evidence__summary"><span lang="en">Demo: /);
    // Spanish words around it stay unmarked: the rating's words are the page's language.
    expect(person.body).toMatch(/<span class="rating rating--pos"><span class="rating__value">\+1<\/span> A favor del estándar<\/span>/);
    const events = await get('/es/events');
    expect(events.body).toMatch(/<h3 class="event__title"><span lang="en">/);
    // English pages carry no lang marks of their own.
    expect((await get('/people/demo-avery-placeholder')).body).not.toContain('<span lang="en">');
  });

  it('gloss the hard terms where they first appear and explain the grades next to every grade key', async () => {
    const terms = 'Programas de desvío: el caso puede terminar sin condena. Consecuencias colaterales:';
    for (const path of ['/es/', '/es/people/demo-avery-placeholder', '/es/elections/demo-2026-district-attorney', '/es/standards/kids']) {
      const body = (await get(path)).body;
      expect(body, path).toContain(terms);
      // The note follows the first list of the standards' titles, where the terms first appear.
      expect(body.indexOf(terms), path).toBeGreaterThan(body.indexOf('programas de desvío</a>'));
    }
    const methodology = (await get('/es/methodology')).body;
    expect(methodology).toContain('A es la mejor calificación; F significa reprobado.');
    expect(methodology).toMatch(/promedio ponderado \(un promedio en el que/);
    expect(methodology).toMatch(/La cobertura es cuántos de los diez estándares tienen puntuación/);
    expect(methodology).toContain('+2 · Muy a favor del estándar');
    expect((await get('/es/people/demo-avery-placeholder')).body).toContain('A es la mejor calificación; F significa reprobado.');
    expect((await get('/es/standards/health')).body).toMatch(/curaduría \(cuando una corte nombra/);
  });

  it('mark English text that shows through a missing translation with lang="en"', async () => {
    await runSql(
      t,
      sql`update standard_translations set summary = null where lang = 'es' and standard_id = (select id from standards where slug = 'kids')`,
    );
    const res = await get('/es/standards/kids');
    expect(res.body).toMatch(/<p><span lang="en">Young people&#39;s brains are still developing/);
    expect(res.body).toContain(`<h1>${STANDARD_SEEDS_ES.kids.title}</h1>`);
  });
});
