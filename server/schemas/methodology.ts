import { z } from 'zod';
import { GRADES, KINDS } from '../../core/scoring/method.js';
import { LANGUAGES } from '../i18n/language.js';

const grade = z.enum(GRADES);
/** `GET /api/methodology`: the method's constants, its text in plain words and a worked example. */
export const methodologyResponse = z.object({
  version: z.number().int(),
  countedStatus: z.string(),
  ratings: z.array(z.number().int()),
  points: z.object({
    base: z.number(),
    perRating: z.number(),
    byRating: z.array(z.object({ rating: z.number().int(), points: z.number() })),
  }),
  kindWeights: z.object(Object.fromEntries(KINDS.map((k) => [k, z.number()])) as Record<(typeof KINDS)[number], z.ZodNumber>),
  grades: z.array(z.object({ grade, min: z.number() })),
  rounding: z.literal('half-up'),
  minCoverage: z.number().int(),
  insufficientCoverageReason: z.string(),
  steps: z.array(z.string()).describe('The method in plain words'),
  review: z.array(z.string()).describe('How evidence is reviewed'),
  lang: z.enum(LANGUAGES),
  textLanguages: z.object({ steps: z.enum(LANGUAGES), review: z.enum(LANGUAGES) }),
  workedExample: z.object({
    entries: z.array(z.object({ rating: z.number(), kind: z.enum(KINDS), points: z.number(), weight: z.number() })),
    calculation: z.string(),
    score: z.number(),
    grade,
  }),
});
export type Methodology = z.infer<typeof methodologyResponse>;
