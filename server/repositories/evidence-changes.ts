import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection.js';
import { aliasedJoin } from '../../db/engine.js';
import { nowIso } from '../../db/schema/columns.js';
import {
  evidence,
  evidenceChanges,
  standards,
  subjects,
  users,
  type ChangeKind,
  type ChangeStatus,
  type EvidenceChangeRow,
} from '../../db/schema/index.js';
import { gradeFor, roundScore, standardScore, type Kind } from '../../core/scoring/method.js';
import { HttpError } from '../errors.js';
import type { EvidenceChanges, WorkspaceEvidence } from '../schemas/evidence-workspace.js';
import type { ProposedChange } from '../schemas/evidence-changes.js';
import { countRows, inTransaction, recordAudit, type Actor, type Paging } from './audit.js';
import { CONTENT_FIELDS, refuseOwn, requireStatus, type EvidenceWorkspaceRepository } from './evidence-workspace.js';

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

type Graded = { score: number; grade: ReturnType<typeof gradeFor> } | null;
const graded = (score: number | null): Graded => (score === null ? null : { score: roundScore(score), grade: gradeFor(roundScore(score)) });

/**
 * Corrections and retractions of published evidence, as proposals. Proposing changes nothing
 * public; only the approval of a second reviewer, who is neither the proposer nor the entry's
 * submitter, applies it, in one transaction with the entry's revision and audit rows.
 */
export class EvidenceChangeRepository {
  constructor(
    private readonly db: Db,
    private readonly entries: EvidenceWorkspaceRepository,
  ) {}

  /** Records a proposal against the revision the proposer saw; one open proposal per entry. */
  propose(id: number, kind: ChangeKind, fields: EvidenceChanges, note: string, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      const entry = await this.entries.findOr404(id, tx);
      if (kind === 'correction') refuseOwn(entry, actor, 'correct');
      requireStatus(entry, 'published', kind === 'correction' ? 'corrected' : 'retracted');
      // An unknown person or standard is a 400 now, not at approval; so is moving it onto an archived person.
      await this.entries.resolve(tx, fields, 'body', entry.subject);
      const [open] = await tx
        .select({ id: evidenceChanges.id })
        .from(evidenceChanges)
        .where(and(eq(evidenceChanges.evidenceId, id), eq(evidenceChanges.status, 'pending')))
        .limit(1);
      if (open)
        throw new HttpError(
          409,
          'change-pending',
          `Change ${open.id} to this entry already awaits a second reviewer; approve or reject it first`,
        );
      const [row] = await tx
        .insert(evidenceChanges)
        .values({ evidenceId: id, kind, fields, note, baseRevision: entry.revision, proposedBy: actor.id })
        .returning();
      await recordAudit(tx, { actor, action: `change.propose`, entityType: 'evidence-change', entityId: row.id, after: row });
      return { id: row.id, kind: row.kind, status: row.status };
    });
  }

  /**
   * Approves (applies) or rejects a proposal. Self-approval and approval by the entry's
   * submitter are refused; so is a proposal whose entry changed after it was made.
   */
  review(changeId: number, decision: 'approve' | 'reject', note: string | undefined, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      const [change] = await tx.select().from(evidenceChanges).where(eq(evidenceChanges.id, changeId)).limit(1);
      if (!change) throw new HttpError(404, 'not-found', `No proposed change with id ${changeId}`);
      if (change.status !== 'pending') throw new HttpError(409, 'wrong-status', `This change is already ${change.status}`);
      const entry = await this.entries.findOr404(change.evidenceId, tx);
      if (change.proposedBy === actor.id)
        throw new HttpError(403, 'own-proposal', 'You proposed this change, so another reviewer must decide on it');
      if (entry.submittedBy?.id === actor.id)
        throw new HttpError(403, 'own-submission', 'You submitted this entry, so another reviewer must decide on changes to it');
      const now = nowIso();
      if (decision === 'approve') {
        requireStatus(entry, 'published', change.kind === 'correction' ? 'corrected' : 'retracted');
        if (entry.revision !== change.baseRevision) {
          throw new HttpError(409, 'stale', 'The entry changed after this change was proposed; reject it and propose it again');
        }
        if (change.kind === 'correction') {
          await this.entries.change(tx, entry, 'correct', actor, change.fields as EvidenceChanges, {
            correctedAt: now,
            correctionNote: change.note,
          });
        } else {
          await this.entries.change(
            tx,
            entry,
            'retract',
            actor,
            {},
            { status: 'retracted', retractedAt: now, retractionReason: change.note },
          );
        }
      }
      const status: ChangeStatus = decision === 'approve' ? 'approved' : 'rejected';
      await tx
        .update(evidenceChanges)
        .set({ status, reviewedBy: actor.id, reviewNote: note ?? null, reviewedAt: now })
        .where(eq(evidenceChanges.id, changeId));
      await recordAudit(tx, {
        actor,
        action: `change.${decision}`,
        entityType: 'evidence-change',
        entityId: changeId,
        before: change,
        after: { ...change, status, reviewedBy: actor.id, reviewNote: note ?? null, reviewedAt: now },
      });
      return { id: changeId, kind: change.kind, status };
    });
  }

  /** Proposals with every field before and after and the grades they move; pending ones oldest first. */
  async list(
    status: ChangeStatus | undefined,
    paging: Paging,
  ): Promise<{ items: ProposedChange[]; page: number; pageSize: number; total: number }> {
    const where = status === undefined ? undefined : eq(evidenceChanges.status, status);
    const rows = await this.db
      .select({ change: evidenceChanges, proposerName: proposer.displayName, deciderName: decider.displayName })
      .from(evidenceChanges)
      .leftJoin(aliasedJoin(proposer, this.db), eq(proposer.id, evidenceChanges.proposedBy))
      .leftJoin(aliasedJoin(decider, this.db), eq(decider.id, evidenceChanges.reviewedBy))
      .where(where)
      .orderBy(status === 'pending' ? asc(evidenceChanges.id) : desc(evidenceChanges.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize);
    const items: ProposedChange[] = [];
    for (const { change, proposerName, deciderName } of rows) items.push(await this.describe(change, proposerName, deciderName));
    return { items, ...paging, total: await countRows(this.db, evidenceChanges, where) };
  }

  private async describe(change: EvidenceChangeRow, proposerName: string | null, deciderName: string | null): Promise<ProposedChange> {
    const entry = await this.entries.findOr404(change.evidenceId);
    const proposed = change.fields as EvidenceChanges;
    const merged = { ...pickContent(entry), ...(change.kind === 'correction' ? proposed : {}) };
    // As stored: a source given without a publisher or archive link has them as null.
    const after = {
      ...merged,
      sources: merged.sources.map((s) => ({
        url: s.url,
        title: s.title,
        publisher: s.publisher ?? null,
        archiveUrl: s.archiveUrl ?? null,
      })),
    };
    const fields: Array<{ field: string; before: unknown; after: unknown; changed: boolean }> = CONTENT_FIELDS.map((field) => ({
      field,
      before: pickContent(entry)[field],
      after: after[field],
      changed: JSON.stringify(pickContent(entry)[field]) !== JSON.stringify(after[field]),
    }));
    // The Spanish title and summary, one row each, so the second reviewer sees a change to them
    // like any other (a correction may set one and leave the other).
    const spanishBefore = entry.translations?.es ?? { title: null, summary: null };
    const spanishAfter = { ...spanishBefore, ...(change.kind === 'correction' ? proposed.translations?.es : {}) };
    for (const key of ['title', 'summary'] as const) {
      const before = spanishBefore[key];
      const afterValue = spanishAfter[key] ?? null;
      fields.push({ field: `${key}Es`, before, after: afterValue, changed: before !== afterValue });
    }
    return {
      id: change.id,
      kind: change.kind,
      status: change.status,
      note: change.note,
      createdAt: change.createdAt,
      proposedBy: change.proposedBy === null ? null : { id: change.proposedBy, displayName: proposerName ?? '' },
      reviewedBy: change.reviewedBy === null ? null : { id: change.reviewedBy, displayName: deciderName ?? '' },
      reviewNote: change.reviewNote,
      reviewedAt: change.reviewedAt,
      stale: change.status === 'pending' && entry.revision !== change.baseRevision,
      entry: {
        id: entry.id,
        title: entry.title,
        subject: entry.subject,
        standard: entry.standard,
        status: entry.status,
        revision: entry.revision,
        submittedBy: entry.submittedBy,
      },
      fields,
      statusAfter: change.kind === 'retraction' ? 'retracted' : entry.status,
      grades: change.status === 'pending' ? await this.grades(entry, change.kind === 'correction' ? after : null) : [],
    };
  }

  /**
   * The person's grade on each standard the change touches, now and if approved: the public
   * method's own functions over the counted evidence, so the queue never disagrees with the
   * scorecard. A correction that moves the entry to another person or standard touches two.
   */
  private async grades(entry: WorkspaceEvidence, after: ReturnType<typeof pickContent> | null) {
    const pairs = new Map<string, { subject: string; standard: string }>();
    pairs.set(`${entry.subject}|${entry.standard}`, { subject: entry.subject, standard: entry.standard });
    if (after) pairs.set(`${after.subject}|${after.standard}`, { subject: after.subject, standard: after.standard });
    const grades = [];
    for (const { subject, standard } of pairs.values()) {
      const counted = await this.db
        .select({ id: evidence.id, rating: evidence.rating, kind: evidence.kind })
        .from(evidence)
        .innerJoin(subjects, eq(subjects.id, evidence.subjectId))
        .innerJoin(standards, eq(standards.id, evidence.standardId))
        .where(and(eq(subjects.slug, subject), eq(standards.slug, standard), eq(evidence.status, 'published')));
      const others = counted.filter((e) => e.id !== entry.id);
      const moved: Array<{ rating: number; kind: Kind }> =
        after && after.subject === subject && after.standard === standard ? [{ rating: after.rating, kind: after.kind }] : [];
      grades.push({ subject, standard, now: graded(standardScore(counted)), after: graded(standardScore([...others, ...moved])) });
    }
    return grades;
  }
}

function pickContent(entry: WorkspaceEvidence) {
  return {
    subject: entry.subject,
    standard: entry.standard,
    rating: entry.rating,
    kind: entry.kind,
    title: entry.title,
    summary: entry.summary,
    occurredOn: entry.occurredOn,
    sources: entry.sources,
  };
}
