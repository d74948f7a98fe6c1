import { z } from 'zod';
import { GRADES, INSUFFICIENT_COVERAGE } from '../../core/scoring/method.js';
import { standards } from '../../db/schema/index.js';
import { createSelectSchema } from 'drizzle-zod';
import { subjectSummary } from './subjects.js';
import { LANGUAGES } from '../i18n/language.js';

const grade = z.enum(GRADES).nullable();
const standardRef = createSelectSchema(standards).pick({ slug: true, number: true, title: true });

/** The public scorecard contract (README, "A short tour of the API"); partner sites and the widget depend on every field. */
export const scorecardResponse = z.object({
  subject: subjectSummary.extend({
    textLanguages: z
      .object({ office: z.enum(LANGUAGES) })
      .optional()
      .describe('The language the office is in'),
  }),
  asOf: z.string().describe('The day the scorecard is computed for (YYYY-MM-DD)'),
  methodologyVersion: z.number().int(),
  overall: z.object({
    score: z.number().int().nullable(),
    grade,
    coverage: z.number().int().describe('How many of the ten standards have a score'),
    reason: z.enum([INSUFFICIENT_COVERAGE]).nullable(),
  }),
  standards: z
    .array(
      standardRef.extend({
        score: z.number().int().nullable(),
        grade,
        evidenceCount: z.number().int(),
        titleLang: z.enum(LANGUAGES).describe('The language the title is in'),
      }),
    )
    .describe('Always all ten standards, in order'),
  evidenceCount: z.number().int(),
  lang: z.enum(LANGUAGES).describe('The language asked for (titles fall back to English)'),
  updatedAt: z.string().nullable().describe('When the newest counted evidence was last changed'),
});
export type Scorecard = z.infer<typeof scorecardResponse>;
