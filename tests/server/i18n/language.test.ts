import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../../server/i18n/language.js';
import { STANDARD_SEEDS_ES } from '../../../db/seed/standards.es.js';
import { buildTestApp, type TestApp } from '../../helper.js';

describe('choosing the language', () => {
  it.each([
    [undefined, undefined, 'en'],
    ['es', undefined, 'es'],
    ['en', 'es-MX,es;q=0.9', 'en'],
    [undefined, 'es-MX,es;q=0.9,en;q=0.8', 'es'],
    [undefined, 'fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4', 'es'],
    [undefined, 'en-US,es;q=0.9', 'en'],
    [undefined, 'es;q=0', 'en'],
    [undefined, 'de, ;;q=x, *', 'en'],
  ])('?lang=%s with Accept-Language %s answers in %s', (explicit, accept, expected) => {
    expect(negotiateLanguage(explicit, accept)).toBe(expected);
  });
});

describe('Spanish content through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('serves the standards in Spanish with ?lang=es and says which language each text is in', async () => {
    const res = await t.app.inject('/api/standards?lang=es');
    expect(res.headers['content-language']).toBe('es');
    const list = res.json();
    expect(list[2]).toMatchObject({ slug: 'kids', title: 'Tratar a los niños como niños', lang: 'es' });
    expect(list[2].textLanguages).toEqual({ title: 'es', summary: 'es', daPower: 'es', indicators: 'es' });
    expect(list.every((s: { title: string; slug: string }) => s.title === STANDARD_SEEDS_ES[s.slug].title)).toBe(true);
  });

  it('uses Accept-Language when there is no ?lang, and keeps cached answers apart by language', async () => {
    const english = (await t.app.inject('/api/standards/kids')).json();
    const spanish = await t.app.inject({ url: '/api/standards/kids', headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(english.title).toBe('Treat Kids Like Kids');
    expect(spanish.json().title).toBe('Tratar a los niños como niños');
    expect(spanish.headers.vary).toContain('Accept-Language');
    // Asked again in English after the Spanish answer was cached: still English.
    expect((await t.app.inject('/api/standards/kids')).json().title).toBe('Treat Kids Like Kids');
  });

  it('falls back to English field by field where a translation is missing', async () => {
    t.app.db.$client
      .prepare(
        "update standard_translations set summary = null where lang = 'es' and standard_id = (select id from standards where slug = 'bias')",
      )
      .run();
    const bias = (await t.app.inject('/api/standards/bias?lang=es')).json();
    expect(bias.textLanguages).toEqual({ title: 'es', summary: 'en', daPower: 'es', indicators: 'es' });
    expect(bias.summary).toMatch(/^Prosecutors work closely with police/);
    expect(bias.title).toMatch(/^Vigilar los prejuicios/);
  });

  it('gives Spanish standard titles in scorecards and elections, with the same scores', async () => {
    const en = (await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard')).json();
    const es = (await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard?lang=es')).json();
    expect(es.lang).toBe('es');
    expect(es.standards[0]).toMatchObject({ title: STANDARD_SEEDS_ES.equity.title, titleLang: 'es' });
    expect(es.standards.map((s: { score: number }) => s.score)).toEqual(en.standards.map((s: { score: number }) => s.score));
    expect(es.overall).toEqual(en.overall);
    const election = (await t.app.inject('/api/elections/demo-2026-district-attorney?lang=es')).json();
    expect(election.candidates[0].scorecard.standards[2].title).toBe('Tratar a los niños como niños');
  });

  it('serves the methodology text in Spanish with the same constants', async () => {
    const es = (await t.app.inject('/api/methodology?lang=es')).json();
    const en = (await t.app.inject('/api/methodology')).json();
    expect(es.steps[0]).toMatch(/^Solo cuenta la evidencia/);
    expect(es.textLanguages).toEqual({ steps: 'es', review: 'es' });
    expect(es.steps).toHaveLength(en.steps.length);
    expect(es.workedExample).toEqual(en.workedExample);
  });

  it('refuses an unsupported language with a 400 naming the field', async () => {
    const res = await t.app.inject('/api/standards?lang=fr');
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('querystring.lang');
  });
});
