import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { replies, replyLinks, replyStatuses } from '../../db/schema/index.js';
import { httpUrl, slugOf, text } from './common.js';

const linkRow = createSelectSchema(replyLinks);
const replyRow = createSelectSchema(replies);

export const replyLinkInput = z.strictObject({
  days: z
    .number()
    .int()
    .min(1, 'must be at least 1 day')
    .max(365, 'must be at most 365 days')
    .optional()
    .describe('How long the link works (default 30 days)'),
});

/** The link is shown once: only its hash is stored. */
export const replyLinkCreated = linkRow
  .pick({ id: true, expiresAt: true })
  .extend({ url: z.string().describe('The page the office opens: /reply/TOKEN') });

export const replyLink = linkRow.pick({ id: true, createdAt: true, expiresAt: true, revokedAt: true });

export const replyLinkParams = z.object({ slug: slugOf(), id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** A token is 43 URL-safe characters; anything else is simply not one. */
export const replyToken = z.string().min(1).max(200);

export const replyInput = z
  .strictObject({
    token: replyToken,
    evidenceId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().describe('The published entry replied to'),
    standard: slugOf().optional().describe('Or the standard replied to as a whole'),
    body: text(2000),
    url: httpUrl.optional(),
  })
  .refine((o) => (o.evidenceId === undefined) !== (o.standard === undefined), {
    message: 'reply to exactly one: an evidence entry (evidenceId) or a standard',
    path: ['evidenceId'],
  });

export const replyCreated = replyRow.pick({ id: true, status: true, createdAt: true });

export const replyListQuery = z.object({ status: z.enum(replyStatuses).optional() });

/** A reply as reviewers see it, with what it answers. */
export const reviewerReply = replyRow
  .pick({ id: true, evidenceId: true, body: true, url: true, status: true, reviewNote: true, createdAt: true, publishedAt: true })
  .extend({ subject: z.string(), subjectName: z.string(), evidenceTitle: z.string().nullable(), standard: z.string().nullable() });
export type ReviewerReply = z.infer<typeof reviewerReply>;

export const replyReviewInput = z.strictObject({ decision: z.enum(['publish', 'reject']), note: text(2000).optional() });
