import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { changeStatuses, evidenceChanges } from '../../db/schema/index.js';
import { text } from './common.js';
import { personRef, workspaceEvidence } from './evidence-workspace.js';

const changeRow = createSelectSchema(evidenceChanges);

/** The answer to a proposal: nothing public has changed yet. */
export const proposalAnswer = z.object({ change: changeRow.pick({ id: true, kind: true, status: true }) });

export const changeReviewInput = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: text(2000).optional(),
});

export const changeListQuery = z.object({ status: z.enum(changeStatuses).optional() });

const grade = z.object({ score: z.number(), grade: z.enum(['A', 'B', 'C', 'D', 'F']) }).nullable();

/** A proposal as reviewers see it: every field before and after, and the grades it moves. */
export const proposedChange = changeRow
  .pick({ id: true, kind: true, status: true, note: true, createdAt: true, reviewNote: true, reviewedAt: true })
  .extend({
    proposedBy: personRef,
    reviewedBy: personRef,
    stale: z.boolean().describe('The entry changed after the proposal: it can only be rejected'),
    entry: workspaceEvidence.pick({
      id: true,
      title: true,
      subject: true,
      standard: true,
      status: true,
      revision: true,
      submittedBy: true,
    }),
    fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), changed: z.boolean() })),
    statusAfter: z.string(),
    grades: z
      .array(z.object({ subject: z.string(), standard: z.string(), now: grade, after: grade }))
      .describe('The person’s grade on each standard the change touches, now and if approved (pending proposals only)'),
  });
export type ProposedChange = z.infer<typeof proposedChange>;
