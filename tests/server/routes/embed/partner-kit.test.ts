import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../../db/schema/index.js';
import { STRINGS } from '../../../../i18n/widget.js';
import { DEFAULT_COALITION_NAME } from '../../../../server/repositories/site.js';
import type { Scorecard } from '../../../../server/schemas/scorecard.js';
import { buildTestApp, createSignedInUser, type TestApp } from '../../../helper.js';

let t: TestApp;
beforeAll(async () => {
  // The overload guard is not under test here: off, so a busy machine cannot answer 503.
  t = await buildTestApp({ publicOrigin: `http://${HOST}` });
});
afterAll(() => t.close());

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';
const HOST = 'scores.example';
const get = (url: string) => t.app.inject({ url, headers: { host: HOST } });
/** The words of an SVG badge's text lines, joined as a reader would read them. */
const badgeWords = (svg: string) => [...svg.matchAll(/<text x="78"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
const oembed = (query: Record<string, string>) => get(`/oembed?${new URLSearchParams(query)}`);

describe('GET /oembed', () => {
  it('answers a person’s page with the card iframe, and an election’s with the comparison', async () => {
    const res = await oembed({ url: `http://${HOST}/people/${AVERY}`, format: 'json' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: 'DA scorecard: Avery Placeholder (demo)',
      provider_name: `DA Accountability Scorecard · ${DEFAULT_COALITION_NAME}`,
      provider_url: `http://${HOST}/`,
      width: 420,
    });
    expect(body.html).toBe(
      `<iframe src="http://${HOST}/embed/${AVERY}?variant=card" title="DA scorecard: Avery Placeholder (demo)" width="420" height="${body.height}" frameborder="0" loading="lazy"></iframe>`,
    );
    expect(body.height).toBeGreaterThan(300);

    const election = (await oembed({ url: `http://${HOST}/elections/${ELECTION}?w=kids:3` })).json();
    expect(election.html).toContain(`/embed/${ELECTION}?variant=compare"`);
  });

  it('answers a Spanish page with the Spanish widget', async () => {
    const body = (await oembed({ url: `http://${HOST}/es/people/${AVERY}` })).json();
    expect(body.html).toContain(`/embed/${AVERY}?variant=card&amp;lang=es"`);
    expect(body.provider_url).toBe(`http://${HOST}/es/`);
  });

  it('fits within maxwidth and maxheight, growing taller when narrower', async () => {
    const wide = (await oembed({ url: `http://${HOST}/people/${AVERY}`, maxwidth: '1000' })).json();
    const narrow = (await oembed({ url: `http://${HOST}/people/${AVERY}`, maxwidth: '260' })).json();
    expect(wide.width).toBe(420);
    expect(narrow.width).toBe(260);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(narrow.html).toContain('width="260"');
    const short = (await oembed({ url: `http://${HOST}/people/${AVERY}`, maxheight: '200' })).json();
    expect(short.height).toBe(200);
  });

  it('answers 404 for an address that is not an embeddable page of this site', async () => {
    for (const url of [
      `http://${HOST}/people/nobody`,
      `http://${HOST}/elections/nothing`,
      `http://${HOST}/evidence/999999`,
      `http://${HOST}/evidence/not-a-number`,
      `http://${HOST}/methodology`,
      `http://elsewhere.example/people/${AVERY}`,
      'not a url',
    ]) {
      const res = await oembed({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toBe('not-found');
    }
  });

  it('answers 501 for format=xml, and 400 for a bad maxwidth or a missing url', async () => {
    const xml = await oembed({ url: `http://${HOST}/people/${AVERY}`, format: 'xml' });
    expect(xml.statusCode).toBe(501);
    expect(xml.json()).toMatchObject({ error: 'not-implemented' });
    const bad = await oembed({ url: `http://${HOST}/people/${AVERY}`, maxwidth: 'wide' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('maxwidth');
    expect((await get('/oembed')).statusCode).toBe(400);
  });

  it('answers an evidence page with the badge of the grade the entry counts toward', async () => {
    const entry = (await get(`/api/subjects/${AVERY}/evidence`)).json()[0];
    const res = await oembed({ url: `http://${HOST}/es/evidence/${entry.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ version: '1.0', type: 'rich' });
    expect(answer.html).toContain(`/embed/${AVERY}?`);
    expect(answer.html).toContain('variant=badge');
    expect(answer.html).toContain(`standard=${entry.standard}`);
    expect(answer.html).toContain('lang=es');
  });

  it('is announced by person, election and evidence pages (not by others)', async () => {
    const expected = (path: string) =>
      `<link rel="alternate" type="application/json+oembed" href="http://${HOST}/oembed?url=${encodeURIComponent(`http://${HOST}${path}`)}&amp;format=json"`;
    const entry = (await get(`/api/subjects/${AVERY}/evidence`)).json()[0];
    for (const path of [`/people/${AVERY}`, `/elections/${ELECTION}`, `/es/people/${AVERY}`, `/evidence/${entry.id}`]) {
      expect((await get(path)).body, path).toContain(expected(path));
    }
    expect((await get('/methodology')).body).not.toContain('json+oembed');
  });
});

describe('GET /badge/:slug.json (shields.io endpoint)', () => {
  it('gives the overall grade, or one standard’s with ?standard=', async () => {
    const card = (await get(`/api/subjects/${AVERY}/scorecard`)).json() as Scorecard;
    const res = await get(`/badge/${AVERY}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      schemaVersion: 1,
      label: 'DA scorecard',
      message: `${card.overall.grade} · ${card.overall.score}/100`,
      color: expect.stringMatching(/^[0-9a-f]{6}$/),
    });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const kids = card.standards.find((s) => s.slug === 'kids')!;
    const one = (await get(`/badge/${AVERY}.json?standard=kids`)).json();
    expect(one.label).toBe(`DA scorecard: ${kids.title}`);
    expect(one.message).toBe(kids.grade ? `${kids.grade} · ${kids.score}/100` : 'Not enough evidence');
  });

  it('answers 404 for an unknown person or standard', async () => {
    expect((await get('/badge/nobody.json')).statusCode).toBe(404);
    expect((await get(`/badge/${AVERY}.json?standard=nothing`)).statusCode).toBe(404);
  });
});

describe('the SVG badge', () => {
  it('never cuts a line: long names wrap, and the Spanish badge keeps its demo notice', async () => {
    for (const url of [
      `/badge/${AVERY}.svg?lang=es`,
      `/badge/${AVERY}.svg?standard=immigrants&lang=es`,
      `/badge/${AVERY}.svg?standard=engagement`,
    ]) {
      const svg = (await get(url)).body;
      expect(svg, url).not.toContain('…');
      const lines = [...svg.matchAll(/<text x="78"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      // Every word of the long standard title is on the badge, in order.
      const words = lines.join(' ');
      if (url.includes('immigrants')) expect(words).toContain('consecuencias colaterales');
      // The demo notice is the last line, whole, whatever its length in the language.
      expect(lines.at(-1), url).toBe(url.includes('lang=es') ? STRINGS.es.demoData : STRINGS.en.demoData);
      const height = Number(/height="(\d+)"/.exec(svg)![1]);
      const lastY = Math.max(...[...svg.matchAll(/<text x="78" y="(\d+)"/g)].map((m) => Number(m[1])));
      expect(height, url).toBeGreaterThan(lastY);
      // No line longer than fits: about 0.6em per character at 11-15px in 272px.
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(44);
    }
  });

  it('names the coalition', async () => {
    expect(badgeWords((await get(`/badge/${AVERY}.svg`)).body)).toContain(`By ${DEFAULT_COALITION_NAME}`);
  });
});

describe('the coalition’s name (site identity)', () => {
  it('has a default, and admins rename it with an audit entry; others may not', async () => {
    expect((await get('/api/site')).json()).toEqual({ coalitionName: DEFAULT_COALITION_NAME, logo: null });
    const reviewer = await createSignedInUser(t, 'reviewer');
    const refused = await t.app.inject({ method: 'PATCH', url: '/api/site', headers: reviewer.headers, payload: { coalitionName: 'X' } });
    expect(refused.statusCode).toBe(403);
    const admin = await createSignedInUser(t, 'admin');
    const blank = await t.app.inject({ method: 'PATCH', url: '/api/site', headers: admin.headers, payload: { coalitionName: '  ' } });
    expect(blank.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/site',
      headers: admin.headers,
      payload: { coalitionName: 'Sacramento Justice Partners (demo)' },
    });
    expect(res.statusCode).toBe(200);
    expect((await get('/api/site')).json()).toEqual({ coalitionName: 'Sacramento Justice Partners (demo)', logo: null });
    expect(badgeWords((await get(`/badge/${AVERY}.svg`)).body)).toContain('By Sacramento Justice Partners (demo)');
    const audit = (await t.app.db.select().from(auditLog)).filter((a) => a.action === 'site.update');
    expect(audit).toHaveLength(1);
  });
});

describe('the partner kit', () => {
  it('is linked from every page’s footer, in the page’s language', async () => {
    expect((await get('/')).body).toContain('<a href="/embed">Put a scorecard on your site</a>');
    expect((await get('/es/methodology')).body).toContain('<a href="/es/embed">Ponga una boleta de calificaciones en su sitio web</a>');
  });

  it('is in Spanish at /es/embed, standards list included, with a Spanish widget by default', async () => {
    const page = (await get('/es/embed?variant=badge')).body;
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('<h1>Ponga una boleta de calificaciones en su sitio web</h1>');
    expect(page).toContain('3. Tratar a los niños como niños</option>');
    expect(page).toContain('<input type="radio" id="lang-es" name="lang" value="es" checked>');
    expect(page).toContain('action="/es/embed"');
    expect(page).not.toContain('Copy the');
  });

  it('gives the steps for Wix, Squarespace, WordPress and plain HTML, and the height each variant needs', async () => {
    const page = (await get('/embed')).body;
    for (const name of ['Wix', 'Squarespace', 'WordPress', 'Plain HTML', 'Embed HTML', 'Custom HTML']) expect(page).toContain(name);
    expect(page).toMatch(/<th scope="row">Card<\/th><td>\d+ px<\/td><td>\d+ px<\/td><td>\d+ px<\/td>/);
  });
});
