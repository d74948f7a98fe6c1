import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../../../helper.js';

/**
 * Spanish content (issue 15): people, elections, events and evidence carry optional Spanish
 * text; with `lang=es` the API serves it where written and English elsewhere, saying which in
 * `textLanguages`; the workspace sees both languages in `translations`.
 */

const PERSON = 'demo-jordan-sample';
const ELECTION = 'demo-2026-district-attorney';

let t: TestApp;
let volunteer: TestUser;
let reviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
  reviewer = await createSignedInUser(t, 'reviewer');
  admin = await createSignedInUser(t, 'admin');
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ url });

/** Submits an entry as the volunteer and publishes it as the reviewer; returns its id. */
async function publish(body: Record<string, unknown>): Promise<number> {
  const created = await t.app.inject({ method: 'POST', url: '/api/evidence', headers: volunteer.headers, payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const { id, revision } = created.json();
  const reviewed = await t.app.inject({
    method: 'POST',
    url: `/api/evidence/${id}/review`,
    headers: reviewer.headers,
    payload: { decision: 'publish', revision },
  });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  return id;
}

describe('evidence in Spanish', () => {
  let spanishId: number;
  let englishId: number;

  beforeAll(async () => {
    spanishId = await publish(
      evidenceBody({
        title: 'Demo: diversion pledge kept',
        occurredOn: '2025-04-02',
        sources: [{ url: 'https://example.org/es-content/one', title: 'One' }],
        translations: { es: { title: 'Demo: promesa de desvío cumplida', summary: 'Registro ficticio escrito por una prueba.' } },
      }),
    );
    englishId = await publish(
      evidenceBody({
        title: 'Demo: English only',
        occurredOn: '2025-04-01',
        sources: [{ url: 'https://example.org/es-content/two', title: 'Two' }],
      }),
    );
  });

  it('lang=es serves the Spanish title and summary where written, English elsewhere, and says which', async () => {
    const res = await get(`/api/subjects/${PERSON}/evidence?lang=es`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('es');
    const entries = res.json() as Array<{ id: number; title: string; summary: string; textLanguages: Record<string, string> }>;
    const spanish = entries.find((e) => e.id === spanishId)!;
    expect(spanish.title).toBe('Demo: promesa de desvío cumplida');
    expect(spanish.summary).toBe('Registro ficticio escrito por una prueba.');
    expect(spanish.textLanguages).toEqual({ title: 'es', summary: 'es' });
    const english = entries.find((e) => e.id === englishId)!;
    expect(english.title).toBe('Demo: English only');
    expect(english.textLanguages).toEqual({ title: 'en', summary: 'en' });
  });

  it('GET /api/evidence/:id serves the public entry in Spanish with lang=es', async () => {
    const spanish = (await get(`/api/evidence/${spanishId}?lang=es`)).json();
    expect(spanish).toMatchObject({ title: 'Demo: promesa de desvío cumplida', textLanguages: { title: 'es', summary: 'es' } });
    expect((await get(`/api/evidence/${spanishId}`)).json().title).toBe('Demo: diversion pledge kept');
  });

  it('without lang (or lang=en) serves the English, with the stored Spanish beside it', async () => {
    const entries = (await get(`/api/subjects/${PERSON}/evidence?lang=en`)).json() as Array<Record<string, unknown>>;
    const entry = entries.find((e) => e.id === spanishId)!;
    expect(entry.title).toBe('Demo: diversion pledge kept');
    expect(entry.textLanguages).toEqual({ title: 'en', summary: 'en' });
    expect(entry.translations).toEqual({
      es: { title: 'Demo: promesa de desvío cumplida', summary: 'Registro ficticio escrito por una prueba.' },
    });
  });

  it('a reviewer sees both languages in the queue, and an edit of the Spanish is a revision', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({
        title: 'Demo: waiting for review',
        sources: [{ url: 'https://example.org/es-content/three', title: 'Three' }],
        translations: { es: { title: 'Demo: en espera de revisión' } },
      }),
    });
    const { id } = created.json();
    const queue = (await t.app.inject({ url: '/api/evidence?status=pending&pageSize=100', headers: reviewer.headers })).json();
    const queued = queue.items.find((e: { id: number }) => e.id === id);
    expect(queued).toMatchObject({
      title: 'Demo: waiting for review',
      translations: { es: { title: 'Demo: en espera de revisión', summary: null } },
    });

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/evidence/${id}`,
      headers: volunteer.headers,
      payload: { translations: { es: { title: null, summary: 'Resumen ficticio.' } } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ revision: 2, translations: { es: { title: null, summary: 'Resumen ficticio.' } } });
    const detail = (await t.app.inject({ url: `/api/evidence/${id}`, headers: reviewer.headers })).json();
    expect(detail.revisions.at(-1).changes.translations).toEqual([
      { es: { title: 'Demo: en espera de revisión', summary: null } },
      { es: { title: null, summary: 'Resumen ficticio.' } },
    ]);
  });

  it('refuses blank or unknown Spanish fields with a 400 naming the field, storing nothing', async () => {
    const before = (await t.app.inject({ url: '/api/evidence?mine=true', headers: volunteer.headers })).json().total;
    const blank = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({ translations: { es: { title: '   ' } } }),
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details.map((d: { field: string }) => d.field)).toContain('body.translations.es.title');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({ translations: { fr: { title: 'Titre' } } }),
    });
    expect(unknown.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/evidence?mine=true', headers: volunteer.headers })).json().total).toBe(before);
  });

  it('the Spanish evidence page shows the Spanish title, and English text elsewhere is marked lang="en"', async () => {
    const page = await get(`/es/evidence/${spanishId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Demo: promesa de desvío cumplida</h1>');
    const english = await get(`/es/evidence/${englishId}`);
    expect(english.body).toContain('<h1><span lang="en">Demo: English only</span></h1>');
    expect(english.body).toMatch(/<meta property="og:title" content="Demo: English only/);
    expect(page.body).toMatch(/<meta property="og:title" content="Demo: promesa de desvío cumplida/);
  });

  it('a correction of the Spanish title is shown to the second reviewer and, once approved, served', async () => {
    const corrector = await createSignedInUser(t, 'reviewer');
    const proposed = await t.app.inject({
      method: 'POST',
      url: `/api/evidence/${englishId}/correct`,
      headers: corrector.headers,
      payload: { translations: { es: { title: 'Demo: solo en inglés, ahora traducido' } }, note: 'Demo: Spanish title added.' },
    });
    expect(proposed.statusCode, proposed.body).toBe(202);
    const changeId = proposed.json().change.id;
    const queue = (await t.app.inject({ url: '/api/changes?status=pending', headers: reviewer.headers })).json();
    const fields = queue.items.find((c: { id: number }) => c.id === changeId).fields as Array<{ field: string; changed: boolean }>;
    expect(fields.filter((f) => f.changed)).toEqual([
      { field: 'titleEs', before: null, after: 'Demo: solo en inglés, ahora traducido', changed: true },
    ]);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/changes/${changeId}/review`,
      headers: reviewer.headers,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const entries = (await get(`/api/subjects/${PERSON}/evidence?lang=es`)).json() as Array<{ id: number; title: string }>;
    expect(entries.find((e) => e.id === englishId)!.title).toBe('Demo: solo en inglés, ahora traducido');
  });
});

describe('people, elections and events in Spanish', () => {
  it('an admin writes a person’s Spanish office and bio; lang=es serves them, the scorecard’s office too', async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/subjects/${PERSON}`,
      headers: admin.headers,
      payload: { translations: { es: { office: 'Fiscal de distrito adjunta (ficticia)', bio: 'Biografía ficticia.' } } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().translations).toEqual({ es: { office: 'Fiscal de distrito adjunta (ficticia)', bio: 'Biografía ficticia.' } });

    const spanish = (await get(`/api/subjects/${PERSON}?lang=es`)).json();
    expect(spanish).toMatchObject({
      office: 'Fiscal de distrito adjunta (ficticia)',
      bio: 'Biografía ficticia.',
      textLanguages: { office: 'es', bio: 'es' },
    });
    const english = (await get(`/api/subjects/${PERSON}`)).json();
    expect(english.office).not.toBe('Fiscal de distrito adjunta (ficticia)');
    expect(english.textLanguages).toEqual({ office: 'en', bio: 'en' });

    const card = (await get(`/api/subjects/${PERSON}/scorecard?lang=es`)).json();
    expect(card.subject).toMatchObject({ office: 'Fiscal de distrito adjunta (ficticia)', textLanguages: { office: 'es' } });
    const other = (await get('/api/subjects/demo-riley-example/scorecard?lang=es')).json();
    expect(other.subject.textLanguages).toEqual({ office: 'en' });

    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/subjects/${PERSON}`,
      headers: admin.headers,
      payload: { translations: { es: { bio: null } } },
    });
    expect(cleared.json().translations.es).toEqual({ office: 'Fiscal de distrito adjunta (ficticia)', bio: null });
  });

  it('an election’s Spanish name is served with lang=es, in the list and the comparison', async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/elections/${ELECTION}`,
      headers: admin.headers,
      payload: { translations: { es: { name: 'Elección ficticia de fiscal de distrito 2026' } } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const detail = (await get(`/api/elections/${ELECTION}?lang=es`)).json();
    expect(detail).toMatchObject({ name: 'Elección ficticia de fiscal de distrito 2026', textLanguages: { name: 'es' } });
    expect(detail.candidates.every((c: { scorecard: { subject: { textLanguages: unknown } } }) => c.scorecard.subject.textLanguages)).toBe(
      true,
    );
    const list = (await get('/api/elections?lang=es')).json();
    expect(list.find((e: { slug: string }) => e.slug === ELECTION).name).toBe('Elección ficticia de fiscal de distrito 2026');
    expect((await get(`/api/elections/${ELECTION}`)).json().textLanguages).toEqual({ name: 'en' });
  });

  it('an event’s Spanish title is served with lang=es; an event without one stays English', async () => {
    const events = (await get('/api/events')).json() as Array<{ id: number; title: string }>;
    const [first, second] = events;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${first.id}`,
      headers: admin.headers,
      payload: { translations: { es: { title: 'Foro ficticio de candidaturas' } } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const spanish = (await get('/api/events?lang=es')).json() as Array<{
      id: number;
      title: string;
      textLanguages: Record<string, string>;
    }>;
    expect(spanish.find((e) => e.id === first.id)).toMatchObject({
      title: 'Foro ficticio de candidaturas',
      textLanguages: { title: 'es' },
    });
    expect(spanish.find((e) => e.id === second.id)).toMatchObject({ title: second.title, textLanguages: { title: 'en' } });
  });

  it('refuses a blank Spanish name with a 400 naming the field', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/elections/${ELECTION}`,
      headers: admin.headers,
      payload: { translations: { es: { name: '' } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body.translations.es.name');
  });
});

describe('import with Spanish columns', () => {
  const HEADER = 'subject,standard,rating,kind,title,summary,occurred_on,title_es,summary_es,source_url,source_title';

  it('stores title_es and summary_es as the entry’s Spanish text; rows without them are English only', async () => {
    const csv = [
      HEADER,
      `${PERSON},kids,1,action,Demo: imported with Spanish,Fictional.,2025-02-03,Demo: importado con español,Ficticio.,https://example.org/es-import/1,One`,
      `${PERSON},kids,1,action,Demo: imported in English,Fictional.,2025-02-04,,,https://example.org/es-import/2,Two`,
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/evidence/import', headers: volunteer.headers, payload: { csv } });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valid: 2, invalid: 0, created: 2 });
    const [withSpanish, englishOnly] = await Promise.all(
      report.rows.map(async (r: { id: number }) =>
        (await t.app.inject({ url: `/api/evidence/${r.id}`, headers: volunteer.headers })).json(),
      ),
    );
    expect(withSpanish.translations).toEqual({ es: { title: 'Demo: importado con español', summary: 'Ficticio.' } });
    expect(englishOnly.translations).toEqual({ es: { title: null, summary: null } });
  });

  it('names the title_es column when its cell is too long', async () => {
    const csv = [
      HEADER,
      `${PERSON},kids,1,action,Demo: long Spanish,Fictional.,2025-02-05,${'x'.repeat(301)},,https://example.org/es-import/3,Three`,
    ].join('\n');
    const report = (
      await t.app.inject({ method: 'POST', url: '/api/evidence/import?dryRun=true', headers: volunteer.headers, payload: { csv } })
    ).json();
    expect(report.rows[0].ok).toBe(false);
    expect(report.rows[0].problems.map((p: { column: string }) => p.column)).toEqual(['title_es']);
  });

  it('both templates carry the optional Spanish columns', async () => {
    const csv = await t.app.inject({ url: '/api/evidence/import/template.csv', headers: volunteer.headers });
    expect(csv.body.split('\n')[0]).toContain('title_es,summary_es');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const xlsx = await t.app.inject({ url: '/api/evidence/import/template.xlsx', headers: volunteer.headers });
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const header = (workbook.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['title_es', 'summary_es']));
  });
});
