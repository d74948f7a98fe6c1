import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { evidence, mailMessages, users, type MailMessage, type User } from '../../db/schema/index.js';
import { newToken } from '../auth/token.js';
import { countRows, inTransaction, type Paging, type Writer } from './audit.js';

/** One message to queue: who it is for and what it says. */
export interface OutgoingMail {
  kind: string;
  to: string;
  userId: number | null;
  subject: string;
  text: string;
  html: string;
  /** An optional message's one-click opt-out link (List-Unsubscribe). */
  unsubscribeUrl?: string;
}

/** An account as the mail needs it: where to write, in which language, what it opted out of. */
export type Recipient = Pick<
  User,
  'id' | 'email' | 'displayName' | 'role' | 'language' | 'notifyReviewQueue' | 'notifyDecisions' | 'notifyChangesAndReplies'
>;
const recipientColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  language: users.language,
  notifyReviewQueue: users.notifyReviewQueue,
  notifyDecisions: users.notifyDecisions,
  notifyChangesAndReplies: users.notifyChangesAndReplies,
};

const outboxColumns = {
  id: mailMessages.id,
  kind: mailMessages.kind,
  toAddress: mailMessages.toAddress,
  subject: mailMessages.subject,
  text: mailMessages.text,
  status: mailMessages.status,
  attempts: mailMessages.attempts,
  lastError: mailMessages.lastError,
  createdAt: mailMessages.createdAt,
  sentAt: mailMessages.sentAt,
};

/**
 * The mail queue. Writers pass their transaction to `enqueue`, so a message exists exactly
 * when what caused it was committed. The worker claims due messages (`claimDue`), which
 * marks them `sending` with a lease: a second worker, or the same one after a crash, only
 * takes a message again once its lease has run out.
 */
export class MailRepository {
  constructor(private readonly db: Db) {}

  /** The queue's database, for a caller that queues several messages in one unit of work. */
  get database(): Db {
    return this.db;
  }

  enqueue(mail: OutgoingMail, writer: Writer = this.db): Promise<number> {
    return inTransaction(writer, async (tx) => {
      const [row] = await tx
        .insert(mailMessages)
        .values({
          kind: mail.kind,
          toAddress: mail.to,
          userId: mail.userId,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          unsubscribeUrl: mail.unsubscribeUrl ?? null,
          nextAttemptAt: nowIso(),
        })
        .returning({ id: mailMessages.id });
      return row.id;
    });
  }

  /** Takes up to `limit` due messages for sending; each is held for `leaseMs`. */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<MailMessage[]> {
    const at = now.toISOString();
    return inTransaction(this.db, async (tx) => {
      const due = (
        await tx
          .select({ id: mailMessages.id })
          .from(mailMessages)
          .where(and(inArray(mailMessages.status, ['queued', 'sending']), lte(mailMessages.nextAttemptAt, at)))
          .orderBy(asc(mailMessages.nextAttemptAt), asc(mailMessages.id))
          .limit(limit)
      ).map((r) => r.id);
      if (!due.length) return [];
      return await tx
        .update(mailMessages)
        .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + leaseMs).toISOString() })
        .where(inArray(mailMessages.id, due))
        .returning();
    });
  }

  /**
   * The account's opt-out secret for the links in its optional emails, made on first use. The
   * `IS NULL` guard keeps the first one when two messages are written at once.
   */
  optOutToken(userId: number, writer: Writer = this.db): Promise<string> {
    return inTransaction(writer, async (tx) => {
      await tx
        .update(users)
        .set({ mailOptOutToken: newToken() })
        .where(and(eq(users.id, userId), isNull(users.mailOptOutToken)));
      const [row] = await tx.select({ token: users.mailOptOutToken }).from(users).where(eq(users.id, userId)).limit(1);
      return row!.token!;
    });
  }

  /** The account an opt-out link belongs to, or undefined for an unknown link. */
  async optOutHolder(token: string): Promise<Recipient | undefined> {
    const [row] = await this.db.select(recipientColumns).from(users).where(eq(users.mailOptOutToken, token)).limit(1);
    return row;
  }

  async markSent(id: number, now: Date): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx.update(mailMessages).set({ status: 'sent', sentAt: now.toISOString(), lastError: null }).where(eq(mailMessages.id, id));
    });
  }

  /** No SMTP server is configured: the message stays in the outbox for an admin to read. */
  async markHeld(id: number): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx.update(mailMessages).set({ status: 'held' }).where(eq(mailMessages.id, id));
    });
  }

  /** A failed attempt: tried again at `retryAt`, or marked failed for good when that is null. */
  async markAttemptFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx
        .update(mailMessages)
        .set({
          status: retryAt ? 'queued' : 'failed',
          attempts: sql`${mailMessages.attempts} + 1`,
          lastError: error.slice(0, 500),
          ...(retryAt ? { nextAttemptAt: retryAt.toISOString() } : {}),
        })
        .where(eq(mailMessages.id, id));
    });
  }

  /** The outbox, newest first: what was held, is waiting, was sent or failed. */
  async list(paging: Paging) {
    const items = await this.db
      .select(outboxColumns)
      .from(mailMessages)
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize);
    return { items, ...paging, total: await countRows(this.db, mailMessages) };
  }

  async recipient(userId: number, reader: Writer = this.db): Promise<Recipient | undefined> {
    return (await reader.select(recipientColumns).from(users).where(eq(users.id, userId)).limit(1))[0];
  }

  /** Enabled reviewers and admins, but not `except` (who caused the message). */
  async reviewers(except: number | null, reader: Writer = this.db): Promise<Recipient[]> {
    return await reader
      .select(recipientColumns)
      .from(users)
      .where(and(inArray(users.role, ['reviewer', 'admin']), eq(users.disabled, false), except === null ? undefined : ne(users.id, except)))
      .orderBy(asc(users.id));
  }

  /**
   * Reviewers due a digest: wanting it, none in the last hour, with the number of pending
   * entries each could review (everyone's but their own).
   */
  async digestDue(now: Date, everyMs: number): Promise<Array<Recipient & { pending: number }>> {
    const since = new Date(now.getTime() - everyMs).toISOString();
    const pending = sql<number>`(select count(*) from ${evidence} where ${evidence.status} = 'pending' and (${evidence.submittedBy} is null or ${evidence.submittedBy} <> ${users.id}))`;
    const rows = await this.db
      .select({ ...recipientColumns, pending })
      .from(users)
      .where(
        and(
          inArray(users.role, ['reviewer', 'admin']),
          eq(users.disabled, false),
          eq(users.notifyReviewQueue, true),
          or(isNull(users.reviewDigestAt), lte(users.reviewDigestAt, since)),
        ),
      );
    return rows.map((r) => ({ ...r, pending: Number(r.pending) })).filter((r) => r.pending > 0);
  }

  /**
   * Marks the reviewer's digest as sent now, if it is still due (none since `since`): false
   * when another instance, or another run, sent it meanwhile. The condition is checked in the
   * same statement that writes, so two instances can never both send one.
   */
  async claimDigest(userId: number, now: Date, since: Date, writer: Writer = this.db): Promise<boolean> {
    return inTransaction(writer, async (tx) => {
      const claimed = await tx
        .update(users)
        .set({ reviewDigestAt: now.toISOString() })
        .where(and(eq(users.id, userId), or(isNull(users.reviewDigestAt), lte(users.reviewDigestAt, since.toISOString()))))
        .returning({ id: users.id });
      return claimed.length === 1;
    });
  }

  /** An entry's title, status, reviewer's note and submitter, for the "published / rejected" email. */
  async entryOutcome(evidenceId: number, reader: Writer = this.db) {
    const [row] = await reader
      .select({ title: evidence.title, status: evidence.status, note: evidence.reviewNote, submittedBy: evidence.submittedBy })
      .from(evidence)
      .where(eq(evidence.id, evidenceId))
      .limit(1);
    return row;
  }

  /** How many messages are queued or being sent (for the health of the worker). */
  waiting(): Promise<number> {
    return countRows(this.db, mailMessages, inArray(mailMessages.status, ['queued', 'sending']));
  }
}
