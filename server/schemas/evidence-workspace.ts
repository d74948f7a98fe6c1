import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { evidence, evidenceKinds, evidenceStatuses } from '../../db/schema/index.js';
import { today } from '../../core/calendar.js';
import { httpUrl, isoDateOf, multilineText, slugOf, slugParam, text } from './common.js';
import { EVIDENCE_MESSAGES as M } from '../../core/evidence-checks.js';
import { publicEvidence } from './evidence.js';
import { evidenceTranslationsInput } from './translations.js';

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
    translations: evidenceTranslationsInput.optional(),
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

export const evidenceListQuery = z.object({
  status: z.enum(evidenceStatuses).optional(),
  subject: slugParam.optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only what you submitted (volunteers only ever see their own)'),
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
