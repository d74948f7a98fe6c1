import { sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import {
  electionCandidates,
  elections,
  events,
  eventSubjects,
  evidence,
  evidenceSources,
  standards,
  subjects,
} from '../schema/index.js';
import { DEMO_ELECTION, DEMO_EVENTS, DEMO_EVIDENCE, DEMO_SUBJECTS } from './demo.js';
import { STANDARD_SEEDS } from './standards.js';

/**
 * Inserts any of the ten standards that are missing; never overwrites text an admin edited.
 * Writes nothing when all ten are there, so a read-only database starts too.
 */
export function seedStandards(db: Db): void {
  const present = new Set(db.select({ slug: standards.slug }).from(standards).all().map((s) => s.slug));
  if (STANDARD_SEEDS.every((s) => present.has(s.slug))) return;
  db.insert(standards).values(STANDARD_SEEDS).onConflictDoNothing().run();
}

/** True when nobody has been scored yet: the only time demo data is added. */
function isEmpty(db: Db): boolean {
  const row = db.select({ n: sql<number>`count(*)` }).from(subjects).get();
  return (row?.n ?? 0) === 0;
}

/** Adds the fictional demo people, election, evidence and events to an empty database. */
export function seedDemo(db: Db): boolean {
  if (!isEmpty(db)) return false;
  db.transaction((tx) => {
    const subjectIds = new Map<string, number>();
    for (const s of DEMO_SUBJECTS) {
      const row = tx.insert(subjects).values({ ...s, demo: true }).returning({ id: subjects.id }).get();
      subjectIds.set(s.slug, row.id);
    }
    const standardIds = new Map(tx.select({ id: standards.id, slug: standards.slug }).from(standards).all().map((r) => [r.slug, r.id]));

    const { candidates, ...electionFields } = DEMO_ELECTION;
    const election = tx.insert(elections).values({ ...electionFields, demo: true }).returning({ id: elections.id }).get();
    candidates.forEach((slug, position) => {
      tx.insert(electionCandidates).values({ electionId: election.id, subjectId: subjectIds.get(slug)!, position }).run();
    });

    DEMO_EVIDENCE.forEach((e, i) => {
      const status = e.status ?? 'published';
      // Decisions are dated a few weeks after the event, as review would be.
      const decided = new Date(Date.parse(e.occurredOn) + 21 * 86_400_000).toISOString();
      const row = tx
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
        .returning({ id: evidence.id })
        .get();
      tx.insert(evidenceSources)
        .values({
          evidenceId: row.id,
          position: 0,
          url: `https://example.org/demo/evidence/${i + 1}`,
          title: `Demo source for: ${e.title.replace(/^Demo: /, '')}`,
          publisher: 'Example News (demo)',
          archiveUrl: i % 3 === 0 ? `https://example.org/archive/demo/evidence/${i + 1}` : null,
        })
        .run();
    });

    for (const { subjects: linked, ...fields } of DEMO_EVENTS) {
      const ev = tx.insert(events).values({ ...fields, demo: true }).returning({ id: events.id }).get();
      for (const slug of linked) tx.insert(eventSubjects).values({ eventId: ev.id, subjectId: subjectIds.get(slug)! }).run();
    }
  });
  return true;
}
