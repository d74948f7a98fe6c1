import { z } from 'zod';

/** What removing a person, election or event would do: the confirmation an admin reads first (issue 14). */
export const removalPlan = z.object({
  outcome: z.enum(['delete', 'archive']).describe('delete when nothing published depends on it; otherwise it can only be archived'),
  archivedAt: z.string().nullable().describe('When it was archived; null when it is not'),
  keptBy: z
    .object({ publishedEvidence: z.number().int(), publishedReplies: z.number().int(), elections: z.number().int() })
    .describe('What published depends on it'),
  deletedWith: z
    .object({
      unpublishedEvidence: z.number().int(),
      unpublishedReplies: z.number().int(),
      candidates: z.number().int(),
      events: z.number().int(),
    })
    .describe('What goes with it when deleted: unpublished entries and replies, candidate and event links'),
});

/** `?include=archived` on the public lists: archived records too, each with its `archivedAt` (the admin screens use it). */
export const archivedQuery = z.object({
  include: z.enum(['archived']).optional().describe('`archived`: list archived records too'),
});
export type RemovalPlanResponse = z.infer<typeof removalPlan>;
