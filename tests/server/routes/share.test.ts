import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp } from '../../helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer) {
  expect(body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

describe('share images', () => {
  it('draws a 1200×630 PNG for a person, an election and a standard, in each language', async () => {
    const bodies = new Set<string>();
    for (const url of [
      '/share/people/demo-avery-placeholder.png',
      '/share/people/demo-avery-placeholder.png?lang=es',
      '/share/elections/demo-2026-district-attorney.png',
      '/share/standards/kids.png?lang=es',
    ]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toMatch(/public/);
      expect(pngSize(res.rawPayload)).toEqual({ width: 1200, height: 630 });
      bodies.add(res.rawPayload.toString('base64'));
    }
    // English and Spanish images of the same person differ (their words do).
    expect(bodies.size).toBe(4);
  });

  it('draws a weighted link its own image, and answers a conditional request with 304', async () => {
    const plain = await t.app.inject('/share/people/demo-avery-placeholder.png');
    const weighted = await t.app.inject('/share/people/demo-avery-placeholder.png?w=equity:3,kids:0');
    expect(weighted.statusCode).toBe(200);
    expect(weighted.headers.etag).not.toBe(plain.headers.etag);
    const again = await t.app.inject({
      url: '/share/people/demo-avery-placeholder.png',
      headers: { 'if-none-match': String(plain.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('draws a new image after a publish changes the grade', async () => {
    const url = '/share/people/demo-jordan-sample.png';
    const before = await t.app.inject(url);
    const volunteer = await createSignedInUser(t, 'volunteer');
    const reviewer = await createSignedInUser(t, 'reviewer');
    // Several strongly negative entries on one standard move the overall score.
    for (let i = 0; i < 3; i++) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/evidence',
        headers: volunteer.headers,
        payload: evidenceBody({
          rating: -2,
          standard: 'equity',
          title: `Demo: share test ${i}`,
          sources: [{ url: `https://example.org/share/${i}`, title: 'Demo source' }],
        }),
      });
      expect(created.statusCode, created.body).toBe(201);
      const entry = created.json();
      const review = await t.app.inject({
        method: 'POST',
        url: `/api/evidence/${entry.id}/review`,
        headers: reviewer.headers,
        payload: { decision: 'publish', revision: entry.revision },
      });
      expect(review.statusCode, review.body).toBe(200);
    }
    const after = await t.app.inject(url);
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers an unknown name with a JSON 404, and a malformed one with a 400', async () => {
    expect((await t.app.inject('/share/evidence/999999.png')).statusCode).toBe(404);
    const missing = await t.app.inject('/share/people/nobody-here.png');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not-found' });
    const bad = await t.app.inject('/share/people/%00bad.png');
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
  });
});

describe('pages point their link previews at the share images', () => {
  const meta = (body: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(body)?.[1];

  it('gives person, election and standard pages a large-image card whose PNG loads, in the page language and weighting', async () => {
    const entry = (await t.app.inject('/api/subjects/demo-avery-placeholder/evidence')).json()[0];
    for (const path of [
      '/people/demo-avery-placeholder',
      '/es/people/demo-avery-placeholder',
      '/elections/demo-2026-district-attorney',
      '/standards/kids',
      `/es/evidence/${entry.id}`,
    ]) {
      const page = await t.app.inject(path);
      expect(page.statusCode, path).toBe(200);
      expect(meta(page.body, 'twitter:card'), path).toBe('summary_large_image');
      expect(meta(page.body, 'og:image:width')).toBe('1200');
      const image = new URL(meta(page.body, 'og:image')!.replaceAll('&amp;', '&'));
      expect(image.searchParams.get('lang')).toBe(path.startsWith('/es/') ? 'es' : 'en');
      const png = await t.app.inject(image.pathname + image.search);
      expect(png.statusCode, image.href).toBe(200);
      expect(pngSize(png.rawPayload)).toEqual({ width: 1200, height: 630 });
    }
  });

  it('puts the grade in the preview title, and a weighted link’s own grade and image', async () => {
    const scorecard = (await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard')).json();
    const page = await t.app.inject('/people/demo-avery-placeholder');
    expect(meta(page.body, 'og:title')).toBe(
      `Avery Placeholder (demo): ${scorecard.overall.grade} (${scorecard.overall.score}/100) on the DA scorecard`,
    );
    const weighted = await t.app.inject('/people/demo-avery-placeholder?w=equity:3,kids:0&fbclid=x');
    expect(meta(weighted.body, 'og:image')).toContain('w=equity%3A3%2Ckids%3A0');
    expect(meta(weighted.body, 'og:title')).toMatch(/^Avery Placeholder \(demo\): [A-F] \(\d+\/100\) on the DA scorecard$/);
  });
});
