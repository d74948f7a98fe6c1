import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { evidence, evidenceSources } from '../../db/schema/index.js';

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
  });
export type PublicEvidence = z.infer<typeof publicEvidence>;
