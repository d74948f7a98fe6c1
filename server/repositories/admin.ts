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
import { inTransaction, recordAudit, type Actor, type Tx } from './audit.js';
import { saveTranslations } from './translations.js';
import { FlyerRepository, type FlyerImage } from './flyers.js';

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
async function subjectIds(tx: Tx, slugs: string[], field: string): Promise<number[]> {
  if (slugs.length === 0) return [];
  const found = new Map(
    (await tx.select({ id: subjects.id, slug: subjects.slug }).from(subjects).where(inArray(subjects.slug, slugs))).map((r) => [
      r.slug,
      r.id,
    ]),
  );
  return slugs.map((slug, i) => {
    const id = found.get(slug);
    if (id === undefined) {
      const message = `"${slug}" is not anyone on the scorecard`;
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
  private readonly flyers: FlyerRepository;

  constructor(private readonly db: Db) {
    this.flyers = new FlyerRepository(db);
  }

  createSubject({ translations, ...input }: SubjectInput, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      if ((await tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.slug, input.slug)).limit(1)).length)
        throw slugTaken('subject', input.slug);
      const [after] = await tx.insert(subjects).values(input).returning();
      await saveTranslations(tx, 'subject', after.id, translations);
      await recordAudit(tx, {
        actor,
        action: 'subject.create',
        entityType: 'subject',
        entityId: after.id,
        after: { ...after, translations },
      });
      return after;
    });
  }

  updateSubject(slug: string, { translations, ...patch }: SubjectPatch, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      const [before] = await tx.select().from(subjects).where(eq(subjects.slug, slug)).limit(1);
      if (!before) throw notFoundBy('subject', slug);
      const [after] = await tx
        .update(subjects)
        .set({ ...patch, updatedAt: nowIso() })
        .where(eq(subjects.id, before.id))
        .returning();
      await saveTranslations(tx, 'subject', before.id, translations);
      await recordAudit(tx, {
        actor,
        action: 'subject.update',
        entityType: 'subject',
        entityId: before.id,
        before,
        after: { ...after, translations },
      });
      return after;
    });
  }

  private async electionSnapshot(tx: Tx, id: number) {
    const [row] = await tx.select().from(elections).where(eq(elections.id, id)).limit(1);
    const candidates = (
      await tx
        .select({ slug: subjects.slug })
        .from(electionCandidates)
        .innerJoin(subjects, eq(subjects.id, electionCandidates.subjectId))
        .where(eq(electionCandidates.electionId, id))
        .orderBy(electionCandidates.position)
    ).map((r) => r.slug);
    return { ...row, candidates };
  }

  private async setCandidates(tx: Tx, electionId: number, slugs: string[]) {
    const ids = await subjectIds(tx, slugs, 'candidates');
    await tx.delete(electionCandidates).where(eq(electionCandidates.electionId, electionId));
    for (const [position, subjectId] of ids.entries()) await tx.insert(electionCandidates).values({ electionId, subjectId, position });
  }

  createElection({ candidates, translations, ...fields }: ElectionInput, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      if ((await tx.select({ id: elections.id }).from(elections).where(eq(elections.slug, fields.slug)).limit(1)).length)
        throw slugTaken('election', fields.slug);
      const [{ id }] = await tx.insert(elections).values(fields).returning({ id: elections.id });
      await this.setCandidates(tx, id, candidates);
      await saveTranslations(tx, 'election', id, translations);
      const after = await this.electionSnapshot(tx, id);
      await recordAudit(tx, { actor, action: 'election.create', entityType: 'election', entityId: id, after: { ...after, translations } });
      return after;
    });
  }

  updateElection(slug: string, { candidates, translations, ...fields }: ElectionPatch, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      const [row] = await tx.select({ id: elections.id }).from(elections).where(eq(elections.slug, slug)).limit(1);
      if (!row) throw notFoundBy('election', slug);
      const before = await this.electionSnapshot(tx, row.id);
      await tx
        .update(elections)
        .set({ ...fields, updatedAt: nowIso() })
        .where(eq(elections.id, row.id));
      if (candidates) await this.setCandidates(tx, row.id, candidates);
      await saveTranslations(tx, 'election', row.id, translations);
      const after = await this.electionSnapshot(tx, row.id);
      await recordAudit(tx, {
        actor,
        action: 'election.update',
        entityType: 'election',
        entityId: row.id,
        before,
        after: { ...after, translations },
      });
      return after;
    });
  }

  private async eventSnapshot(tx: Tx, id: number) {
    const [row] = await tx.select().from(events).where(eq(events.id, id)).limit(1);
    if (!row) throw notFoundBy('event', id);
    const linked = (
      await tx
        .select({ slug: subjects.slug })
        .from(eventSubjects)
        .innerJoin(subjects, eq(subjects.id, eventSubjects.subjectId))
        .where(eq(eventSubjects.eventId, id))
    )
      .map((r) => r.slug)
      .sort();
    return { ...row, subjects: linked };
  }

  private async setEventSubjects(tx: Tx, eventId: number, slugs: string[]) {
    const ids = await subjectIds(tx, slugs, 'subjects');
    await tx.delete(eventSubjects).where(eq(eventSubjects.eventId, eventId));
    for (const subjectId of new Set(ids)) await tx.insert(eventSubjects).values({ eventId, subjectId });
  }

  createEvent({ subjects: linked, translations, ...fields }: EventInput, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      // Stored in UTC so start times sort and compare correctly as text.
      const [{ id }] = await tx
        .insert(events)
        .values({ ...fields, startsAt: new Date(fields.startsAt).toISOString() })
        .returning({ id: events.id });
      await this.setEventSubjects(tx, id, linked);
      await saveTranslations(tx, 'event', id, translations);
      const after = await this.eventSnapshot(tx, id);
      await recordAudit(tx, { actor, action: 'event.create', entityType: 'event', entityId: id, after: { ...after, translations } });
      return after;
    });
  }

  updateEvent(id: number, { subjects: linked, translations, ...fields }: EventPatch, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      const before = await this.eventSnapshot(tx, id);
      const startsAt = fields.startsAt === undefined ? {} : { startsAt: new Date(fields.startsAt).toISOString() };
      await tx
        .update(events)
        .set({ ...fields, ...startsAt, updatedAt: nowIso() })
        .where(eq(events.id, id));
      if (linked) await this.setEventSubjects(tx, id, linked);
      await saveTranslations(tx, 'event', id, translations);
      const after = await this.eventSnapshot(tx, id);
      await recordAudit(tx, {
        actor,
        action: 'event.update',
        entityType: 'event',
        entityId: id,
        before,
        after: { ...after, translations },
      });
      return after;
    });
  }

  /**
   * Sets or clears an event's flyer: the image is stored, the event names it and the image it
   * replaced is deleted, in one unit with the audit entry.
   */
  setEventFlyer(id: number, flyer: FlyerImage | null, actor: Actor): Promise<void> {
    return inTransaction(this.db, async (tx) => {
      const before = await this.eventSnapshot(tx, id);
      if (flyer) await this.flyers.store(tx, id, flyer);
      const flyerPath = flyer?.name ?? null;
      await tx.update(events).set({ flyerPath, updatedAt: nowIso() }).where(eq(events.id, id));
      if (before.flyerPath && before.flyerPath !== flyerPath) await this.flyers.remove(tx, before.flyerPath);
      const after = await this.eventSnapshot(tx, id);
      await recordAudit(tx, { actor, action: 'event.flyer', entityType: 'event', entityId: id, before, after });
    });
  }

  /**
   * Events are announcements, not a record anyone is scored on, so a cancelled one can go;
   * its flyer goes with it (event_flyers cascades).
   */
  deleteEvent(id: number, actor: Actor): Promise<void> {
    return inTransaction(this.db, async (tx) => {
      const before = await this.eventSnapshot(tx, id);
      await tx.delete(events).where(eq(events.id, id));
      await recordAudit(tx, { actor, action: 'event.delete', entityType: 'event', entityId: id, before });
    });
  }

  /** English lives on the standard; another language goes to its translation row, created on first edit. */
  async updateStandard(slug: string, patch: StandardPatch, lang: Language, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const [standard] = await tx.select().from(standards).where(eq(standards.slug, slug)).limit(1);
      if (!standard) throw notFoundBy('standard', slug);
      const entity = { actor, action: 'standard.update', entityType: 'standard', entityId: standard.id };
      const now = nowIso();
      if (lang === DEFAULT_LANGUAGE) {
        // A changed English text dates itself after every translation's last save (even within
        // the same millisecond), so each translation saved before it reads "needs update".
        const translated = (
          await tx
            .select({ at: standardTranslations.textEditedAt })
            .from(standardTranslations)
            .where(eq(standardTranslations.standardId, standard.id))
        )
          .map((t) => t.at)
          .filter((at): at is string => at !== null);
        const latest = translated.reduce((a, b) => (a > b ? a : b), '');
        const edited = latest >= now ? new Date(Date.parse(latest) + 1).toISOString() : now;
        const [after] = await tx
          .update(standards)
          .set({ ...patch, updatedAt: now, ...(changesText(standard, patch) ? { textEditedAt: edited } : {}) })
          .where(eq(standards.id, standard.id))
          .returning();
        await recordAudit(tx, { ...entity, before: standard, after });
        return;
      }
      const where = and(eq(standardTranslations.standardId, standard.id), eq(standardTranslations.lang, lang));
      const before = (await tx.select().from(standardTranslations).where(where).limit(1))[0] ?? null;
      // Saving a translation confirms it against the English as it is now: never dated before it.
      const edited = standard.textEditedAt && standard.textEditedAt > now ? standard.textEditedAt : now;
      const [after] = await tx
        .insert(standardTranslations)
        .values({ standardId: standard.id, lang, ...patch, textEditedAt: edited })
        .onConflictDoUpdate({
          target: [standardTranslations.standardId, standardTranslations.lang],
          set: { ...patch, updatedAt: now, textEditedAt: edited },
        })
        .returning();
      await recordAudit(tx, { ...entity, before, after });
    });
  }

  /** The methodology's plain-language steps and review text in one language. */
  async updateMethodologyText(lang: Language, patch: MethodologyTextPatch, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const before = (await tx.select().from(methodologyTexts).where(eq(methodologyTexts.lang, lang)).limit(1))[0] ?? null;
      const steps = patch.steps ?? before?.steps;
      const review = patch.review ?? before?.review;
      if (!steps || !review) {
        const field = steps ? 'review' : 'steps';
        const message = `the first ${lang} text needs both steps and review`;
        throw new HttpError(400, 'validation', `body.${field}: ${message}`, [{ field: `body.${field}`, message }]);
      }
      const [after] = await tx
        .insert(methodologyTexts)
        .values({ lang, steps, review })
        .onConflictDoUpdate({ target: methodologyTexts.lang, set: { steps, review, updatedAt: nowIso() } })
        .returning();
      await recordAudit(tx, { actor, action: 'methodology.update', entityType: 'methodology', entityId: lang, before, after });
    });
  }
  /**
   * Deletes every row marked `demo` — the fictional people, their election, events and
   * evidence with its sources and revisions — in one transaction with one audit row. Entries
   * anyone wrote about a demo person go too (they cannot outlive the person), and so do the
   * links from real elections and events to demo people; nothing else that is real is touched.
   * Returns how many rows of each went.
   */
  removeDemo(actor: Actor | null): Promise<DemoRemoval> {
    return inTransaction(this.db, async (tx) => {
      const demoPeople = (await tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.demo, true))).map((r) => r.id);
      const entryIds = (
        await tx
          .select({ id: evidence.id })
          .from(evidence)
          .where(demoPeople.length ? or(eq(evidence.demo, true), inArray(evidence.subjectId, demoPeople)) : eq(evidence.demo, true))
      ).map((r) => r.id);
      const removed: DemoRemoval = { people: demoPeople.length, elections: 0, events: 0, evidence: entryIds.length };
      if (entryIds.length) {
        await tx.delete(evidenceSources).where(inArray(evidenceSources.evidenceId, entryIds));
        await tx.delete(evidenceRevisions).where(inArray(evidenceRevisions.evidenceId, entryIds));
        await tx.delete(evidence).where(inArray(evidence.id, entryIds));
      }
      removed.elections = (await tx.delete(elections).where(eq(elections.demo, true)).returning({ id: elections.id })).length;
      removed.events = (await tx.delete(events).where(eq(events.demo, true)).returning({ id: events.id })).length;
      if (demoPeople.length) {
        await tx.delete(electionCandidates).where(inArray(electionCandidates.subjectId, demoPeople));
        await tx.delete(eventSubjects).where(inArray(eventSubjects.subjectId, demoPeople));
        await tx.delete(subjects).where(inArray(subjects.id, demoPeople));
      }
      await recordAudit(tx, { actor, action: 'demo.remove', entityType: 'demo', entityId: null, after: removed });
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
