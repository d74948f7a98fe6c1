import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evidencePath } from '../../../../core/evidence-links.js';
import { linkedEvidence, publicReply } from '../../../schemas/evidence.js';

/** An exported entry: its page, and the published replies of the office of the person it rates. */
const exportedEvidence = linkedEvidence.extend({ replies: z.array(publicReply) });

/** The CSV's columns, in order: one row per evidence entry, its sources joined into two cells. */
const CSV_COLUMNS = [
  'id',
  'subject',
  'standard',
  'rating',
  'kind',
  'title',
  'summary',
  'occurred_on',
  'status',
  'published_at',
  'retracted_at',
  'retraction_reason',
  'corrected_at',
  'correction_note',
  'demo',
  'source_urls',
  'sources',
  'url',
  'replies',
];

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { evidence, replies } = fastify.repositories;

  /** Every public entry with its page's address and its published replies. */
  const exported = (origin: string) => {
    const { byEvidence } = replies.publishedBySubject();
    return evidence.listPublic().map((e) => ({ ...e, url: origin + evidencePath(e.id), replies: byEvidence.get(e.id) ?? [] }));
  };

  fastify.get(
    '/evidence.json',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'All public evidence (published and retracted) as JSON',
        response: { 200: z.array(exportedEvidence) },
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'inline; filename="evidence.json"');
      return exported(`${request.protocol}://${request.host}`);
    },
  );

  fastify.get(
    '/evidence.csv',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'All public evidence (published and retracted) as CSV, one row per entry',
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const rows = exported(`${request.protocol}://${request.host}`).map((e) => [
        e.id,
        e.subject,
        e.standard,
        e.rating,
        e.kind,
        e.title,
        e.summary,
        e.occurredOn,
        e.status,
        e.publishedAt,
        e.retractedAt,
        e.retractionReason,
        e.correctedAt,
        e.correctionNote,
        e.demo,
        e.sources.map((s) => s.url).join(' '),
        e.sources.map((s) => [s.title, s.publisher && `(${s.publisher})`, s.url].filter(Boolean).join(' ')).join(' | '),
        e.url,
        e.replies.map((r) => [r.publishedAt.slice(0, 10), r.body, r.url].filter(Boolean).join(' ')).join(' | '),
      ]);
      // escape_formulas keeps a title such as "=HYPERLINK(...)" from running in a spreadsheet.
      const csv = stringify(rows, { header: true, columns: CSV_COLUMNS, escape_formulas: true, cast: { boolean: (b) => (b ? 'true' : 'false') } });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="evidence.csv"')
        .send(csv);
    },
  );
};

export default routes;
