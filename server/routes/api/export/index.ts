import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicEvidence } from '../../../schemas/evidence.js';

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
];

const publicEvidenceList = z.array(publicEvidence);

/** A person downloads the data a few times; a script that loops on it is slowed to this. */
export const EXPORT_LIMIT = { perMinute: 30 };

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { evidence } = fastify.repositories;

  fastify.get(
    '/evidence.json',
    {
      config: { publicRead: true, expensive: EXPORT_LIMIT },
      schema: {
        tags: ['public'],
        summary: 'All public evidence (published and retracted) as JSON',
        response: { 200: publicEvidenceList },
      },
    },
    async (request, reply) =>
      fastify.sendExport(request, reply, {
        name: 'evidence.json',
        contentType: 'application/json; charset=utf-8',
        disposition: 'inline; filename="evidence.json"',
        // Through the response schema, so only public fields can ever reach the file.
        build: () => JSON.stringify(publicEvidenceList.parse(evidence.listPublic())),
      }),
  );

  fastify.get(
    '/evidence.csv',
    {
      config: { publicRead: true, expensive: EXPORT_LIMIT },
      schema: {
        tags: ['public'],
        summary: 'All public evidence (published and retracted) as CSV, one row per entry',
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      fastify.sendExport(request, reply, {
        name: 'evidence.csv',
        contentType: 'text/csv; charset=utf-8',
        disposition: 'attachment; filename="evidence.csv"',
        build: evidenceCsv,
      }),
  );

  /** The CSV export: one row per public entry, its sources joined into two cells. */
  function evidenceCsv(): string {
    const rows = evidence.listPublic().map((e) => [
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
    ]);
    // escape_formulas keeps a title such as "=HYPERLINK(...)" from running in a spreadsheet.
    return stringify(rows, { header: true, columns: CSV_COLUMNS, escape_formulas: true, cast: { boolean: (b) => (b ? 'true' : 'false') } });
  }
};

export default routes;
