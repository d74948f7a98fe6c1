import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { nowIso } from '../schema/columns.js';
import {
  auditLog,
  electionCandidates,
  elections,
  events,
  eventSubjects,
  evidence,
  evidenceSources,
  methodologyTexts,
  standards,
  standardTranslations,
  subjects,
} from '../schema/index.js';
import { DEMO_ELECTION, DEMO_EVENTS, DEMO_EVIDENCE, DEMO_SUBJECTS } from './demo.js';
import { METHODOLOGY_TEXT_SEEDS } from './methodology.js';
import { STANDARD_SEEDS } from './standards.js';
import { STANDARD_SEEDS_ES } from './standards.es.js';
import { isSupersededSeed } from './superseded.js';
import { inTransaction } from '../unit-of-work.js';

/**
 * Inserts any of the ten standards, their Spanish text and the methodology text that are
 * missing, and brings seeded Spanish text that was later corrected up to date; never
 * overwrites text an admin edited. Writes nothing when nothing is missing or outdated, so a
 * read-only database starts too.
 */
export async function seedStandards(db: Db): Promise<void> {
  await insertMissing(db);
  await replaceSupersededSpanish(db);
}

async function insertMissing(db: Db): Promise<void> {
  if (await nothingToSeed(db)) return;
  await inTransaction(db, async (tx) => {
    await tx.insert(standards).values(STANDARD_SEEDS).onConflictDoNothing();
    const ids = await tx.select({ id: standards.id, slug: standards.slug }).from(standards);
    const spanish = ids
      .filter(({ slug }) => STANDARD_SEEDS_ES[slug])
      .map(({ id, slug }) => ({ standardId: id, lang: 'es', ...STANDARD_SEEDS_ES[slug] }));
    if (spanish.length) await tx.insert(standardTranslations).values(spanish).onConflictDoNothing();
    const texts = Object.entries(METHODOLOGY_TEXT_SEEDS).map(([lang, text]) => ({ lang, ...text }));
    await tx.insert(methodologyTexts).values(texts).onConflictDoNothing();
  });
}

const TRANSLATED_FIELDS = ['title', 'summary', 'daPower', 'indicators'] as const;

/**
 * Replaces each Spanish standard or methodology field that still holds an earlier seeded
 * wording (see superseded.ts) with the current one, field by field, so an admin's edit of one
 * field keeps that field and still gets the others corrected. One transaction, with an audit
 * row per changed row (no actor: the system made it).
 */
async function replaceSupersededSpanish(db: Db): Promise<void> {
  const standardRows = await db
    .select({
      standardId: standardTranslations.standardId,
      slug: standards.slug,
      title: standardTranslations.title,
      summary: standardTranslations.summary,
      daPower: standardTranslations.daPower,
      indicators: standardTranslations.indicators,
    })
    .from(standardTranslations)
    .innerJoin(standards, eq(standards.id, standardTranslations.standardId))
    .where(eq(standardTranslations.lang, 'es'));
  const standardFixes = standardRows.flatMap((row) => {
    const seed = STANDARD_SEEDS_ES[row.slug];
    if (!seed) return [];
    const patch = Object.fromEntries(
      TRANSLATED_FIELDS.filter((field) => isSupersededSeed(`${row.slug}.${field}`, row[field])).map((field) => [field, seed[field]]),
    );
    return Object.keys(patch).length ? [{ row, patch }] : [];
  });
  const [methodology] = await db.select().from(methodologyTexts).where(eq(methodologyTexts.lang, 'es')).limit(1);
  const seed = METHODOLOGY_TEXT_SEEDS.es;
  const methodologyPatch = methodology
    ? {
        ...(isSupersededSeed('methodology.steps', methodology.steps) ? { steps: seed.steps } : {}),
        ...(isSupersededSeed('methodology.review', methodology.review) ? { review: seed.review } : {}),
      }
    : {};
  // A read-only database keeps serving its text as it is; the next writable start corrects it.
  if ((standardFixes.length === 0 && Object.keys(methodologyPatch).length === 0) || db.$client.readonly) return;

  await inTransaction(db, async (tx) => {
    const updatedAt = nowIso();
    for (const { row, patch } of standardFixes) {
      const where = and(eq(standardTranslations.standardId, row.standardId), eq(standardTranslations.lang, 'es'));
      const [before] = await tx.select().from(standardTranslations).where(where).limit(1);
      const [after] = await tx
        .update(standardTranslations)
        .set({ ...patch, updatedAt })
        .where(where)
        .returning();
      await tx
        .insert(auditLog)
        .values({ actorId: null, action: 'standard.update', entityType: 'standard', entityId: String(row.standardId), before, after });
    }
    if (methodology && Object.keys(methodologyPatch).length) {
      const [after] = await tx
        .update(methodologyTexts)
        .set({ ...methodologyPatch, updatedAt })
        .where(eq(methodologyTexts.lang, 'es'))
        .returning();
      await tx
        .insert(auditLog)
        .values({ actorId: null, action: 'methodology.update', entityType: 'methodology', entityId: 'es', before: methodology, after });
    }
  });
}

async function nothingToSeed(db: Db): Promise<boolean> {
  const slugs = new Set((await db.select({ slug: standards.slug }).from(standards)).map((s) => s.slug));
  const translated = new Set(
    (
      await db
        .select({ slug: standards.slug })
        .from(standardTranslations)
        .innerJoin(standards, eq(standards.id, standardTranslations.standardId))
        .where(eq(standardTranslations.lang, 'es'))
    ).map((s) => s.slug),
  );
  const languages = new Set((await db.select({ lang: methodologyTexts.lang }).from(methodologyTexts)).map((m) => m.lang));
  return (
    STANDARD_SEEDS.every((s) => slugs.has(s.slug)) &&
    Object.keys(STANDARD_SEEDS_ES).every((slug) => translated.has(slug)) &&
    Object.keys(METHODOLOGY_TEXT_SEEDS).every((lang) => languages.has(lang))
  );
}

/** True when nobody has been scored yet: the only time demo data is added. */
async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(subjects);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Adds the fictional demo people, election, evidence and events to an empty database, unless an
 * admin removed the demo once (audit `demo.remove`): a coalition that cleared it before adding
 * its own people must not see it come back on the next restart.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  if ((await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'demo.remove')).limit(1)).length) return false;
  await inTransaction(db, async (tx) => {
    const subjectIds = new Map<string, number>();
    for (const s of DEMO_SUBJECTS) {
      const [row] = await tx
        .insert(subjects)
        .values({ ...s, demo: true })
        .returning({ id: subjects.id });
      subjectIds.set(s.slug, row.id);
    }
    const standardIds = new Map((await tx.select({ id: standards.id, slug: standards.slug }).from(standards)).map((r) => [r.slug, r.id]));

    const { candidates, ...electionFields } = DEMO_ELECTION;
    const [election] = await tx
      .insert(elections)
      .values({ ...electionFields, demo: true })
      .returning({ id: elections.id });
    for (const [position, slug] of candidates.entries()) {
      await tx.insert(electionCandidates).values({ electionId: election.id, subjectId: subjectIds.get(slug)!, position });
    }

    for (const [i, e] of DEMO_EVIDENCE.entries()) {
      const status = e.status ?? 'published';
      // Decisions are dated a few weeks after the event, as review would be.
      const decided = new Date(Date.parse(e.occurredOn) + 21 * 86_400_000).toISOString();
      const [row] = await tx
        .insert(evidence)
        .values({
          subjectId: subjectIds.get(e.subject)!,
          standardId: standardIds.get(e.standard)!,
          rating: e.rating,
          kind: e.kind,
          title: e.title,
          summary: `${e.title}. This is fictional demo evidence for showing the product; it describes no real person or event.`,
          occurredOn: e.occurredOn,
          status,
          reviewedAt: status === 'pending' ? null : decided,
          reviewNote: status === 'rejected' ? e.note : null,
          publishedAt: status === 'published' || status === 'retracted' ? decided : null,
          retractedAt: status === 'retracted' ? decided : null,
          retractionReason: status === 'retracted' ? e.note : null,
          demo: true,
          createdAt: new Date(Date.parse(e.occurredOn) + 86_400_000).toISOString(),
          updatedAt: decided,
        })
        .returning({ id: evidence.id });
      await tx.insert(evidenceSources).values({
        evidenceId: row.id,
        position: 0,
        url: `https://example.org/demo/evidence/${i + 1}`,
        title: `Demo source for: ${e.title.replace(/^Demo: /, '')}`,
        publisher: 'Example News (demo)',
        archiveUrl: i % 3 === 0 ? `https://example.org/archive/demo/evidence/${i + 1}` : null,
      });
    }

    for (const { subjects: linked, ...fields } of DEMO_EVENTS) {
      const [ev] = await tx
        .insert(events)
        .values({ ...fields, demo: true })
        .returning({ id: events.id });
      for (const slug of linked) await tx.insert(eventSubjects).values({ eventId: ev.id, subjectId: subjectIds.get(slug)! });
    }
  });
  return true;
}
