import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgDatabase, type PgDb } from '../../db/pg/connection.js';
import { migratePgDatabase } from '../../db/pg/migrate.js';
import { evidence, evidenceSources, standards, subjects } from '../../db/schema/pg/index.js';
import { postgresSearch, searchWords } from '../../server/repositories/search-sql.js';
import { onPostgres, testSchema } from '../postgres.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function seeded(): Promise<PgDb> {
  const s = await testSchema();
  cleanup.push(s.drop);
  await migratePgDatabase(s.url, s.schema);
  const db = openPgDatabase(s.url, { schema: s.schema, max: 2 });
  cleanup.push(() => db.$client.end());
  const [person] = await db
    .insert(subjects)
    .values({ slug: 'demo-p', name: 'Demo P', role: 'candidate', office: 'DA', demo: true })
    .returning();
  const [standard] = await db
    .insert(standards)
    .values({ number: 1, slug: 'kids', title: 'Kids', summary: 'S', daPower: 'P', indicators: ['a'] })
    .returning();
  const entry = (title: string, summary: string) => ({
    subjectId: person!.id,
    standardId: standard!.id,
    rating: 1,
    kind: 'action' as const,
    title,
    summary,
    occurredOn: '2025-01-01',
  });
  const rows = await db
    .insert(evidence)
    .values([
      entry('Declined to charge police shooting', 'The office declined charges.'),
      entry('Nueva política de fianzas', 'La fiscalía anunció una política nueva sobre la policía.'),
      entry('Diversion programme', 'Young people diverted from court.'),
    ])
    .returning({ id: evidence.id });
  await db.insert(evidenceSources).values({ evidenceId: rows[2]!.id, url: 'https://example.org/x', title: 'County budget hearing' });
  return db;
}

async function find(db: PgDb, q: string): Promise<string[]> {
  const query = postgresSearch.query(q);
  if (!query) return [];
  const rows = await db
    .select({ title: evidence.title })
    .from(evidence)
    .where(postgresSearch.matches(query))
    .orderBy(asc(postgresSearch.rank(query)), asc(evidence.id));
  return rows.map((r) => r.title);
}

describe('search words', () => {
  it('fold case and accents and drop query syntax', () => {
    expect(searchWords('  Política  "police" & !(x):* ')).toEqual(['politica', 'police', 'x']);
    expect(postgresSearch.query('Polic fianza')).toBe('polic:* & fianza:*');
    expect(postgresSearch.query(' "" & ')).toBeNull();
  });
});

describe.skipIf(!onPostgres)('evidence search on PostgreSQL', () => {
  it('finds by English and Spanish stems, prefixes, accents and source titles, and follows edits', async () => {
    const db = await seeded();
    expect(await find(db, 'decline')).toEqual(['Declined to charge police shooting']);
    expect(await find(db, 'polic')).toEqual(['Declined to charge police shooting', 'Nueva política de fianzas']);
    expect(await find(db, 'policia')).toEqual(['Nueva política de fianzas']);
    expect(await find(db, 'fiscalia anuncio')).toEqual(['Nueva política de fianzas']);
    expect(await find(db, 'budget')).toEqual(['Diversion programme']);
    expect(await find(db, 'budget police')).toEqual([]);
    expect(await find(db, ')(*&')).toEqual([]);

    await db.update(evidence).set({ title: 'Restorative justice programme' }).where(eq(evidence.title, 'Diversion programme'));
    await db.delete(evidenceSources);
    expect(await find(db, 'diversion')).toEqual([]);
    expect(await find(db, 'restorative')).toEqual(['Restorative justice programme']);
    expect(await find(db, 'budget')).toEqual([]);
  });
});
