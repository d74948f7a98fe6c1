import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { evidence, evidenceSources } from '../../../../db/schema/index.js';
import { inTransaction } from '../../../../db/unit-of-work.js';
import { STANDARD_SEEDS } from '../../../../db/seed/standards.js';
import { buildTestApp, type TestApp } from '../../../helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('standards', () => {
  it('lists the ten standards in order with voter text', async () => {
    const res = await get('/api/standards');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.map((s: { slug: string }) => s.slug)).toEqual(STANDARD_SEEDS.map((s) => s.slug));
    expect(body[0]).toMatchObject({ number: 1, title: 'Equity Impacts / Identity Justice' });
    expect(body[0].summary.length).toBeGreaterThan(50);
    expect(body[0].daPower.length).toBeGreaterThan(50);
    expect(body[0]).not.toHaveProperty('id');
  });

  it('serves one standard and 404s an unknown one', async () => {
    expect((await get('/api/standards/kids')).json()).toMatchObject({ number: 3, slug: 'kids' });
    const missing = await get('/api/standards/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not-found', message: 'No standard with slug "nope"' });
  });
});

describe('subjects and scorecards', () => {
  it('lists the demo people, incumbent first, all marked demo', async () => {
    const body = (await get('/api/subjects')).json();
    expect(body).toHaveLength(3);
    expect(body[0].role).toBe('incumbent');
    expect(body.every((s: { demo: boolean }) => s.demo)).toBe(true);
  });

  it('serves the scorecard in the documented shape with all ten standards in order', async () => {
    const res = await get('/api/subjects/demo-avery-placeholder/scorecard');
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(Object.keys(card).sort()).toEqual(
      ['asOf', 'evidenceCount', 'lang', 'methodologyVersion', 'overall', 'standards', 'subject', 'updatedAt'].sort(),
    );
    expect(Object.keys(card.subject).sort()).toEqual(['demo', 'name', 'office', 'role', 'slug', 'textLanguages']);
    expect(card.methodologyVersion).toBe(1);
    expect(card.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(card.standards.map((s: { slug: string; number: number }) => [s.number, s.slug])).toEqual(
      STANDARD_SEEDS.map((s) => [s.number, s.slug]),
    );
    for (const s of card.standards) {
      expect(Object.keys(s).sort()).toEqual(['evidenceCount', 'grade', 'number', 'score', 'slug', 'title', 'titleLang']);
    }
    expect(card.overall.coverage).toBeGreaterThanOrEqual(5);
    expect(Number.isInteger(card.overall.score)).toBe(true);
  });

  it('computes every score from the public evidence exactly as the published method says', async () => {
    const method = (await get('/api/methodology')).json();
    for (const slug of ['demo-avery-placeholder', 'demo-jordan-sample', 'demo-riley-example']) {
      const card = (await get(`/api/subjects/${slug}/scorecard`)).json();
      const list = (await get(`/api/subjects/${slug}/evidence`)).json() as Array<{
        standard: string;
        rating: number;
        kind: 'action' | 'data' | 'statement';
        status: string;
      }>;
      // An independent calculation from the served constants, not the server's module.
      const raw: Record<string, number | null> = {};
      for (const s of card.standards) {
        const counted = list.filter((e) => e.standard === s.slug && e.status === method.countedStatus);
        const w = counted.reduce((a, e) => a + method.kindWeights[e.kind], 0);
        const p = counted.reduce((a, e) => a + method.kindWeights[e.kind] * (method.points.base + method.points.perRating * e.rating), 0);
        raw[s.slug] = w ? p / w : null;
        const rounded = raw[s.slug] === null ? null : Math.floor(raw[s.slug]! + 0.5 + 1e-9);
        expect(s.score, `${slug} ${s.slug}`).toBe(rounded);
        expect(s.evidenceCount).toBe(counted.length);
        const grade = rounded === null ? null : method.grades.find((g: { min: number }) => rounded >= g.min).grade;
        expect(s.grade).toBe(grade);
      }
      const scored = Object.values(raw).filter((v): v is number => v !== null);
      expect(card.overall.coverage).toBe(scored.length);
      if (scored.length >= method.minCoverage) {
        expect(card.overall.score).toBe(Math.floor(scored.reduce((a, b) => a + b, 0) / scored.length + 0.5 + 1e-9));
        expect(card.overall.reason).toBeNull();
      } else {
        expect(card.overall).toMatchObject({ score: null, grade: null, reason: 'insufficient-coverage' });
      }
    }
  });

  it('gives one demo person coverage below 5', async () => {
    const card = (await get('/api/subjects/demo-riley-example/scorecard')).json();
    expect(card.overall).toEqual({ score: null, grade: null, coverage: 3, reason: 'insufficient-coverage' });
  });

  it('computes history with asOf', async () => {
    const early = (await get('/api/subjects/demo-avery-placeholder/scorecard?asOf=2024-01-31')).json();
    expect(early.asOf).toBe('2024-01-31');
    expect(early.evidenceCount).toBe(1); // only the 2024-01-22 kids entry had happened
    expect(early.standards.find((s: { slug: string }) => s.slug === 'kids')).toMatchObject({ score: 0, grade: 'F' });
    const before = (await get('/api/subjects/demo-avery-placeholder/scorecard?asOf=2000-01-01')).json();
    expect(before.evidenceCount).toBe(0);
    expect(before.updatedAt).toBeNull();
  });

  it.each(['2024-13-01', '2024-02-30', 'yesterday', '2024-1-1', ''])('rejects asOf=%s with a 400 naming the field', async (asOf) => {
    const res = await get(`/api/subjects/demo-avery-placeholder/scorecard?asOf=${encodeURIComponent(asOf)}`);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('validation');
    expect(body.message).toContain('asOf');
    expect(body.details[0].field).toBe('querystring.asOf');
  });

  it('404s an unknown or malformed subject with the error shape', async () => {
    for (const url of ['/api/subjects/nobody', '/api/subjects/nobody/scorecard', '/api/subjects/nobody/evidence']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('not-found');
    }
    const bad = await get('/api/subjects/Not%20A%20Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('params.slug');
  });
});

describe('evidence', () => {
  it('lists published and retracted entries newest first with sources and never pending or rejected ones', async () => {
    const list = (await get('/api/subjects/demo-avery-placeholder/evidence')).json();
    const statuses = new Set(list.map((e: { status: string }) => e.status));
    expect([...statuses].sort()).toEqual(['published', 'retracted']);
    const dates = list.map((e: { occurredOn: string }) => e.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(list.every((e: { sources: unknown[] }) => e.sources.length >= 1)).toBe(true);
    const retracted = list.find((e: { status: string }) => e.status === 'retracted');
    expect(retracted.retractionReason).toMatch(/withdrew/);
    expect(JSON.stringify(list)).not.toMatch(/submittedBy|reviewedBy|reviewNote|email/);
  });

  it('filters by standard, and 404s an unknown standard', async () => {
    const list = (await get('/api/subjects/demo-avery-placeholder/evidence?standard=transparency')).json();
    expect(list.length).toBe(3);
    expect(list.every((e: { standard: string }) => e.standard === 'transparency')).toBe(true);
    expect((await get('/api/subjects/demo-avery-placeholder/evidence?standard=nope')).statusCode).toBe(404);
  });
});

describe('elections, events, methodology', () => {
  it('lists elections with candidates and serves one with each candidate’s scorecard', async () => {
    const list = (await get('/api/elections')).json();
    expect(list).toHaveLength(1);
    expect(list[0].candidates).toHaveLength(3);
    const detail = (await get(`/api/elections/${list[0].slug}`)).json();
    expect(detail.candidates.map((c: { slug: string }) => c.slug)).toEqual(list[0].candidates.map((c: { slug: string }) => c.slug));
    for (const c of detail.candidates) {
      const own = (await get(`/api/subjects/${c.slug}/scorecard`)).json();
      expect(c.scorecard).toEqual(own);
    }
    expect((await get('/api/elections/nope')).statusCode).toBe(404);
  });

  it('lists events with linked people, and splits upcoming from past', async () => {
    const all = (await get('/api/events')).json();
    expect(all).toHaveLength(2);
    expect(all[0].subjects.length).toBeGreaterThan(0);
    const now = new Date().toISOString();
    const upcoming = (await get('/api/events?when=upcoming')).json();
    expect(upcoming.every((e: { startsAt: string }) => e.startsAt >= now)).toBe(true);
    expect((await get('/api/events?when=later')).statusCode).toBe(400);
  });

  it('serves the method’s constants and the worked example', async () => {
    const m = (await get('/api/methodology')).json();
    expect(m).toMatchObject({ version: 1, minCoverage: 5, kindWeights: { action: 1, data: 1, statement: 0.5 } });
    expect(m.points.byRating.map((p: { points: number }) => p.points)).toEqual([0, 25, 50, 75, 100]);
    expect(m.workedExample).toMatchObject({ score: 75, grade: 'B' });
    expect(m.grades[0]).toEqual({ grade: 'A', min: 80 });
  });
});

describe('exports', () => {
  it('exports all public evidence as JSON and as CSV with one row per entry', async () => {
    const json = (await get('/api/export/evidence.json')).json();
    const csvRes = await get('/api/export/evidence.csv');
    expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
    // A second fetch is served from the response cache with the same headers and body.
    const again = await get('/api/export/evidence.csv');
    expect(again.headers['content-type']).toBe(csvRes.headers['content-type']);
    expect(again.headers['content-disposition']).toBe('attachment; filename="evidence.csv"');
    expect(again.headers.etag).toBe(csvRes.headers.etag);
    expect(again.body).toBe(csvRes.body);
    const rows = parse(csvRes.body, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(json.length);
    expect(json.length).toBeGreaterThanOrEqual(40);
    const first = rows[0];
    expect(first.id).toBe(String(json[0].id));
    expect(first.source_urls).toBe(json[0].sources.map((s: { url: string }) => s.url).join(' '));
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    // Written straight to the database, as on either engine: one unit of work.
    const row = await inTransaction(t.app.db, async (tx) => {
      const [entry] = await tx
        .insert(evidence)
        .values({
          subjectId: 1,
          standardId: 1,
          rating: 1,
          kind: 'action',
          title: '=HYPERLINK("http://evil")',
          summary: 's',
          occurredOn: '2020-01-01',
          status: 'published',
        })
        .returning();
      await tx.insert(evidenceSources).values({ evidenceId: entry!.id, url: 'https://example.org/x', title: 'x' });
      return entry!;
    });
    const rows = parse((await get('/api/export/evidence.csv')).body, { columns: true }) as Array<Record<string, string>>;
    const cell = rows.find((r) => r.id === String(row.id))!.title;
    expect(cell.startsWith('=')).toBe(false);
    expect(cell).toContain('HYPERLINK');
  });
});

describe('HTTP behaviour', () => {
  it('answers If-None-Match with 304 and sets a short public Cache-Control with stale-while-revalidate', async () => {
    const first = await get('/api/subjects/demo-jordan-sample/scorecard');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toMatch(/max-age=\d+.*stale-while-revalidate=\d+/);
    const second = await get('/api/subjects/demo-jordan-sample/scorecard', { 'if-none-match': String(first.headers.etag) });
    expect(second.statusCode).toBe(304);
  });

  it('is open to other origins for GET only', async () => {
    const res = await get('/api/standards', { origin: 'https://partner.example' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/evidence',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    });
    const allowed = String(preflight.headers['access-control-allow-methods'] ?? '');
    expect(allowed).not.toMatch(/POST|PATCH|PUT|DELETE/);
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('never serves a stale scorecard after a write commits', async () => {
    const url = '/api/subjects/demo-riley-example/scorecard';
    const before = (await get(url)).json();
    const [row] = await inTransaction(t.app.db, (tx) =>
      tx
        .insert(evidence)
        .values({
          subjectId: 3,
          standardId: 1,
          rating: 2,
          kind: 'action',
          title: 'new',
          summary: 's',
          occurredOn: '2020-02-02',
          status: 'published',
        })
        .returning(),
    );
    const after = (await get(url)).json();
    expect(after.evidenceCount).toBe(before.evidenceCount + 1);
    expect(after.standards[0]).toMatchObject({ slug: 'equity', score: 100, evidenceCount: 1 });
    await inTransaction(t.app.db, (tx) => tx.delete(evidence).where(eq(evidence.id, row!.id)));
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not-found' });
  });

  it('serves OpenAPI 3 generated from the routes, Swagger UI and a health check', async () => {
    const spec = (await get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/standards/', '/api/subjects/{slug}/scorecard', '/api/elections/{slug}', '/api/export/evidence.csv']) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.paths['/api/subjects/{slug}/scorecard'].get.parameters.map((p: { name: string }) => p.name)).toContain('asOf');
    const docs = await get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    expect((await get('/healthz')).json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('SEED_DEMO=0', () => {
  it('starts with the ten standards and nobody scored', async () => {
    const empty = await buildTestApp({ seedDemo: false });
    try {
      expect((await empty.app.inject('/api/standards')).json()).toHaveLength(10);
      expect((await empty.app.inject('/api/subjects')).json()).toEqual([]);
      expect((await empty.app.inject('/api/export/evidence.csv')).body.trim().split('\n')).toHaveLength(1);
    } finally {
      await empty.close();
    }
  });
});
