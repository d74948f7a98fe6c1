import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidence, evidenceSources, standards, subjects } from '../../../../db/schema/index.js';
import { computeScorecard, weightiestEntry, type ScoredEvidence } from '../../../../core/scoring/method.js';
import { inTransaction, type Tx } from '../../../../db/unit-of-work.js';
import { buildTestApp, type TestApp } from '../../../helper.js';
import type { Scorecard } from '../../../../server/schemas/scorecard.js';

// The pages as a browser without JavaScript, a search engine or a link preview sees them.

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
/** Test rows written as the app writes (a unit of work), so the page cache sees them on either engine. */
const write = <T>(work: (tx: Tx) => PromiseLike<T>): Promise<T> => inTransaction(t.app.db, async (tx) => work(tx));
const api = async (url: string) => (await t.app.inject(url)).json();

function meta(body: string, property: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(body)?.[1];
}

/** The grade letter of the standard card of `slug` ("none" without evidence). */
function cardGrade(body: string, slug: string): string | undefined {
  return new RegExp(`class="standard-card" id="standard-${slug}" data-standard="${slug}">[\\s\\S]*?data-grade="(\\w+)"`).exec(body)?.[1];
}

describe('every page, without JavaScript', () => {
  const pages = ['/', `/people/${AVERY}`, `/elections/${ELECTION}`, '/standards/kids', '/methodology', '/events'];

  it.each(pages)('%s is complete HTML with its title, description, Open Graph tags and canonical URL', async (path) => {
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(res.body).toMatch(/<title>[^<]+<\/title>/);
    expect(meta(res.body, 'description')?.length).toBeGreaterThan(20);
    expect(meta(res.body, 'og:title')).toBeTruthy();
    expect(meta(res.body, 'og:url')).toMatch(new RegExp(`^http://localhost(:\\d+)?${path.replace(/[/?]/g, '\\$&')}$`));
    expect(res.body).toContain(`<link rel="canonical" href="${meta(res.body, 'og:url')}">`);
    // No inline scripts: only the module from /assets and non-executing JSON blocks.
    for (const tag of res.body.match(/<script[^>]*>/g) ?? []) {
      expect(tag).toMatch(/type="module" src="\/assets\/|type="application\/json"/);
    }
  });

  it('shows a person’s name, overall grade, coverage and all ten standards’ grades, as the API computes them', async () => {
    const card = await api(`/api/subjects/${AVERY}/scorecard`);
    const res = await get(`/people/${AVERY}`);
    expect(res.body).toContain(`<h1>${card.subject.name}`);
    expect(res.body).toContain(`Grade ${card.overall.grade}, ${card.overall.score} out of 100`);
    expect(res.body).toContain(`${card.overall.coverage} of 10 standards have evidence`);
    expect(card.standards).toHaveLength(10);
    for (const s of card.standards) {
      expect(cardGrade(res.body, s.slug)).toBe(s.grade ?? 'none');
      expect(res.body).toContain(s.title);
    }
    expect(res.body).toContain('Showing the coalition’s equal weights');
    expect(res.body).toContain('In office since Jan 2, 2023');
  });

  it('says why at a glance: the strongest and weakest standards, each with the entry that weighs most linking to its claim', async () => {
    const card: Scorecard = await api(`/api/subjects/${AVERY}/scorecard`);
    const entries: Array<{
      id: number;
      standard: string;
      title: string;
      rating: number;
      kind: string;
      status: string;
      occurredOn: string;
    }> = await api(`/api/subjects/${AVERY}/evidence`);
    const body = (await get(`/people/${AVERY}`)).body;
    const glance = body.slice(body.indexOf('class="glance"'), body.indexOf('id="radar-heading"'));
    const scored = card.standards.filter((s) => s.score !== null);
    const best = [...scored].sort((a, b) => b.score! - a.score!).slice(0, 2);
    const worst = [...scored]
      .sort((a, b) => a.score! - b.score!)
      .filter((s) => !best.includes(s))
      .slice(0, 2);
    const listed = (heading: string) =>
      [
        ...glance
          .slice(glance.indexOf(heading))
          .split('</ul>')[0]
          .matchAll(/class="glance__item" data-standard="([\w-]+)"/g),
      ].map((m) => m[1]);
    expect(listed('>Strongest<')).toEqual(best.map((s) => s.slug));
    expect(listed('>Weakest<')).toEqual(worst.map((s) => s.slug));
    for (const s of [...best, ...worst]) {
      const reason = weightiestEntry(entries.filter((e) => e.standard === s.slug) as ScoredEvidence[]) as (typeof entries)[number];
      const item = glance.slice(glance.indexOf(`data-standard="${s.slug}"`)).split('</li>')[0];
      expect(item).toContain(`data-grade="${s.grade}"`);
      expect(item).toContain(`href="?standard=${s.slug}#standard-${s.slug}"`);
      expect(item).toContain(`Weighs most: <a href="/evidence/${reason.id}">`);
      expect(item).toContain(`<time datetime="${reason.occurredOn}">`);
    }
    const spanish = (await get(`/es/people/${AVERY}`)).body;
    expect(spanish).toContain('Puntos más fuertes');
    expect(spanish).toMatch(/Lo que más pesa: <a href="\/es\/evidence\/\d+">/);
  });

  it('lists the evidence with rating in words, kind, date and sources, and retracted entries struck through with the reason', async () => {
    const res = await get('/people/demo-jordan-sample');
    const entries = await api('/api/subjects/demo-jordan-sample/evidence');
    expect(res.body.match(/<li class="evidence[ "]/g)).toHaveLength(entries.length);
    expect(res.body).toContain('Strongly advances the standard');
    expect(res.body).toContain('Statement or pledge');
    expect(res.body).toMatch(/<time datetime="2025-07-11">Jul 11, 2025<\/time>/);
    expect(res.body).toContain('href="https://example.org/demo/evidence/');
    expect(res.body).toContain('<s>Demo: case attributed to the wrong prosecutor</s>');
    expect(res.body).toContain('<strong>Retracted.</strong> No longer counted: The case was handled by another attorney.');
  });

  it('filters the evidence by ?standard= (the others stay in the page, hidden)', async () => {
    const all = await api(`/api/subjects/${AVERY}/evidence`);
    const kids = await api(`/api/subjects/${AVERY}/evidence?standard=kids`);
    const res = await get(`/people/${AVERY}?standard=kids`);
    const items = res.body.match(/<li class="evidence[^"]*" data-standard="[a-z]+"( hidden)?>/g)!;
    const visible = items.filter((i) => !i.includes(' hidden'));
    expect(items).toHaveLength(all.length);
    expect(visible.length).toBe(kids.length);
    expect(visible.every((i) => i.includes('data-standard="kids"'))).toBe(true);
    expect(res.body).toContain(`${kids.length} of ${all.length} entries shown`);
    expect(res.body).toMatch(/<option value="kids" selected>/);
  });

  it('renders a shared "Your priorities" link with the weighted grade and says which weighting is shown', async () => {
    const weights = { equity: 3, transparency: 0, bias: 0 };
    const entries = await api(`/api/subjects/${AVERY}/evidence`);
    const list = await api('/api/standards');
    const card = await api(`/api/subjects/${AVERY}/scorecard`);
    const expected = computeScorecard(list, entries, { asOf: card.asOf, weights }).overall;
    expect(expected.score).not.toBe(card.overall.score);
    const res = await get(`/people/${AVERY}?w=equity:3,transparency:0,bias:0,nonsense:9`);
    expect(res.body).toContain(`Grade ${expected.grade}, ${expected.score} out of 100`);
    expect(res.body).toContain('Showing your priorities: Equity ×3, Bias ×0, and Transparency ×0.');
  });

  it('opens a mangled shared link rather than failing', async () => {
    for (const query of ['?standard=kids&standard=bias', '?w=equity:9,,kids', '?standard=nope', '?w=equity:2&w=kids:0']) {
      expect((await get(`/people/${AVERY}${query}`)).statusCode).toBe(200);
    }
  });

  it('shows the election’s comparison table with every candidate’s grades as the API computes them', async () => {
    const election = await api(`/api/elections/${ELECTION}`);
    const res = await get(`/elections/${ELECTION}`);
    expect(res.body).toContain(`<h1>${election.name}`);
    const table = res.body.slice(res.body.indexOf('<table class="comparison">'), res.body.indexOf('</table>'));
    for (const c of election.candidates) expect(table).toContain(c.name);
    const rows = table.split('<tr>').slice(2, 12);
    expect(rows).toHaveLength(10);
    rows.forEach((row, i) => {
      const grades = [...row.matchAll(/data-grade="(\w+)"/g)].map((m) => m[1]);
      expect(grades).toEqual(election.candidates.map((c: { scorecard: Scorecard }) => c.scorecard.standards[i].grade ?? 'none'));
    });
    const overall = table.slice(table.indexOf('<tfoot>'));
    expect([...overall.matchAll(/data-grade="(\w+)"/g)].map((m) => m[1])).toEqual(
      election.candidates.map((c: { scorecard: Scorecard }) => c.scorecard.overall.grade ?? 'none'),
    );
  });

  it('explains a standard and shows everyone’s grade on it with their latest evidence', async () => {
    const standard = await api('/api/standards/kids');
    const res = await get('/standards/kids');
    expect(res.body).toContain(`<h1>${standard.title}</h1>`);
    expect(res.body).toContain(standard.summary.replaceAll("'", '&#39;'));
    for (const indicator of standard.indicators) expect(res.body).toContain(`<li>${indicator}</li>`);
    expect(res.body).toContain('Demo: remarks supporting youth diversion');
    expect(res.body).toContain('Riley Example (demo)');
  });

  it('explains the method with the constants and worked example from GET /api/methodology', async () => {
    const method = await api('/api/methodology');
    const res = await get('/methodology');
    expect(res.body).toContain(method.workedExample.calculation);
    expect(res.body).toContain(`a grade ${method.workedExample.grade}`);
    expect(res.body).toContain(`at least ${method.minCoverage} of the ten standards`);
    expect(res.body).toContain('href="/api/export/evidence.csv"');
  });

  it('lists upcoming and past events with their people', async () => {
    const res = await get('/events');
    const upcoming = res.body.slice(res.body.indexOf('id="upcoming-heading"'), res.body.indexOf('id="past-heading"'));
    expect(upcoming).toContain('Demo: candidate forum on public safety and healing');
    expect(upcoming).toContain('href="/people/demo-jordan-sample"');
    expect(res.body.slice(res.body.indexOf('id="past-heading"'))).toContain('Demo: town hall with the District Attorney');
  });

  it('shows the incumbent’s grade and the election on the home page, with the demo banner', async () => {
    const card = await api(`/api/subjects/${AVERY}/scorecard`);
    const res = await get('/');
    expect(res.body).toContain('class="demo-banner"');
    expect(res.body).toContain(card.subject.name);
    expect(res.body).toContain(`Grade ${card.overall.grade}, ${card.overall.score} out of 100`);
    expect(res.body).toContain(`href="/elections/${ELECTION}"`);
    // The per-standard grades lead to this person's grade on that standard, not the general standard page.
    for (const s of card.standards) expect(res.body).toContain(`href="/people/${AVERY}?standard=${s.slug}#standard-${s.slug}"`);
  });
});

describe('not found', () => {
  it.each(['/no-such-page', '/people/nobody-here', '/people/Not_A_Slug', '/elections/nope', '/standards/nope'])(
    '%s is an HTML 404 page',
    async (path) => {
      const res = await get(path);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<h1>Page not found</h1>');
    },
  );

  it('keeps the API’s 404s JSON', async () => {
    const res = await get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not-found');
  });
});

describe('stored text', () => {
  it('renders as text, never as markup, and only web links are clickable', async () => {
    const db = t.app.db;
    const [subject] = await write((db) =>
      db
        .insert(subjects)
        .values({
          slug: 'test-escape',
          name: '<script>alert(1)</script> "Q"',
          role: 'candidate',
          office: '<b>bold</b>',
          website: 'javascript:alert(1)',
          photoUrl: 'javascript:alert(4)',
        })
        .returning(),
    );
    const [standard] = await db.select().from(standards);
    const [entry] = await write((db) =>
      db
        .insert(evidence)
        .values({
          subjectId: subject.id,
          standardId: standard.id,
          rating: 1,
          kind: 'action',
          title: '<img src=x onerror=alert(1)>',
          summary: '</script><script>alert(2)</script>',
          occurredOn: '2025-01-01',
          status: 'published',
        })
        .returning(),
    );
    await write((db) => db.insert(evidenceSources).values({ evidenceId: entry.id, url: 'javascript:alert(3)', title: 'x' }));

    const res = await get('/people/test-escape');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot;');
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('javascript:');
    // The JSON block cannot be closed by stored text either.
    expect(res.body.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('a standard card', () => {
  it('serves a long record in part: the 30 most recent entries, and all of a standard once it is chosen', async () => {
    const db = t.app.db;
    const [subject] = await write((db) =>
      db.insert(subjects).values({ slug: 'test-long', name: 'Long Record', role: 'candidate', office: 'DA' }).returning(),
    );
    const all = await db.select().from(standards);
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    // 120 entries over the ten standards; entry i happened on day i, so the newest is the highest i.
    const rows: (typeof evidence.$inferInsert)[] = [];
    for (let i = 0; i < 120; i++) {
      rows.push({
        subjectId: subject.id,
        standardId: all[i % 10].id,
        rating: 1,
        kind: 'action',
        title: `Long entry ${i}`,
        summary: 's',
        occurredOn: day(i),
        status: 'published' as const,
      });
    }
    await write((db) => db.insert(evidence).values(rows));
    const listOf = (body: string) => body.slice(body.indexOf('<ol class="evidence-list"')).split('</ol>')[0];
    const plain = (await get('/people/test-long')).body;
    const list = listOf(plain);
    expect(list).toContain('data-partial');
    expect(list.match(/<li class="evidence/g)).toHaveLength(30);
    expect(list).toContain('Long entry 119<');
    expect(list).not.toContain('Long entry 89<');
    expect(plain).toContain('The 30 most recent of 120 entries; choose a standard to see all of its entries');
    const kids = all.find((s) => s.slug === 'kids')!;
    const chosen = listOf((await get('/people/test-long?standard=kids')).body);
    expect(chosen.match(/<li class="evidence/g)).toHaveLength(12);
    expect(chosen).not.toMatch(/ hidden/);
    expect(chosen.match(/data-standard="([a-z-]+)"/g)!.every((m) => m === `data-standard="${kids.slug}"`)).toBe(true);
    await write(async (db) => {
      await db.delete(evidence).where(eq(evidence.subjectId, subject.id));
      await db.delete(subjects).where(eq(subjects.id, subject.id));
    });
  });

  it('keeps a long record light: a thousand entries add no scoring data to the page, and it stays within its size budget', async () => {
    const db = t.app.db;
    const [subject] = await write((db) =>
      db.insert(subjects).values({ slug: 'test-heavy', name: 'Heavy Record', role: 'candidate', office: 'DA' }).returning(),
    );
    const all = await db.select().from(standards);
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const kinds = ['action', 'data', 'statement'] as const;
    const rows: (typeof evidence.$inferInsert)[] = [];
    for (let i = 0; i < 1000; i++) {
      rows.push({
        subjectId: subject.id,
        standardId: all[(i * 7) % 10].id,
        rating: (i % 5) - 2,
        kind: kinds[i % 3],
        title: `Heavy entry ${i}: a claim about standard ${(i * 7) % 10}`,
        summary: `What happened on day ${i}, as the source reports it.`,
        occurredOn: day(i),
        status: 'published' as const,
      });
    }
    await write((db) => db.insert(evidence).values(rows));
    const page = await t.app.inject({ method: 'GET', url: '/people/test-heavy', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    const body = brotliDecompressSync(page.rawPayload).toString();
    const block = body.match(/<script type="application\/json" id="page-data">([^<]*)<\/script>/)![1];
    // The browser regrades from each standard's unrounded score, not from the thousand entries.
    expect(block.length).toBeLessThan(3_000);
    const data = JSON.parse(block) as { subjects: Array<{ scores: Array<{ slug: string; score: number | null }> }> };
    expect(data.subjects[0].scores.map((s) => s.slug)).toEqual(all.sort((a, b) => a.number - b.number).map((s) => s.slug));
    // What a shared link's crowd downloads (bench/RESULTS.md measures its cost): under 8 KB compressed.
    expect(page.rawPayload.length).toBeLessThan(8_000);
    await write(async (db) => {
      await db.delete(evidence).where(eq(evidence.subjectId, subject.id));
      await db.delete(subjects).where(eq(subjects.id, subject.id));
    });
  });

  it('says why (the entry that weighs most) and the count, lists the three most recent, "Show all N", and retracted ones behind a toggle', async () => {
    const db = t.app.db;
    const [subject] = await write((db) =>
      db.insert(subjects).values({ slug: 'test-cards', name: 'Card Test', role: 'candidate', office: 'DA' }).returning(),
    );
    const standard = (await db.select().from(standards)).find((s) => s.slug === 'kids')!;
    const add = async (
      title: string,
      rating: number,
      kind: 'action' | 'statement',
      occurredOn: string,
      status: 'published' | 'retracted' = 'published',
    ) => {
      const [row] = await write((db) =>
        db
          .insert(evidence)
          .values({
            subjectId: subject.id,
            standardId: standard.id,
            rating,
            kind,
            title,
            summary: 's',
            occurredOn,
            status,
            retractionReason: status === 'retracted' ? 'Wrong case.' : null,
          })
          .returning(),
      );
      return row.id;
    };
    const oldest = await add('Oldest strong action', 2, 'action', '2023-01-01');
    const weighty = await add('Weighty recent action', -2, 'action', '2024-06-01');
    const r1 = await add('Recent statement one', 2, 'statement', '2025-01-01');
    const r2 = await add('Recent statement two', 1, 'action', '2025-02-01');
    const r3 = await add('Recent statement three', 0, 'action', '2025-03-01');
    const gone = await add('Retracted claim', 2, 'action', '2025-04-01', 'retracted');
    const body = (await get('/people/test-cards')).body;
    const card = body.slice(body.indexOf('id="standard-kids"')).split('</li>\n    </ol>')[0].split('class="standard-card" id=')[0];
    // Two actions at ±2 tie on weight; the more recent wins.
    expect(card).toContain(`Weighs most: <a href="/evidence/${weighty}">Weighty recent action</a>, <time datetime="2024-06-01">`);
    expect(card).toContain('5 entries');
    const shown = card.split('<details')[0].split('standard-card__recent')[1];
    for (const id of [r3, r2, r1]) expect(shown).toContain(`<a href="/evidence/${id}">`);
    expect(shown).not.toContain(`/evidence/${oldest}"`);
    expect(shown).not.toContain(`/evidence/${gone}"`);
    // "Show all" opens the evidence list filtered to the standard, where the older ones are.
    expect(card).toContain('<p class="standard-card__more"><a href="?standard=kids#evidence">Show all 5</a></p>');
    expect(card).not.toContain(`/evidence/${oldest}"`);
    const filtered = (await get('/people/test-cards?standard=kids')).body;
    expect(filtered.slice(filtered.indexOf('id="evidence-list"'))).toContain(`/evidence/${oldest}"`);
    expect(card).toMatch(
      new RegExp(`<details class="standard-card__retracted"><summary>Retracted \\(1\\)</summary>[\\s\\S]*/evidence/${gone}"`),
    );
    // A standard with three or fewer entries has nothing to unfold.
    const few = (await get(`/people/${AVERY}`)).body;
    const health = few.slice(few.indexOf('id="standard-health"')).split('class="standard-card" id=')[0];
    expect(health).not.toContain('standard-card__more');
    // The retraction is said once, not "Retracted. Retracted, …".
    expect(few + body).not.toMatch(/Retracted\.<\/strong> Retracted/);
    expect((await get('/es/people/test-cards')).body).toContain('<summary>Registros retirados (1)</summary>');
    await write(async (db) => {
      await db.delete(evidence).where(eq(evidence.subjectId, subject.id));
      await db.delete(subjects).where(eq(subjects.id, subject.id));
    });
  });
});

describe('the built web app', () => {
  it('is served from /assets with a long, immutable cache', async () => {
    const res = await get('/');
    const script = /<script type="module" src="(\/assets\/[^"]+\.js)"/.exec(res.body)?.[1];
    const style = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(res.body)?.[1];
    expect(script && style).toBeTruthy();
    for (const url of [script!, style!]) {
      const asset = await t.app.inject(url);
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await t.app.inject('/assets/missing.js')).statusCode).toBe(404);
  });

  it('sends compressed scripts and pages that decompress to exactly what is served plain', async () => {
    const page = await get('/');
    const script = /<script type="module" src="(\/assets\/[^"]+\.js)"/.exec(page.body)![1];
    const plain = await t.app.inject(script);
    const br = await t.app.inject({ url: script, headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await t.app.inject({ url: script, headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);

    const html = await t.app.inject({ url: `/people/${AVERY}`, headers: { 'accept-encoding': 'gzip' } });
    expect(html.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(html.rawPayload).toString()).toContain('<h1>Avery Placeholder (demo)');
    // The JSON API is not compressed by the pages' plugin.
    const json = await t.app.inject({ url: `/api/subjects/${AVERY}/evidence`, headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers['content-encoding']).toBeUndefined();
  });
});

describe('an empty database', () => {
  it('shows empty states and no demo banner', async () => {
    const empty = await buildTestApp({ seedDemo: false });
    try {
      const home = await empty.app.inject('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).not.toContain('class="demo-banner"');
      expect(home.body).toContain('Nobody has been added to the scorecard yet.');
      expect(home.body).toContain('No upcoming events are listed yet.');
      expect((await empty.app.inject('/events')).body).toContain('No past events.');
      expect((await empty.app.inject('/standards/equity')).statusCode).toBe(200);
    } finally {
      await empty.close();
    }
  });
});
