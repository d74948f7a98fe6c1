import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evidence, evidenceRevisions, evidenceSources, standards, subjects } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/unit-of-work.js';
import { createAccount, type TestAccount } from '../../accounts.js';
import { buildTestApp, NO_PRESSURE, type TestApp } from '../../helper.js';
import { discoverEndpoints, knownValues } from '../../route-catalogue.js';

/**
 * Volunteers and reviewers are private people: their emails and names must never reach the
 * public. Accounts with unmistakable emails and names submit, review and retract evidence,
 * then every GET route the app serves (pages and exports included, found from the app itself)
 * is fetched anonymously with every real slug and id, and no answer may carry them.
 */
const CANARY_DOMAIN = 'privacy-canary-7f3a.example';

let t: TestApp;
let people: TestAccount[];
const CANARY_TITLE = 'Canary: diversion programme doubled (demo)';

beforeAll(async () => {
  t = await buildTestApp(NO_PRESSURE);
  const { db } = t.app;
  people = [
    await createAccount(db, { role: 'volunteer', email: `zebulon.quillfeather@${CANARY_DOMAIN}`, displayName: 'Zebulon Quillfeather' }),
    await createAccount(db, { role: 'reviewer', email: `ottoline.brackwater@${CANARY_DOMAIN}`, displayName: 'Ottoline Brackwater' }),
    await createAccount(db, { role: 'admin', email: `admin.vexhollow@${CANARY_DOMAIN}`, displayName: 'Marisol Vexhollow' }),
  ];
  const [volunteer, reviewer, admin] = people;
  const [subject] = await db.select().from(subjects).where(eq(subjects.slug, 'demo-avery-placeholder'));
  const [standard] = await db.select().from(standards).where(eq(standards.slug, 'pretrial'));
  const now = new Date().toISOString();
  for (const status of ['published', 'retracted', 'pending', 'rejected'] as const) {
    const decided = status !== 'pending';
    await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(evidence)
        .values({
          subjectId: subject.id,
          standardId: standard.id,
          rating: 1,
          kind: 'action',
          title: `${CANARY_TITLE} [${status}]`,
          summary: 'Fictional entry for the privacy test.',
          occurredOn: '2025-06-01',
          status,
          submittedBy: volunteer.id,
          reviewedBy: decided ? reviewer.id : null,
          reviewedAt: decided ? now : null,
          reviewNote: decided ? 'Sources checked.' : null,
          publishedAt: status === 'published' || status === 'retracted' ? now : null,
          retractedAt: status === 'retracted' ? now : null,
          retractionReason: status === 'retracted' ? 'The source was withdrawn.' : null,
          demo: true,
        })
        .returning({ id: evidence.id });
      await tx.insert(evidenceSources).values({ evidenceId: row.id, url: 'https://example.org/canary', title: 'Canary source' });
      await tx
        .insert(evidenceRevisions)
        .values({ evidenceId: row.id, actorId: reviewer.id, action: 'review', changes: { status: [null, status] } });
      await tx.insert(auditLog).values({ actorId: admin.id, action: 'evidence.review', entityType: 'evidence', entityId: String(row.id) });
    });
  }
});
afterAll(() => t.close());

/** Every way a person could be recognised in an answer. */
function canaries(): string[] {
  return people
    .flatMap((p) => [p.email, p.email.split('@')[0], p.displayName, ...p.displayName.split(' ')])
    .concat([CANARY_DOMAIN, '$argon2']);
}

async function publicAnswers(): Promise<Array<{ url: string; status: number; text: string }>> {
  // A real reply link, so the reply page is fetched too (it lists the person's evidence).
  const { token } = await t.app.repositories.replies.createLink('demo-avery-placeholder', 30, people[2]);
  const known: Record<string, string[]> = { ...(await knownValues(t.app)), token: [token] };
  const answers: Array<{ url: string; status: number; text: string }> = [];
  for (const endpoint of await discoverEndpoints(t.app)) {
    if (endpoint.method !== 'GET') continue;
    let urls = [endpoint.path];
    for (const name of Object.keys(endpoint.params)) {
      const values = known[name] ?? [];
      urls = urls.flatMap((url) =>
        values.map((v) => (name === '*' ? url.replace('*', v) : url.replace(`:${name}`, encodeURIComponent(v)))),
      );
    }
    for (const url of urls) {
      const withQuery = 'standard' in endpoint.query ? [url, `${url}?standard=pretrial`] : [url];
      for (const u of withQuery) {
        const res = await t.app.inject({ method: 'GET', url: u });
        answers.push({ url: u, status: res.statusCode, text: `${JSON.stringify(res.headers)}\n${res.body}` });
      }
    }
  }
  return answers;
}

describe('privacy of volunteers and reviewers', () => {
  // Every public GET with every real slug and id (share images included) is hundreds of
  // answers: fetched once for both checks, with time for a busy machine.
  let answers: Awaited<ReturnType<typeof publicAnswers>>;
  beforeAll(async () => {
    answers = await publicAnswers();
  }, 180_000);

  it('no public answer (API, exports, pages) carries their emails, names or password hashes', () => {
    // The check reaches the canaries' own evidence, so a leak would be seen.
    const reached = answers.filter((a) => a.status === 200 && a.text.includes(CANARY_TITLE));
    expect(reached.map((a) => a.url)).toEqual(
      expect.arrayContaining(['/api/export/evidence.json', '/api/export/evidence.csv', '/api/subjects/demo-avery-placeholder/evidence']),
    );
    // Each claim's own page and public API answer, in both languages.
    for (const prefix of ['/evidence/', '/es/evidence/', '/api/evidence/'])
      expect(reached.some((a) => a.url.startsWith(prefix))).toBe(true);
    expect(reached.some((a) => a.url.startsWith('/reply/'))).toBe(true);
    const leaks = answers.flatMap((a) =>
      canaries()
        .filter((c) => a.text.toLowerCase().includes(c.toLowerCase()))
        .map((c) => `${a.url} shows "${c}"`),
    );
    expect(leaks).toEqual([]);
  }, 180_000);

  it('shows no pending or rejected entry to the public', () => {
    const hidden = answers.filter((a) => a.text.includes(`${CANARY_TITLE} [pending]`) || a.text.includes(`${CANARY_TITLE} [rejected]`));
    expect(hidden.map((a) => a.url)).toEqual([]);
  }, 180_000);
});
