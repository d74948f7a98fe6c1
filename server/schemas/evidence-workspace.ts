import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { evidence, evidenceKinds, evidenceStatuses } from '../../db/schema/index.js';
import { today } from '../../core/calendar.js';
import { httpUrl, idParams, isoDate, isoDateOf, multilineText, slugOf, slugParam, text } from './common.js';
import { EVIDENCE_MESSAGES as M } from '../../core/evidence-checks.js';
import { publicEvidence } from './evidence.js';

/** A source as a volunteer gives it: links are http(s) only. */
export const sourceInput = z.strictObject({
  url: httpUrl,
  title: text(300),
  publisher: text(200).optional(),
  archiveUrl: httpUrl.optional(),
});

/**
 * A missing field's message in words a volunteer understands; the form, the import's row
 * report and the API all show it as is.
 */
const whenMissing = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? message : undefined) });

/** The public contract's evidence body (README, "The workspace API"). Unknown fields are refused rather than silently dropped. */
export const evidenceInput = createInsertSchema(evidence, {
  rating: () =>
    z.number(whenMissing(M.missingRating)).int('must be a whole number').min(-2, 'must be from -2 to 2').max(2, 'must be from -2 to 2'),
  kind: () =>
    z.enum(evidenceKinds, { error: (issue) => (issue.input === undefined ? M.missingKind : 'must be action, data or statement') }),
  title: () => text(300),
  summary: () => multilineText(5000),
  // Evidence is about what has happened; a future date is always a typing mistake.
  occurredOn: () => isoDateOf(whenMissing(M.missingDate)).refine((day) => day <= today(), 'must not be in the future'),
})
  .pick({ rating: true, kind: true, title: true, summary: true, occurredOn: true })
  .extend({
    subject: slugOf(whenMissing(M.missingSubject)).describe('The subject slug'),
    standard: slugOf(whenMissing(M.missingStandard)).describe('The standard slug'),
    sources: z.array(sourceInput).min(1, M.noSource).max(20, 'at most 20 sources'),
  })
  .strict();
export type EvidenceInput = z.infer<typeof evidenceInput>;

const atLeastOne = (o: object) => Object.keys(o).length > 0;

/** Any subset of the fields, for an edit while pending. */
export const evidenceChanges = evidenceInput.partial().strict().refine(atLeastOne, 'change at least one field');
export type EvidenceChanges = Partial<EvidenceInput>;

/** A correction of a published entry: what changes, and the note shown publicly with its date. */
export const correctionInput = evidenceInput
  .partial()
  .extend({ note: multilineText(1000).describe('Shown publicly with the correction date') })
  .strict()
  .refine((o) => Object.keys(o).length > 1, 'change at least one field besides the note');

/** The revision the reviewer read: if the entry changed since, nothing is decided (409 stale). */
export const revisionField = z
  .number()
  .int()
  .min(1)
  .max(Number.MAX_SAFE_INTEGER)
  .describe('The entry revision the reviewer read (from GET /api/evidence/:id or the queue)');

export const reviewInput = z.strictObject({
  decision: z.enum(['publish', 'reject']),
  note: multilineText(2000).optional(),
  revision: revisionField,
});

export const retractionInput = z.strictObject({ reason: multilineText(2000).describe('Shown publicly with the retracted entry') });

/** How the evidence list can be ordered (`?sort=`); `relevance` only means something with `q`. */
export const EVIDENCE_SORTS = ['submitted', 'occurred', 'updated', 'title', 'person', 'standard', 'status', 'relevance'] as const;
export type EvidenceSort = (typeof EVIDENCE_SORTS)[number];

const yesNo = z.enum(['true', 'false']);

/**
 * `GET /api/evidence` and `/workspace/evidence`: every filter is optional and they combine
 * (all must hold). Volunteers only ever see their own entries, whatever they ask for.
 */
export const evidenceListQuery = z.object({
  status: z.enum(evidenceStatuses).optional(),
  subject: slugParam.optional().describe('A person, by slug'),
  standard: slugParam.optional().describe('A standard, by slug'),
  submitter: idParams.shape.id.optional().describe('Who submitted it (a user id; see GET /api/evidence/submitters)'),
  from: isoDate.optional().describe('Happened on or after this day (YYYY-MM-DD)'),
  to: isoDate.optional().describe('Happened on or before this day (YYYY-MM-DD)'),
  duplicates: yesNo
    .optional()
    .describe('true: only entries sharing a source with another entry about the same person; false: only the others'),
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Words to find in the title, summary or a source title (every word must appear; word beginnings match)'),
  mine: yesNo.optional().describe('true: only what you submitted (volunteers only ever see their own)'),
  notMine: yesNo.optional().describe('true: leave out what you submitted (the review queue: nobody reviews their own)'),
  sort: z
    .enum(EVIDENCE_SORTS)
    .optional()
    .describe('Default: relevance with q, else submitted (oldest first for status=pending, newest first otherwise)'),
  order: z.enum(['asc', 'desc']).optional().describe('Default: desc, but asc for status=pending and for title, person and standard'),
  after: idParams.shape.id
    .optional()
    .describe(
      'Start after this entry id instead of at page (only with sort=submitted): a queue that shrinks as entries are decided pages without skipping any; total still counts the whole list',
    ),
});
export type EvidenceListQuery = z.infer<typeof evidenceListQuery>;

/** Who did something, as other signed-in people see them: a name, never an email. */
export const personRef = z.object({ id: z.number().int(), displayName: z.string() }).nullable();

/** An entry as its submitter and the reviewers see it: the public fields, any status, and who reviewed it. */
export const workspaceEvidence = publicEvidence.extend({
  ...createSelectSchema(evidence).pick({
    status: true,
    reviewNote: true,
    reviewedAt: true,
    createdAt: true,
    updatedAt: true,
    revision: true,
  }).shape,
  submittedBy: personRef,
  reviewedBy: personRef,
  duplicates: z
    .array(z.number().int())
    .describe('Other entries about the same person with the same source (after normalising the address)'),
});
export type WorkspaceEvidence = z.infer<typeof workspaceEvidence>;

export const evidenceRevision = z.object({
  id: z.number().int(),
  action: z.string().describe('create, edit, publish, reject, withdraw, correct or retract'),
  actor: personRef,
  changes: z.record(z.string(), z.unknown()).describe('Each changed field: [before, after]'),
  createdAt: z.string(),
});

export const evidenceDetail = workspaceEvidence.extend({ revisions: z.array(evidenceRevision) });
export type EvidenceDetail = z.infer<typeof evidenceDetail>;
