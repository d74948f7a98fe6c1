import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../errors.js';
import { errorResponses, isoDate, slugParam, slugParams } from '../../../schemas/common.js';
import { evidencePath } from '../../../../core/evidence-links.js';
import { linkedEvidence } from '../../../schemas/evidence.js';
import { scorecardResponse } from '../../../schemas/scorecard.js';
import { publicSubject } from '../../../schemas/subjects.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { answerLanguage, langQuery } from '../../../i18n/language.js';

/** `?asOf=` history: limited per address, only when asked for a past day. */
export const AS_OF_LIMIT = { perMinute: 300, when: (request: FastifyRequest) => (request.query as { asOf?: unknown }).asOf !== undefined };

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { subjects, standards, scorecards, evidence } = fastify.repositories;

  async function subjectOr404(slug: string) {
    const subject = await subjects.rowBySlug(slug);
    if (!subject) throw notFound('subject', slug);
    return subject;
  }

  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'Everyone scored: the incumbent, candidates and former DAs',
        response: { 200: z.array(publicSubject) },
      },
    },
    async () => await subjects.list(),
  );

  fastify.get(
    '/:slug',
    {
      config: { publicRead: true },
      schema: { tags: ['public'], summary: 'One person', params: slugParams, response: { 200: publicSubject, ...errorResponses } },
    },
    async (request) => toPublicSubject(await subjectOr404(request.params.slug)),
  );

  fastify.get(
    '/:slug/scorecard',
    {
      // A scorecard as of a past day is computed afresh; the trend chart asks for a few dozen
      // per person page, so the per-address limit leaves a reader far more than that.
      config: { publicRead: true, expensive: AS_OF_LIMIT },
      schema: {
        tags: ['public'],
        summary: 'A person’s scorecard under the published method',
        description:
          'All ten standards in order with their score and grade (null where there is no evidence), and the overall score when at least five standards have one. `asOf` computes it from evidence that happened on or before that day.',
        params: slugParams,
        querystring: z.object({ asOf: isoDate.optional(), lang: langQuery }),
        response: { 200: scorecardResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      await scorecards.forSubject(await subjectOr404(request.params.slug), request.query.asOf, answerLanguage(request, reply)),
  );

  fastify.get(
    '/:slug/evidence',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'A person’s public evidence, newest first',
        description: 'Published entries and retracted ones (with the reason); pending and rejected entries are never public.',
        params: slugParams,
        querystring: z.object({ standard: slugParam.optional() }),
        response: { 200: z.array(linkedEvidence), ...errorResponses },
      },
    },
    async (request) => {
      const subject = await subjectOr404(request.params.slug);
      let standardId: number | undefined;
      if (request.query.standard) {
        const ref = (await standards.refs()).find((s) => s.slug === request.query.standard);
        if (!ref) throw notFound('standard', request.query.standard);
        standardId = ref.id;
      }
      return (await evidence.listPublic({ subjectId: subject.id, standardId })).map((e) => ({
        ...e,
        url: fastify.publicUrl(evidencePath(e.id)),
      }));
    },
  );
};

export default routes;
