import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GRADES, KINDS } from '../../../scoring/method.js';
import { describeMethod } from '../../../scoring/method.js';
import { METHOD_STEPS, REVIEW_PROCESS, workedExample } from '../../../scoring/explanation.js';

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
  steps: z.array(z.string()),
  review: z.array(z.string()),
  workedExample: z.object({
    entries: z.array(z.object({ rating: z.number(), kind: z.enum(KINDS), points: z.number(), weight: z.number() })),
    calculation: z.string(),
    score: z.number(),
    grade,
  }),
});
export type Methodology = z.infer<typeof methodologyResponse>;

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const body = { ...describeMethod(), steps: METHOD_STEPS, review: REVIEW_PROCESS, workedExample: workedExample() };
  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'The scoring method: its constants, its steps in plain words and a worked example',
        response: { 200: methodologyResponse },
      },
    },
    async () => body,
  );
};

export default routes;
