import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { elections } from '../../db/schema/index.js';
import { scorecardResponse } from './scorecard.js';
import { publicSubject } from './subjects.js';
import { electionTextLanguages, electionTranslations } from './translations.js';

const electionFields = createSelectSchema(elections)
  .omit({ id: true, createdAt: true })
  .extend({ textLanguages: electionTextLanguages.optional(), translations: electionTranslations.optional() });

export const publicElection = electionFields.extend({ candidates: z.array(publicSubject) });
export type PublicElection = z.infer<typeof publicElection>;

/** One election with each candidate's current scorecard, for the side-by-side comparison. */
export const electionDetail = electionFields.extend({
  asOf: z.string(),
  candidates: z.array(publicSubject.extend({ scorecard: scorecardResponse })),
});
export type ElectionDetail = z.infer<typeof electionDetail>;
