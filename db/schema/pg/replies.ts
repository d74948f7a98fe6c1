import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, timestamp } from './columns.js';
import { evidence } from './evidence.js';
import { standards } from './standards.js';
import { subjects } from './subjects.js';
import { users } from './users.js';
import { replyStatuses } from '../values.js';

export { replyStatuses, type ReplyStatus } from '../values.js';

/**
 * A link that lets a graded person's office or campaign reply, without an account. Only the
 * token's SHA-256 is stored; the link is good for one person until it expires or is revoked.
 */
export const replyLinks = pgTable(
  'reply_links',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [index('reply_links_subject_idx').on(t.subjectId)],
);

/**
 * The graded person's public answer to one entry or to one standard as a whole. Reviewed
 * for abuse only, never for agreement; it never changes a score.
 */
export const replies = pgTable(
  'replies',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    linkId: integer('link_id').references(() => replyLinks.id),
    evidenceId: integer('evidence_id').references(() => evidence.id, { onDelete: 'cascade' }),
    standardId: integer('standard_id').references(() => standards.id),
    body: text('body').notNull(),
    url: text('url'),
    status: text('status', { enum: replyStatuses }).notNull().default('pending'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at'),
    publishedAt: timestamp('published_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('replies_subject_status_idx').on(t.subjectId, t.status),
    index('replies_evidence_idx').on(t.evidenceId),
    index('replies_status_idx').on(t.status, t.id),
  ],
);

export type ReplyLink = typeof replyLinks.$inferSelect;
export type Reply = typeof replies.$inferSelect;
