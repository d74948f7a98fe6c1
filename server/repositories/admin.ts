import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import {
  electionCandidates,
  elections,
  events,
  eventSubjects,
  evidence,
  evidenceRevisions,
  evidenceSources,
  methodologyTexts,
  standards,
  standardTranslations,
  subjects,
} from '../../db/schema/index.js';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.js';
import { HttpError } from '../errors.js';
import type {
  ElectionInput,
  ElectionPatch,
  EventInput,
  EventPatch,
  StandardPatch,
  MethodologyTextPatch,
  SubjectInput,
  SubjectPatch,
} from '../schemas/admin.js';
import { recordAudit, type Actor, type Writer } from './audit.js';

/** Whether a patch changes any of the standard's text (a save that changes nothing dates nothing). */
function changesText(current: Record<string, unknown>, patch: StandardPatch): boolean {
  return Object.entries(patch).some(([field, value]) => value !== undefined && JSON.stringify(current[field]) !== JSON.stringify(value));
}

function notFoundBy(what: string, key: string | number) {
  return new HttpError(404, 'not-found', `No ${what} with ${typeof key === 'number' ? 'id' : 'slug'} "${key}"`);
}

function slugTaken(what: string, slug: string) {
  return new HttpError(409, 'slug-taken', `A ${what} with slug "${slug}" already exists`);
}

/** Subject slugs to ids, in the given order; an unknown slug is a 400 naming its place in the list. */
function subjectIds(writer: Writer, slugs: string[], field: string): number[] {
  if (slugs.length === 0) return [];
  const found = new Map(
    writer
      .select({ id: subjects.id, slug: subjects.slug })
      .from(subjects)
      .where(inArray(subjects.slug, slugs))
      .all()
      .map((r) => [r.slug, r.id]),
  );
  return slugs.map((slug, i) => {
    const id = found.get(slug);
    if (id === undefined) {
      const message = `no subject with slug "${slug}"`;
      throw new HttpError(400, 'validation', `body.${field}.${i}: ${message}`, [{ field: `body.${field}.${i}`, message }]);
    }
    return id;
  });
}

/**
 * The admins' writes to the public records: subjects, elections and their candidates,
 * events, and the standards' text. Each is one transaction with its audit row; the
 * commit itself moves the data version (plugins/database.ts), so every cache drops it.
 */
export class AdminRepository {
  constructor(private readonly db: Db) {}

  createSubject(input: SubjectInput, actor: Actor) {
    return this.db.transaction((tx) => {
      if (tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.slug, input.slug)).get()) throw slugTaken('subject', input.slug);
      const after = tx.insert(subjects).values(input).returning().get();
      recordAudit(tx, { actor, action: 'subject.create', entityType: 'subject', entityId: after.id, after });
      return after;
    });
  }

  updateSubject(slug: string, patch: SubjectPatch, actor: Actor) {
    return this.db.transaction((tx) => {
      const before = tx.select().from(subjects).where(eq(subjects.slug, slug)).get();
      if (!before) throw notFoundBy('subject', slug);
      const after = tx
        .update(subjects)
        .set({ ...patch, updatedAt: nowIso() })
        .where(eq(subjects.id, before.id))
        .returning()
        .get();
      recordAudit(tx, { actor, action: 'subject.update', entityType: 'subject', entityId: before.id, before, after });
      return after;
    });
  }

  private electionSnapshot(writer: Writer, id: number) {
    const row = writer.select().from(elections).where(eq(elections.id, id)).get();
    const candidates = writer
      .select({ slug: subjects.slug })
      .from(electionCandidates)
      .innerJoin(subjects, eq(subjects.id, electionCandidates.subjectId))
      .where(eq(electionCandidates.electionId, id))
      .orderBy(electionCandidates.position)
      .all()
      .map((r) => r.slug);
    return { ...row, candidates };
  }

  private setCandidates(writer: Writer, electionId: number, slugs: string[]) {
    const ids = subjectIds(writer, slugs, 'candidates');
    writer.delete(electionCandidates).where(eq(electionCandidates.electionId, electionId)).run();
    ids.forEach((subjectId, position) => writer.insert(electionCandidates).values({ electionId, subjectId, position }).run());
  }

  createElection({ candidates, ...fields }: ElectionInput, actor: Actor) {
    return this.db.transaction((tx) => {
      if (tx.select({ id: elections.id }).from(elections).where(eq(elections.slug, fields.slug)).get())
        throw slugTaken('election', fields.slug);
      const { id } = tx.insert(elections).values(fields).returning({ id: elections.id }).get();
      this.setCandidates(tx, id, candidates);
      const after = this.electionSnapshot(tx, id);
      recordAudit(tx, { actor, action: 'election.create', entityType: 'election', entityId: id, after });
      return after;
    });
  }

  updateElection(slug: string, { candidates, ...fields }: ElectionPatch, actor: Actor) {
    return this.db.transaction((tx) => {
      const row = tx.select({ id: elections.id }).from(elections).where(eq(elections.slug, slug)).get();
      if (!row) throw notFoundBy('election', slug);
      const before = this.electionSnapshot(tx, row.id);
      tx.update(elections)
        .set({ ...fields, updatedAt: nowIso() })
        .where(eq(elections.id, row.id))
        .run();
      if (candidates) this.setCandidates(tx, row.id, candidates);
      const after = this.electionSnapshot(tx, row.id);
      recordAudit(tx, { actor, action: 'election.update', entityType: 'election', entityId: row.id, before, after });
      return after;
    });
  }

  private eventSnapshot(writer: Writer, id: number) {
    const row = writer.select().from(events).where(eq(events.id, id)).get();
    if (!row) throw notFoundBy('event', id);
    const linked = writer
      .select({ slug: subjects.slug })
      .from(eventSubjects)
      .innerJoin(subjects, eq(subjects.id, eventSubjects.subjectId))
      .where(eq(eventSubjects.eventId, id))
      .all()
      .map((r) => r.slug)
      .sort();
    return { ...row, subjects: linked };
  }

  private setEventSubjects(writer: Writer, eventId: number, slugs: string[]) {
    const ids = subjectIds(writer, slugs, 'subjects');
    writer.delete(eventSubjects).where(eq(eventSubjects.eventId, eventId)).run();
    for (const subjectId of new Set(ids)) writer.insert(eventSubjects).values({ eventId, subjectId }).run();
  }

  createEvent({ subjects: linked, ...fields }: EventInput, actor: Actor) {
    return this.db.transaction((tx) => {
      // Stored in UTC so start times sort and compare correctly as text.
      const { id } = tx
        .insert(events)
        .values({ ...fields, startsAt: new Date(fields.startsAt).toISOString() })
        .returning({ id: events.id })
        .get();
      this.setEventSubjects(tx, id, linked);
      const after = this.eventSnapshot(tx, id);
      recordAudit(tx, { actor, action: 'event.create', entityType: 'event', entityId: id, after });
      return after;
    });
  }

  updateEvent(id: number, { subjects: linked, ...fields }: EventPatch, actor: Actor) {
    return this.db.transaction((tx) => {
      const before = this.eventSnapshot(tx, id);
      const startsAt = fields.startsAt === undefined ? {} : { startsAt: new Date(fields.startsAt).toISOString() };
      tx.update(events)
        .set({ ...fields, ...startsAt, updatedAt: nowIso() })
        .where(eq(events.id, id))
        .run();
      if (linked) this.setEventSubjects(tx, id, linked);
      const after = this.eventSnapshot(tx, id);
      recordAudit(tx, { actor, action: 'event.update', entityType: 'event', entityId: id, before, after });
      return after;
    });
  }

  /** Sets or clears an event's flyer (a file name under the flyers folder); returns the file it replaced. */
  setEventFlyer(id: number, flyerPath: string | null, actor: Actor): string | null {
    return this.db.transaction((tx) => {
      const before = this.eventSnapshot(tx, id);
      tx.update(events).set({ flyerPath, updatedAt: nowIso() }).where(eq(events.id, id)).run();
      const after = this.eventSnapshot(tx, id);
      recordAudit(tx, { actor, action: 'event.flyer', entityType: 'event', entityId: id, before, after });
      return before.flyerPath;
    });
  }

  /**
   * Events are announcements, not a record anyone is scored on, so a cancelled one can go.
   * Returns its flyer's file name, for the caller to delete once the row is gone.
   */
  deleteEvent(id: number, actor: Actor): string | null {
    return this.db.transaction((tx) => {
      const before = this.eventSnapshot(tx, id);
      tx.delete(events).where(eq(events.id, id)).run();
      recordAudit(tx, { actor, action: 'event.delete', entityType: 'event', entityId: id, before });
      return before.flyerPath;
    });
  }

  /** English lives on the standard; another language goes to its translation row, created on first edit. */
  updateStandard(slug: string, patch: StandardPatch, lang: Language, actor: Actor) {
    this.db.transaction((tx) => {
      const standard = tx.select().from(standards).where(eq(standards.slug, slug)).get();
      if (!standard) throw notFoundBy('standard', slug);
      const entity = { actor, action: 'standard.update', entityType: 'standard', entityId: standard.id };
      const now = nowIso();
      if (lang === DEFAULT_LANGUAGE) {
        // A changed English text dates itself after every translation's last save (even within
        // the same millisecond), so each translation saved before it reads "needs update".
        const translated = tx
          .select({ at: standardTranslations.textEditedAt })
          .from(standardTranslations)
          .where(eq(standardTranslations.standardId, standard.id))
          .all()
          .map((t) => t.at)
          .filter((at): at is string => at !== null);
        const latest = translated.reduce((a, b) => (a > b ? a : b), '');
        const edited = latest >= now ? new Date(Date.parse(latest) + 1).toISOString() : now;
        const after = tx
          .update(standards)
          .set({ ...patch, updatedAt: now, ...(changesText(standard, patch) ? { textEditedAt: edited } : {}) })
          .where(eq(standards.id, standard.id))
          .returning()
          .get();
        recordAudit(tx, { ...entity, before: standard, after });
        return;
      }
      const where = and(eq(standardTranslations.standardId, standard.id), eq(standardTranslations.lang, lang));
      const before = tx.select().from(standardTranslations).where(where).get() ?? null;
      // Saving a translation confirms it against the English as it is now: never dated before it.
      const edited = standard.textEditedAt && standard.textEditedAt > now ? standard.textEditedAt : now;
      const after = tx
        .insert(standardTranslations)
        .values({ standardId: standard.id, lang, ...patch, textEditedAt: edited })
        .onConflictDoUpdate({
          target: [standardTranslations.standardId, standardTranslations.lang],
          set: { ...patch, updatedAt: now, textEditedAt: edited },
        })
        .returning()
        .get();
      recordAudit(tx, { ...entity, before, after });
    });
  }

  /** The methodology's plain-language steps and review text in one language. */
  updateMethodologyText(lang: Language, patch: MethodologyTextPatch, actor: Actor) {
    this.db.transaction((tx) => {
      const before = tx.select().from(methodologyTexts).where(eq(methodologyTexts.lang, lang)).get() ?? null;
      const steps = patch.steps ?? before?.steps;
      const review = patch.review ?? before?.review;
      if (!steps || !review) {
        const field = steps ? 'review' : 'steps';
        const message = `the first ${lang} text needs both steps and review`;
        throw new HttpError(400, 'validation', `body.${field}: ${message}`, [{ field: `body.${field}`, message }]);
      }
      const after = tx
        .insert(methodologyTexts)
        .values({ lang, steps, review })
        .onConflictDoUpdate({ target: methodologyTexts.lang, set: { steps, review, updatedAt: nowIso() } })
        .returning()
        .get();
      recordAudit(tx, { actor, action: 'methodology.update', entityType: 'methodology', entityId: lang, before, after });
    });
  }
  /**
   * Deletes every row marked `demo` — the fictional people, their election, events and
   * evidence with its sources and revisions — in one transaction with one audit row. Entries
   * anyone wrote about a demo person go too (they cannot outlive the person), and so do the
   * links from real elections and events to demo people; nothing else that is real is touched.
   * Returns how many rows of each went.
   */
  removeDemo(actor: Actor | null): DemoRemoval {
    return this.db.transaction((tx) => {
      const demoPeople = tx
        .select({ id: subjects.id })
        .from(subjects)
        .where(eq(subjects.demo, true))
        .all()
        .map((r) => r.id);
      const entryIds = tx
        .select({ id: evidence.id })
        .from(evidence)
        .where(demoPeople.length ? or(eq(evidence.demo, true), inArray(evidence.subjectId, demoPeople)) : eq(evidence.demo, true))
        .all()
        .map((r) => r.id);
      const removed: DemoRemoval = { people: demoPeople.length, elections: 0, events: 0, evidence: entryIds.length };
      if (entryIds.length) {
        tx.delete(evidenceSources).where(inArray(evidenceSources.evidenceId, entryIds)).run();
        tx.delete(evidenceRevisions).where(inArray(evidenceRevisions.evidenceId, entryIds)).run();
        tx.delete(evidence).where(inArray(evidence.id, entryIds)).run();
      }
      removed.elections = tx.delete(elections).where(eq(elections.demo, true)).run().changes;
      removed.events = tx.delete(events).where(eq(events.demo, true)).run().changes;
      if (demoPeople.length) {
        tx.delete(electionCandidates).where(inArray(electionCandidates.subjectId, demoPeople)).run();
        tx.delete(eventSubjects).where(inArray(eventSubjects.subjectId, demoPeople)).run();
        tx.delete(subjects).where(inArray(subjects.id, demoPeople)).run();
      }
      recordAudit(tx, { actor, action: 'demo.remove', entityType: 'demo', entityId: null, after: removed });
      return removed;
    });
  }
}

/** How many rows of each kind removing the demo deleted. */
export interface DemoRemoval {
  people: number;
  elections: number;
  events: number;
  evidence: number;
}
