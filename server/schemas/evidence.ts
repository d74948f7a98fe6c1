import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { evidence, evidenceSources } from '../../db/schema/index.js';
import { evidenceTextLanguages, evidenceTranslations } from './translations.js';

export const sourceRow = createSelectSchema(evidenceSources);

/** A source as shown with an entry. */
export const publicSource = sourceRow.pick({ url: true, title: true, publisher: true, archiveUrl: true });
export type PublicSource = z.infer<typeof publicSource>;

const evidenceRow = createSelectSchema(evidence);

/**
 * Published or retracted evidence as the public sees it: who it rates and on what, and
 * never who submitted or reviewed it (volunteers' identities stay private).
 */
export const publicEvidence = evidenceRow
  .pick({
    id: true,
    rating: true,
    kind: true,
    title: true,
    summary: true,
    occurredOn: true,
    publishedAt: true,
    retractedAt: true,
    retractionReason: true,
    correctedAt: true,
    correctionNote: true,
    demo: true,
  })
  .extend({
    status: z.enum(['published', 'retracted']),
    subject: z.string().describe('The subject slug'),
    standard: z.string().describe('The standard slug'),
    sources: z.array(publicSource),
    textLanguages: evidenceTextLanguages.optional(),
    translations: evidenceTranslations.optional(),
  });
export type PublicEvidence = z.infer<typeof publicEvidence>;

/** A public list item with the address of the entry's own page, for the API and the exports. */
export const linkedEvidence = publicEvidence.extend({ url: z.string().describe('The entry’s public page, e.g. https://…/evidence/12') });
export type LinkedEvidence = z.infer<typeof linkedEvidence>;

/** A published reply from the graded person's office: never changes a score. */
export const publicReply = z.object({ body: z.string(), url: z.string().nullable(), publishedAt: z.string() });
export type PublicReply = z.infer<typeof publicReply>;

/** One dated step of an entry's public history. Roles only: never who. */
export const publicHistoryStep = z.object({
  action: z.enum(['submitted', 'published', 'corrected', 'retracted']),
  at: z.string(),
  by: z.enum(['volunteer', 'reviewer']).describe('The role of whoever took the step'),
  note: z.string().nullable().describe('A correction’s note or a retraction’s reason'),
  changes: z
    .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
    .describe('For a correction: each field that changed'),
});
export type PublicHistoryStep = z.infer<typeof publicHistoryStep>;

/** `GET /api/evidence/:id` for anyone who may not see the entry in the workspace. */
export const publicEvidenceDetail = linkedEvidence.extend({
  history: z.array(publicHistoryStep),
  replies: z.array(publicReply),
});
export type PublicEvidenceDetail = z.infer<typeof publicEvidenceDetail>;
