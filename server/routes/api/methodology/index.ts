import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GRADES, KINDS } from '../../../scoring/method.js';
import { describeMethod } from '../../../scoring/method.js';
import { workedExample } from '../../../scoring/explanation.js';
import { answerLanguage, LANGUAGES, langQuery } from '../../../i18n/language.js';

const grade = z.enum(GRADES);
const methodologyResponse = z.object({
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

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const constants = { ...describeMethod(), workedExample: workedExample() };
  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'The scoring method: its constants, its steps in plain words and a worked example',
        querystring: z.object({ lang: langQuery }),
        response: { 200: methodologyResponse },
      },
    },
    async (request, reply) => {
      const lang = answerLanguage(request, reply);
      return { ...constants, ...fastify.repositories.methodology.text(lang), lang };
    },
  );
};

export default routes;
