import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { evidence, replies, replyLinks, standards, subjects, type ReplyStatus } from '../../db/schema/index.js';
import { newToken, tokenHash } from '../auth/token.js';
import { HttpError } from '../errors.js';
import type { PublicReply } from '../schemas/evidence.js';
import { countRows, inTransaction, recordAudit, type Actor, type Paging } from './audit.js';

const DAY_MS = 86_400_000;
export const REPLY_LINK_DAYS = 30;

const linkColumns = {
  id: replyLinks.id,
  createdAt: replyLinks.createdAt,
  expiresAt: replyLinks.expiresAt,
  revokedAt: replyLinks.revokedAt,
};

/** One and the same answer for an unknown, expired or revoked link: it tells a guesser nothing. */
const invalidLink = () =>
  new HttpError(
    410,
    'reply-link-invalid',
    'This reply link is not valid: it may have expired or been revoked. Ask the coalition for a new one',
  );

/**
 * The right of reply: links an admin sends to a graded person's office, the replies sent
 * through them, and their review (for abuse only). A reply never touches evidence or scores.
 */
export class ReplyRepository {
  constructor(private readonly db: Db) {}

  private async subjectOr404(slug: string) {
    const [row] = await this.db
      .select({ id: subjects.id, slug: subjects.slug, name: subjects.name })
      .from(subjects)
      .where(eq(subjects.slug, slug))
      .limit(1);
    if (!row) throw new HttpError(404, 'not-found', `No subject with slug "${slug}"`);
    return row;
  }

  /** A new link; its token is returned once and only its hash is stored. */
  async createLink(slug: string, days: number, actor: Actor) {
    const subject = await this.subjectOr404(slug);
    return inTransaction(this.db, async (tx) => {
      const token = newToken();
      const [row] = await tx
        .insert(replyLinks)
        .values({
          subjectId: subject.id,
          tokenHash: tokenHash(token),
          createdBy: actor.id,
          expiresAt: new Date(Date.now() + days * DAY_MS).toISOString(),
        })
        .returning(linkColumns);
      await recordAudit(tx, {
        actor,
        action: 'reply-link.create',
        entityType: 'reply-link',
        entityId: row.id,
        after: { ...row, subject: slug },
      });
      return { ...row, token };
    });
  }

  async listLinks(slug: string) {
    const subject = await this.subjectOr404(slug);
    return await this.db.select(linkColumns).from(replyLinks).where(eq(replyLinks.subjectId, subject.id)).orderBy(desc(replyLinks.id));
  }

  async revokeLink(slug: string, id: number, actor: Actor) {
    const subject = await this.subjectOr404(slug);
    await inTransaction(this.db, async (tx) => {
      const [link] = await tx
        .select(linkColumns)
        .from(replyLinks)
        .where(and(eq(replyLinks.id, id), eq(replyLinks.subjectId, subject.id)))
        .limit(1);
      if (!link) throw new HttpError(404, 'not-found', `No reply link ${id} for ${slug}`);
      if (link.revokedAt) return;
      const revokedAt = nowIso();
      await tx.update(replyLinks).set({ revokedAt }).where(eq(replyLinks.id, id));
      await recordAudit(tx, {
        actor,
        action: 'reply-link.revoke',
        entityType: 'reply-link',
        entityId: id,
        before: link,
        after: { ...link, revokedAt },
      });
    });
  }

  /** The person a valid link speaks for; 410 for anything else. */
  async subjectForToken(token: string) {
    const [row] = await this.db
      .select({ linkId: replyLinks.id, subjectId: subjects.id, slug: subjects.slug, name: subjects.name, expiresAt: replyLinks.expiresAt })
      .from(replyLinks)
      .innerJoin(subjects, eq(subjects.id, replyLinks.subjectId))
      .where(and(eq(replyLinks.tokenHash, tokenHash(token)), isNull(replyLinks.revokedAt), gt(replyLinks.expiresAt, nowIso())))
      .limit(1);
    if (!row) throw invalidLink();
    return row;
  }

  /**
   * Stores a reply for review. The entry must be public and about the link's own person: a
   * link is never good for replying about someone else.
   */
  async submit(input: { token: string; evidenceId?: number; standard?: string; body: string; url?: string }) {
    const link = await this.subjectForToken(input.token);
    return inTransaction(this.db, async (tx) => {
      let evidenceId: number | null = null;
      let standardId: number | null = null;
      if (input.evidenceId !== undefined) {
        const [entry] = await tx
          .select({ id: evidence.id, subjectId: evidence.subjectId, status: evidence.status })
          .from(evidence)
          .where(eq(evidence.id, input.evidenceId))
          .limit(1);
        if (!entry || (entry.status !== 'published' && entry.status !== 'retracted'))
          throw fieldError('body.evidenceId', `no public evidence with id ${input.evidenceId}`);
        if (entry.subjectId !== link.subjectId)
          throw new HttpError(403, 'other-person', 'This reply link is for another person’s scorecard');
        evidenceId = entry.id;
      } else if (input.standard !== undefined) {
        const [row] = await tx.select({ id: standards.id }).from(standards).where(eq(standards.slug, input.standard)).limit(1);
        if (!row) throw fieldError('body.standard', `no standard with slug "${input.standard}"`);
        standardId = row.id;
      }
      const [row] = await tx
        .insert(replies)
        .values({ subjectId: link.subjectId, linkId: link.linkId, evidenceId, standardId, body: input.body, url: input.url ?? null })
        .returning({ id: replies.id, status: replies.status, createdAt: replies.createdAt });
      await recordAudit(tx, {
        actor: null,
        action: 'reply.submit',
        entityType: 'reply',
        entityId: row.id,
        after: { ...row, subject: link.slug, evidenceId, standard: input.standard ?? null, body: input.body, url: input.url ?? null },
      });
      return row;
    });
  }

  /** For reviewers: replies in a status (pending ones oldest first), with what they answer. */
  async list(status: ReplyStatus | undefined, paging: Paging) {
    const where = status === undefined ? undefined : eq(replies.status, status);
    const items = await this.db
      .select({
        id: replies.id,
        subject: subjects.slug,
        subjectName: subjects.name,
        evidenceId: replies.evidenceId,
        evidenceTitle: evidence.title,
        standard: standards.slug,
        body: replies.body,
        url: replies.url,
        status: replies.status,
        reviewNote: replies.reviewNote,
        createdAt: replies.createdAt,
        publishedAt: replies.publishedAt,
      })
      .from(replies)
      .innerJoin(subjects, eq(subjects.id, replies.subjectId))
      .leftJoin(evidence, eq(evidence.id, replies.evidenceId))
      .leftJoin(standards, eq(standards.id, replies.standardId))
      .where(where)
      .orderBy(status === 'pending' ? asc(replies.id) : desc(replies.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize);
    return { items, ...paging, total: await countRows(this.db, replies, where) };
  }

  review(id: number, decision: 'publish' | 'reject', note: string | undefined, actor: Actor) {
    return inTransaction(this.db, async (tx) => {
      const [before] = await tx.select().from(replies).where(eq(replies.id, id)).limit(1);
      if (!before) throw new HttpError(404, 'not-found', `No reply with id ${id}`);
      if (before.status !== 'pending') throw new HttpError(409, 'wrong-status', `This reply is already ${before.status}`);
      const now = nowIso();
      const status: ReplyStatus = decision === 'publish' ? 'published' : 'rejected';
      const after = {
        ...before,
        status,
        reviewedBy: actor.id,
        reviewNote: note ?? null,
        reviewedAt: now,
        publishedAt: status === 'published' ? now : null,
      };
      await tx.update(replies).set(after).where(eq(replies.id, id));
      await recordAudit(tx, { actor, action: `reply.${decision}`, entityType: 'reply', entityId: id, before, after });
      return { id, status };
    });
  }

  /** Published replies to one entry, oldest first. */
  async publishedFor(filter: { evidenceId: number }): Promise<PublicReply[]> {
    return await this.db
      .select({ body: replies.body, url: replies.url, publishedAt: sql<string>`${replies.publishedAt}` })
      .from(replies)
      .where(and(eq(replies.evidenceId, filter.evidenceId), eq(replies.status, 'published')))
      .orderBy(asc(replies.publishedAt));
  }

  /** A person's published replies, keyed by entry id and by standard slug, for their pages and the export. */
  async publishedBySubject(subjectId?: number) {
    const rows = await this.db
      .select({
        evidenceId: replies.evidenceId,
        standard: standards.slug,
        body: replies.body,
        url: replies.url,
        publishedAt: sql<string>`${replies.publishedAt}`,
      })
      .from(replies)
      .leftJoin(standards, eq(standards.id, replies.standardId))
      .where(and(eq(replies.status, 'published'), subjectId === undefined ? undefined : eq(replies.subjectId, subjectId)))
      .orderBy(asc(replies.publishedAt));
    const byEvidence = new Map<number, PublicReply[]>();
    const byStandard = new Map<string, PublicReply[]>();
    for (const { evidenceId, standard, ...reply } of rows) {
      if (evidenceId !== null) byEvidence.set(evidenceId, [...(byEvidence.get(evidenceId) ?? []), reply]);
      else if (standard !== null) byStandard.set(standard, [...(byStandard.get(standard) ?? []), reply]);
    }
    return { byEvidence, byStandard };
  }

  /** When the person was last sent a reply link, and whether their office has replied publicly. */
  async invitation(subjectId: number): Promise<{ invitedOn: string | null; replied: boolean }> {
    const [link] = await this.db
      .select({ createdAt: replyLinks.createdAt })
      .from(replyLinks)
      .where(eq(replyLinks.subjectId, subjectId))
      .orderBy(desc(replyLinks.id))
      .limit(1);
    const [replied] = await this.db
      .select({ id: replies.id })
      .from(replies)
      .where(and(eq(replies.subjectId, subjectId), eq(replies.status, 'published')))
      .limit(1);
    return { invitedOn: link?.createdAt ?? null, replied: replied !== undefined };
  }
}

function fieldError(field: string, message: string) {
  return new HttpError(400, 'validation', `${field}: ${message}`, [{ field, message }]);
}
