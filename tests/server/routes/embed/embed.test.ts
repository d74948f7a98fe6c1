import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '../../../../db/schema/index.js';
import type { Scorecard } from '../../../../server/schemas/scorecard.js';
import { inTransaction } from '../../../../db/unit-of-work.js';
import { buildTestApp, type TestApp } from '../../../helper.js';

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';
/** A name an attacker might submit: it must only ever appear escaped. */
const HOSTILE_NAME = `<script>alert("x")</script> & 'Co'`;
const HOSTILE_SLUG = 'hostile-name';

let t: TestApp;
let avery: Scorecard;
beforeAll(async () => {
  // Snippets name PUBLIC_ORIGIN, whatever Host a request carries.
  t = await buildTestApp({ publicOrigin: 'http://scores.example' });
  await inTransaction(t.app.db, async (tx) => {
    await tx.insert(subjects).values({ slug: HOSTILE_SLUG, name: HOSTILE_NAME, role: 'candidate', office: '<b>office</b>' });
  });
  avery = (await t.app.inject(`/api/subjects/${AVERY}/scorecard`)).json();
});
afterAll(async () => t?.close());

describe('GET /badge/:slug.svg', () => {
  it('draws the overall grade as an SVG image with a title for screen readers', async () => {
    const res = await t.app.inject(`/badge/${AVERY}.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(res.body).toContain(`>${avery.overall.grade}</text>`);
    const title = /<title id="title">([^<]+)<\/title>/.exec(res.body)?.[1];
    expect(title).toContain(`overall grade ${avery.overall.grade}, ${avery.overall.score} of 100`);
    expect(title).toContain('Demo data');
    expect(res.body).not.toMatch(/<script|on\w+=|href=/i);
  });

  it('draws one standard with ?standard=', async () => {
    const kids = avery.standards.find((s) => s.slug === 'kids')!;
    const res = await t.app.inject(`/badge/${AVERY}.svg?standard=kids`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`>${kids.grade}</text>`);
    expect(res.body).toContain(kids.title);
  });

  it('is cached like the API: ETag, 304, short Cache-Control, usable from any site', async () => {
    const res = await t.app.inject(`/badge/${AVERY}.svg`);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const again = await t.app.inject({ url: `/badge/${AVERY}.svg`, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('answers an unknown person or standard with a 404 image that says so', async () => {
    const person = await t.app.inject('/badge/nobody.svg');
    expect(person.statusCode).toBe(404);
    expect(person.headers['content-type']).toContain('image/svg+xml');
    expect(person.body).toContain('nobody');
    const standard = await t.app.inject(`/badge/${AVERY}.svg?standard=nothing`);
    expect(standard.statusCode).toBe(404);
  });

  it('refuses a malformed slug with a 400 naming the field', async () => {
    const res = await t.app.inject('/badge/Not_A_Slug.svg');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('params.slug');
  });

  it('escapes stored text', async () => {
    const res = await t.app.inject(`/badge/${HOSTILE_SLUG}.svg`);
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain('&lt;script&gt;');
  });
});

describe('GET /embed/:slug', () => {
  it('is the widget on a page any site may frame', async () => {
    const res = await t.app.inject(`/embed/${AVERY}?variant=chart`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.body).toContain(`<da-scorecard subject="${AVERY}" variant="chart"></da-scorecard>`);
    expect(res.body).toContain('<script type="module" src="/widget.js">');
    expect(res.body).toContain('<script type="module" src="/widget-frame.js">');
  });

  it('keeps every other page unframeable by other sites', async () => {
    const res = await t.app.inject('/embed');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('shows an election with variant=compare, and a standard with variant=badge', async () => {
    const compare = await t.app.inject(`/embed/${ELECTION}?variant=compare`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain(`<da-scorecard variant="compare" election="${ELECTION}"></da-scorecard>`);
    const badge = await t.app.inject(`/embed/${AVERY}?variant=badge&standard=kids`);
    expect(badge.body).toContain(`<da-scorecard subject="${AVERY}" variant="badge" standard="kids"></da-scorecard>`);
  });

  it('explains an unknown person, election or standard with a 404 page', async () => {
    const cases = {
      '/embed/nobody': 'No one called “nobody” on this scorecard.',
      '/embed/nobody?variant=compare': 'No election called “nobody” on this scorecard.',
      [`/embed/${AVERY}?variant=badge&standard=nothing`]: 'No standard called “nothing” on this scorecard.',
    };
    for (const [url, message] of Object.entries(cases)) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain(message);
    }
  });

  it('refuses an unknown variant with a 400 naming the field', async () => {
    const res = await t.app.inject(`/embed/${AVERY}?variant=huge`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('querystring.variant');
  });

  it('escapes stored text', async () => {
    const res = await t.app.inject(`/embed/${HOSTILE_SLUG}`);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
  });
});

describe('GET /embed (the snippet builder)', () => {
  it('offers the script, iframe and image snippets for the chosen person, with this site’s PUBLIC_ORIGIN, not the Host header', async () => {
    const res = await t.app.inject({ url: `/embed?variant=badge&subject=${AVERY}&standard=kids`, headers: { host: 'other.example' } });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('&lt;script type=&quot;module&quot; src=&quot;http://scores.example/widget.js&quot;&gt;&lt;/script&gt;');
    expect(body).toContain(`&lt;da-scorecard subject=&quot;${AVERY}&quot; variant=&quot;badge&quot; standard=&quot;kids&quot;&gt;`);
    expect(body).toContain(`http://scores.example/embed/${AVERY}?variant=badge&amp;amp;standard=kids`);
    expect(body).toContain(`http://scores.example/badge/${AVERY}.svg?standard=kids`);
    expect(body).toMatch(/<button type="button" class="button copy" data-copy="snippet-script"/);
    // The live preview is the widget itself, in a column of the chosen width.
    expect(body).toContain(
      `<div class="embed-kit__preview" data-width="360"><da-scorecard subject="${AVERY}" variant="badge" standard="kids"></da-scorecard></div>`,
    );
  });

  it('offers an election comparison without an image snippet', async () => {
    const res = await t.app.inject(`/embed?variant=compare&election=${ELECTION}`);
    expect(res.body).toContain(`election=&quot;${ELECTION}&quot;`);
    expect(res.body).not.toContain('id="snippet-image"');
  });

  it('escapes stored text in the choices and snippets', async () => {
    const res = await t.app.inject(`/embed?subject=${HOSTILE_SLUG}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
  });
});

describe('widget files', () => {
  it('serves /widget.js to any site, briefly cached', async () => {
    const res = await t.app.inject({ url: '/widget.js', headers: { origin: 'https://partner.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=300\b/);
  });

  it('leaves unknown files to the JSON 404', async () => {
    const res = await t.app.inject('/widget-nothing.js');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not-found');
  });
});

describe('GET /embed/:slug?lang=', () => {
  it('passes the partner’s language to the widget and refuses one it does not know', async () => {
    const es = await t.app.inject(`/embed/${AVERY}?lang=es`);
    expect(es.body).toContain(`<da-scorecard subject="${AVERY}" lang="es"></da-scorecard>`);
    const bad = await t.app.inject(`/embed/${AVERY}?lang=xx`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('querystring.lang');
  });
});

describe('GET /embed image snippets', () => {
  it('offers the image as Markdown too, linked to the full scorecard', async () => {
    const res = await t.app.inject({ url: `/embed?subject=${AVERY}`, headers: { host: 'other.example' } });
    const markdown = /<textarea id="snippet-markdown"[^>]*>([^<]*)<\/textarea>/.exec(res.body)?.[1];
    expect(markdown).toMatch(
      new RegExp(
        `^\\[!\\[Avery Placeholder \\(demo\\): overall grade .+\\]\\(http://scores\\.example/badge/${AVERY}\\.svg\\)\\]\\(http://scores\\.example/people/${AVERY}\\)$`,
      ),
    );
  });
});
