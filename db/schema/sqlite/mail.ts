import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from './columns.js';
import { users } from './users.js';

import { mailStatuses } from '../values.js';

export { mailStatuses, type MailStatus } from '../values.js';

/**
 * Every email the app writes, queued here in the same transaction as what caused it and sent
 * by the mail worker (server/mail/). Without SMTP_URL a message is `held`: it stays here and
 * an admin reads it at /workspace/admin/outbox, so invites and resets work on a fresh clone.
 * `sending` is a claim: a worker that died mid-send leaves it, and it is retried after
 * `next_attempt_at` (the lease) passes.
 */
export const mailMessages = sqliteTable(
  'mail_messages',
  {
    id: integer('id').primaryKey(),
    /** What the message is (invitation, password-reset, review-digest, ...). */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    /** The account it is for, when there is one (an invitation has none yet). */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** An optional message's one-click opt-out link, sent as its List-Unsubscribe header. */
    unsubscribeUrl: text('unsubscribe_url'),
    status: text('status', { enum: mailStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [index('mail_messages_due_idx').on(t.status, t.nextAttemptAt), index('mail_messages_created_idx').on(t.createdAt)],
);

export type MailMessage = typeof mailMessages.$inferSelect;
