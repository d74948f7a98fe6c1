import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evidencePath } from '../../../../core/evidence-links.js';
import { linkedEvidence, publicReply } from '../../../schemas/evidence.js';
import { loadCsvStringify } from '../../../lazy-modules.js';

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

const exportedList = z.array(exportedEvidence);

/** A person downloads the data a few times; a script that loops on it is slowed to this. */
export const EXPORT_LIMIT = { perMinute: 30 };

/**
 * The public evidence as files: built once per data version, kept on disk and compressed once
 * (plugins/export-files.ts), so a crowd on these routes costs almost nothing.
 */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { evidence, replies } = fastify.repositories;

  /** Every public entry with its page's address (from PUBLIC_ORIGIN, never a request header) and its published replies. */
  const exported = async () => {
    const { byEvidence } = await replies.publishedBySubject();
    return (await evidence.listPublic()).map((e) => ({
      ...e,
      url: fastify.publicUrl(evidencePath(e.id)),
      replies: byEvidence.get(e.id) ?? [],
    }));
  };

  fastify.get(
    '/evidence.json',
    {
      config: { publicRead: true, expensive: EXPORT_LIMIT },
      schema: {
        tags: ['public'],
        summary: 'All public evidence (published and retracted) as JSON, each entry with its page and published replies',
        response: { 200: exportedList },
      },
    },
    async (request, reply) =>
      fastify.sendExport(request, reply, {
        name: 'evidence.json',
        contentType: 'application/json; charset=utf-8',
        disposition: 'inline; filename="evidence.json"',
        // Through the response schema, so only public fields can ever reach the file.
        build: async () => JSON.stringify(exportedList.parse(await exported())),
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

  /** The CSV export: one row per public entry, its sources and replies joined into cells. */
  async function evidenceCsv(): Promise<string> {
    const rows = (await exported()).map((e) => [
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
    const stringify = await loadCsvStringify();
    return stringify(rows, { header: true, columns: CSV_COLUMNS, escape_formulas: true, cast: { boolean: (b) => (b ? 'true' : 'false') } });
  }
};

export default routes;
