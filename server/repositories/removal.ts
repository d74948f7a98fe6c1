import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { electionCandidates, elections, events, eventSubjects, evidence, replies, subjects } from '../../db/schema/index.js';
import { HttpError } from '../errors.js';
import { recordAudit, type Actor, type Writer } from './audit.js';

/**
 * Removing people, elections and events (issue 14). Nothing published silently disappears:
 * a record something published depends on cannot be deleted, only archived — kept, hidden
 * from the public lists, its own URL still answering with an "archived" note — and an
 * archived record can be restored. What may be deleted takes its unpublished belongings with
 * it, in one transaction with its audit row.
 *
 * The public methods are async (issue 18). Their transactions stay synchronous inside:
 * better-sqlite3 runs a transaction as one synchronous call, and awaiting inside it would let
 * other requests' statements run inside this transaction on the shared connection.
 */

/** Evidence that is, or was, public: a retracted entry stays listed with its reason. */
const PUBLIC_EVIDENCE: Array<'published' | 'retracted'> = ['published', 'retracted'];

export type RemovalKind = 'subject' | 'election' | 'event';

/** What removing a record would do, for the confirmation an admin sees first. */
export interface RemovalPlan {
  /** `delete` when nothing published depends on it, else `archive`. */
  outcome: 'delete' | 'archive';
  /** When it was archived; null when it is not. */
  archivedAt: string | null;
  /** What published depends on it (each non-zero count is why it can only be archived). */
  keptBy: { publishedEvidence: number; publishedReplies: number; elections: number };
  /** What goes with it when it is deleted. */
  deletedWith: { unpublishedEvidence: number; unpublishedReplies: number; candidates: number; events: number };
}

const notFound = (kind: RemovalKind, key: string | number) =>
  new HttpError(404, 'not-found', `No ${kind === 'subject' ? 'person' : kind} with ${typeof key === 'number' ? 'id' : 'slug'} "${key}"`);

function subjectRow(writer: Writer, slug: string) {
  const row = writer.select().from(subjects).where(eq(subjects.slug, slug)).get();
  if (!row) throw notFound('subject', slug);
  return row;
}

function electionRow(writer: Writer, slug: string) {
  const row = writer.select().from(elections).where(eq(elections.slug, slug)).get();
  if (!row) throw notFound('election', slug);
  return row;
}

function eventRow(writer: Writer, id: number) {
  const row = writer.select().from(events).where(eq(events.id, id)).get();
  if (!row) throw notFound('event', id);
  return row;
}

const howMany = (writer: Writer, query: { n: number } | undefined) => query?.n ?? 0;

function subjectPlan(writer: Writer, id: number, archivedAt: string | null): RemovalPlan {
  const evidenceOf = (published: boolean) =>
    howMany(
      writer,
      writer
        .select({ n: count() })
        .from(evidence)
        .where(
          and(
            eq(evidence.subjectId, id),
            published ? inArray(evidence.status, PUBLIC_EVIDENCE) : notInArray(evidence.status, PUBLIC_EVIDENCE),
          ),
        )
        .get(),
    );
  const repliesOf = (published: boolean) =>
    howMany(
      writer,
      writer
        .select({ n: count() })
        .from(replies)
        .where(and(eq(replies.subjectId, id), published ? eq(replies.status, 'published') : notInArray(replies.status, ['published'])))
        .get(),
    );
  const keptBy = {
    publishedEvidence: evidenceOf(true),
    publishedReplies: repliesOf(true),
    // An election page, even an archived one, shows its candidates.
    elections: howMany(writer, writer.select({ n: count() }).from(electionCandidates).where(eq(electionCandidates.subjectId, id)).get()),
  };
  return {
    outcome: Object.values(keptBy).some((n) => n > 0) ? 'archive' : 'delete',
    archivedAt,
    keptBy,
    deletedWith: {
      unpublishedEvidence: evidenceOf(false),
      unpublishedReplies: repliesOf(false),
      candidates: 0,
      events: howMany(writer, writer.select({ n: count() }).from(eventSubjects).where(eq(eventSubjects.subjectId, id)).get()),
    },
  };
}

/** Elections and events are announcements no published entry refers to: they can always be deleted. */
function announcementPlan(archivedAt: string | null, candidates: number, linkedPeople: number): RemovalPlan {
  return {
    outcome: 'delete',
    archivedAt,
    keptBy: { publishedEvidence: 0, publishedReplies: 0, elections: 0 },
    deletedWith: { unpublishedEvidence: 0, unpublishedReplies: 0, candidates, events: linkedPeople },
  };
}

function electionPlan(writer: Writer, id: number, archivedAt: string | null) {
  const n = howMany(writer, writer.select({ n: count() }).from(electionCandidates).where(eq(electionCandidates.electionId, id)).get());
  return announcementPlan(archivedAt, n, 0);
}

function eventPlan(writer: Writer, id: number, archivedAt: string | null) {
  const n = howMany(writer, writer.select({ n: count() }).from(eventSubjects).where(eq(eventSubjects.eventId, id)).get());
  return announcementPlan(archivedAt, 0, n);
}

/** The 409 for a delete that would take something published with it, saying what and what to do. */
function inUse(name: string, plan: RemovalPlan) {
  const reasons = [
    plan.keptBy.publishedEvidence &&
      `${plan.keptBy.publishedEvidence} published evidence ${plan.keptBy.publishedEvidence === 1 ? 'entry' : 'entries'}`,
    plan.keptBy.publishedReplies && `${plan.keptBy.publishedReplies} published ${plan.keptBy.publishedReplies === 1 ? 'reply' : 'replies'}`,
    plan.keptBy.elections && `${plan.keptBy.elections} ${plan.keptBy.elections === 1 ? 'election' : 'elections'}`,
  ].filter(Boolean);
  return new HttpError(409, 'in-use', `${name} cannot be deleted: ${reasons.join(', ')} depend on them. Archive them instead.`);
}

export class RemovalRepository {
  constructor(private readonly db: Db) {}

  async subjectPlan(slug: string): Promise<RemovalPlan> {
    return this.db.transaction((tx) => {
      const row = subjectRow(tx, slug);
      return subjectPlan(tx, row.id, row.archivedAt);
    });
  }

  /** Deletes a person nothing published depends on, with their unpublished entries, replies and links. */
  async deleteSubject(slug: string, actor: Actor): Promise<void> {
    this.db.transaction((tx) => {
      const before = subjectRow(tx, slug);
      const plan = subjectPlan(tx, before.id, before.archivedAt);
      if (plan.outcome !== 'delete') throw inUse(before.name, plan);
      // Sources, revisions, proposed changes and replies about these entries go by cascade.
      tx.delete(evidence).where(eq(evidence.subjectId, before.id)).run();
      tx.delete(subjects).where(eq(subjects.id, before.id)).run();
      recordAudit(tx, { actor, action: 'subject.delete', entityType: 'subject', entityId: before.id, before, after: plan.deletedWith });
    });
  }

  async deleteElection(slug: string, actor: Actor): Promise<void> {
    this.db.transaction((tx) => {
      const before = electionRow(tx, slug);
      const plan = electionPlan(tx, before.id, before.archivedAt);
      tx.delete(elections).where(eq(elections.id, before.id)).run();
      recordAudit(tx, { actor, action: 'election.delete', entityType: 'election', entityId: before.id, before, after: plan.deletedWith });
    });
  }

  async electionPlan(slug: string): Promise<RemovalPlan> {
    return this.db.transaction((tx) => {
      const row = electionRow(tx, slug);
      return electionPlan(tx, row.id, row.archivedAt);
    });
  }

  async eventPlan(id: number): Promise<RemovalPlan> {
    return this.db.transaction((tx) => {
      const row = eventRow(tx, id);
      return eventPlan(tx, row.id, row.archivedAt);
    });
  }

  /**
   * Archives (`archived` true) or restores a record: one column, one audit row. Archiving the
   * person in office clears that mark too, so the home page never shows an archived person.
   */
  async setArchived(kind: RemovalKind, key: string | number, archived: boolean, actor: Actor): Promise<void> {
    const archivedAt = archived ? nowIso() : null;
    const action = `${kind}.${archived ? 'archive' : 'restore'}`;
    this.db.transaction((tx) => {
      if (kind === 'subject') {
        const before = subjectRow(tx, String(key));
        if (Boolean(before.archivedAt) === archived) return;
        tx.update(subjects)
          .set({ archivedAt, ...(archived ? { inOffice: false } : {}), updatedAt: nowIso() })
          .where(eq(subjects.id, before.id))
          .run();
        recordAudit(tx, { actor, action, entityType: kind, entityId: before.id, before, after: subjectRow(tx, before.slug) });
      } else if (kind === 'election') {
        const before = electionRow(tx, String(key));
        if (Boolean(before.archivedAt) === archived) return;
        tx.update(elections).set({ archivedAt, updatedAt: nowIso() }).where(eq(elections.id, before.id)).run();
        recordAudit(tx, { actor, action, entityType: kind, entityId: before.id, before, after: electionRow(tx, before.slug) });
      } else {
        const before = eventRow(tx, Number(key));
        if (Boolean(before.archivedAt) === archived) return;
        tx.update(events).set({ archivedAt, updatedAt: nowIso() }).where(eq(events.id, before.id)).run();
        recordAudit(tx, { actor, action, entityType: kind, entityId: before.id, before, after: eventRow(tx, before.id) });
      }
    });
  }
}
