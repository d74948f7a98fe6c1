import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { electionCandidates, elections, events, eventSubjects, evidence, replies, subjects } from '../../db/schema/index.js';
import { HttpError } from '../errors.js';
import { countRows, inTransaction, recordAudit, type Actor, type Reader } from './audit.js';

/**
 * Removing people, elections and events (issue 14). Nothing published silently disappears:
 * a record something published depends on cannot be deleted, only archived — kept, hidden
 * from the public lists, its own URL still answering with an "archived" note — and an
 * archived record can be restored. What may be deleted takes its unpublished belongings with
 * it, in one unit of work with its audit row.
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

async function subjectRow(reader: Reader, slug: string) {
  const [row] = await reader.select().from(subjects).where(eq(subjects.slug, slug)).limit(1);
  if (!row) throw notFound('subject', slug);
  return row;
}

async function electionRow(reader: Reader, slug: string) {
  const [row] = await reader.select().from(elections).where(eq(elections.slug, slug)).limit(1);
  if (!row) throw notFound('election', slug);
  return row;
}

async function eventRow(reader: Reader, id: number) {
  const [row] = await reader.select().from(events).where(eq(events.id, id)).limit(1);
  if (!row) throw notFound('event', id);
  return row;
}

async function subjectPlan(reader: Reader, id: number, archivedAt: string | null): Promise<RemovalPlan> {
  const evidenceOf = (published: boolean) =>
    countRows(
      reader,
      evidence,
      and(eq(evidence.subjectId, id), published ? inArray(evidence.status, PUBLIC_EVIDENCE) : notInArray(evidence.status, PUBLIC_EVIDENCE)),
    );
  const repliesOf = (published: boolean) =>
    countRows(
      reader,
      replies,
      and(eq(replies.subjectId, id), published ? eq(replies.status, 'published') : notInArray(replies.status, ['published'])),
    );
  const keptBy = {
    publishedEvidence: await evidenceOf(true),
    publishedReplies: await repliesOf(true),
    // An election page, even an archived one, shows its candidates.
    elections: await countRows(reader, electionCandidates, eq(electionCandidates.subjectId, id)),
  };
  return {
    outcome: Object.values(keptBy).some((n) => n > 0) ? 'archive' : 'delete',
    archivedAt,
    keptBy,
    deletedWith: {
      unpublishedEvidence: await evidenceOf(false),
      unpublishedReplies: await repliesOf(false),
      candidates: 0,
      events: await countRows(reader, eventSubjects, eq(eventSubjects.subjectId, id)),
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
    const row = await subjectRow(this.db, slug);
    return subjectPlan(this.db, row.id, row.archivedAt);
  }

  async electionPlan(slug: string): Promise<RemovalPlan> {
    const row = await electionRow(this.db, slug);
    return announcementPlan(row.archivedAt, await countRows(this.db, electionCandidates, eq(electionCandidates.electionId, row.id)), 0);
  }

  async eventPlan(id: number): Promise<RemovalPlan> {
    const row = await eventRow(this.db, id);
    return announcementPlan(row.archivedAt, 0, await countRows(this.db, eventSubjects, eq(eventSubjects.eventId, row.id)));
  }

  /** Deletes a person nothing published depends on, with their unpublished entries, replies and links. */
  async deleteSubject(slug: string, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const before = await subjectRow(tx, slug);
      const plan = await subjectPlan(tx, before.id, before.archivedAt);
      if (plan.outcome !== 'delete') throw inUse(before.name, plan);
      // Sources, revisions, proposed changes and replies about these entries go by cascade.
      await tx.delete(evidence).where(eq(evidence.subjectId, before.id));
      await tx.delete(subjects).where(eq(subjects.id, before.id));
      await recordAudit(tx, {
        actor,
        action: 'subject.delete',
        entityType: 'subject',
        entityId: before.id,
        before,
        after: plan.deletedWith,
      });
    });
  }

  /** Deletes an election and its candidate list; the people stay. */
  async deleteElection(slug: string, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const before = await electionRow(tx, slug);
      const candidates = await countRows(tx, electionCandidates, eq(electionCandidates.electionId, before.id));
      await tx.delete(elections).where(eq(elections.id, before.id));
      await recordAudit(tx, {
        actor,
        action: 'election.delete',
        entityType: 'election',
        entityId: before.id,
        before,
        after: { candidates },
      });
    });
  }

  /**
   * Archives (`archived` true) or restores a record: one column, one audit row. Archiving the
   * person in office clears that mark too, so the home page never shows an archived person.
   */
  async setArchived(kind: RemovalKind, key: string | number, archived: boolean, actor: Actor): Promise<void> {
    const archivedAt = archived ? nowIso() : null;
    const action = `${kind}.${archived ? 'archive' : 'restore'}`;
    await inTransaction(this.db, async (tx) => {
      if (kind === 'subject') {
        const before = await subjectRow(tx, String(key));
        if (Boolean(before.archivedAt) === archived) return;
        await tx
          .update(subjects)
          .set({ archivedAt, ...(archived ? { inOffice: false } : {}), updatedAt: nowIso() })
          .where(eq(subjects.id, before.id));
        await recordAudit(tx, { actor, action, entityType: kind, entityId: before.id, before, after: await subjectRow(tx, before.slug) });
      } else if (kind === 'election') {
        const before = await electionRow(tx, String(key));
        if (Boolean(before.archivedAt) === archived) return;
        await tx.update(elections).set({ archivedAt, updatedAt: nowIso() }).where(eq(elections.id, before.id));
        await recordAudit(tx, { actor, action, entityType: kind, entityId: before.id, before, after: await electionRow(tx, before.slug) });
      } else {
        const before = await eventRow(tx, Number(key));
        if (Boolean(before.archivedAt) === archived) return;
        await tx.update(events).set({ archivedAt, updatedAt: nowIso() }).where(eq(events.id, before.id));
        await recordAudit(tx, { actor, action, entityType: kind, entityId: before.id, before, after: await eventRow(tx, before.id) });
      }
    });
  }
}
