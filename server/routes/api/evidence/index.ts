import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../../../errors.js';
import { readCsvTable, readXlsxTable, UnreadableSpreadsheet, writeXlsxTable } from '../../../import/tables.js';
import { signedIn } from '../../../plugins/auth.js';
import { hasRole } from '../../../repositories/users.js';
import { errorResponse, idParams, paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';
import {
  correctionInput,
  evidenceChanges,
  evidenceDetail,
  evidenceInput,
  evidenceListQuery,
  retractionInput,
  reviewInput,
  workspaceEvidence,
} from '../../../schemas/evidence-workspace.js';
import { fileProblem, importInput, importQuery, importReport, importTemplate, importTemplateTable, importVocabulary, parseImport } from '../../../schemas/evidence-import.js';

/** The workspace's evidence: volunteers submit and edit, reviewers publish, reject, correct and retract. */
/** The uploaded spreadsheet as a table; an unreadable file is a 400 naming the field it came in. */
async function readImportTable(csv: string | undefined, xlsx: string | undefined) {
  try {
    return xlsx !== undefined ? await readXlsxTable(Buffer.from(xlsx, 'base64')) : await readCsvTable(csv!);
  } catch (err) {
    if (err instanceof UnreadableSpreadsheet) throw fileProblem(err.message, xlsx !== undefined ? 'body.xlsx' : 'body.csv');
    throw err;
  }
}

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { evidenceWorkspace } = fastify.repositories;
  const detailOr404 = (id: number) => {
    const detail = evidenceWorkspace.detail(id);
    if (!detail) throw new HttpError(404, 'not-found', `No evidence with id ${id}`);
    return detail;
  };

  fastify.post(
    '/',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Submit evidence; it stays pending, and counts nowhere, until another person publishes it',
        body: evidenceInput,
        response: { 201: workspaceEvidence, ...workspaceErrors, 413: errorResponse },
      },
    },
    async (request, reply) => reply.code(201).send(evidenceWorkspace.create(request.body, signedIn(request))),
  );

  fastify.post(
    '/import',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Bulk import from a spreadsheet (CSV text or a base64 .xlsx file): every row validated and reported; with dryRun=false the valid rows become pending entries in one transaction',
        querystring: importQuery,
        body: importInput,
        response: { 200: importReport, ...workspaceErrors, 413: errorResponse },
      },
    },
    async (request) => {
      const { csv, xlsx } = request.body;
      // Both steps yield the event loop as they go (issue 17): public reads keep being answered.
      const parsed = await parseImport(await readImportTable(csv, xlsx), importVocabulary(fastify.repositories), xlsx ? 'body.xlsx' : 'body.csv');
      const dryRun = request.query.dryRun === 'true';
      const valid = parsed.filter((row) => row.input !== null);
      const created = dryRun || valid.length === 0 ? [] : evidenceWorkspace.createMany(valid.map((row) => row.input!), signedIn(request));
      const ids = new Map(valid.map((row, i) => [row.line, created[i]?.id ?? null]));
      return {
        dryRun,
        valid: valid.length,
        invalid: parsed.length - valid.length,
        created: created.length,
        rows: parsed.map(({ line, title, input, problems }) => ({
          line,
          title,
          ok: input !== null,
          entry: input && {
            subject: input.subject,
            standard: input.standard,
            rating: input.rating,
            kind: input.kind,
            title: input.title,
            occurredOn: input.occurredOn,
            sources: input.sources.length,
          },
          problems,
          id: ids.get(line) ?? null,
        })),
      };
    },
  );

  fastify.get(
    '/import/template.csv',
    {
      config: { minRole: 'volunteer' },
      schema: { tags: ['workspace'], summary: 'The import template: every column, with one example row' },
    },
    async (_request, reply) =>
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="evidence-import-template.csv"').send(importTemplate()),
  );

  fastify.get(
    '/import/template.xlsx',
    {
      config: { minRole: 'volunteer' },
      schema: { tags: ['workspace'], summary: 'The import template as an Excel file: every column, with one example row' },
    },
    async (_request, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="evidence-import-template.xlsx"')
        .send(await writeXlsxTable(importTemplateTable(), 'Evidence')),
  );

  fastify.get(
    '/',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Evidence in any status, e.g. the review queue with ?status=pending (volunteers see only their own)',
        querystring: pagingQuery.extend(evidenceListQuery.shape),
        response: { 200: paged(workspaceEvidence), ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      const { page, pageSize, mine, ...filter } = request.query;
      const submittedBy = mine === 'true' || !hasRole(me, 'reviewer') ? me.id : undefined;
      return evidenceWorkspace.list({ ...filter, submittedBy }, { page, pageSize });
    },
  );

  fastify.get(
    '/:id',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'One entry with its sources and every revision (its submitter and reviewers)',
        params: idParams,
        response: { 200: evidenceDetail, ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      const detail = detailOr404(request.params.id);
      if (detail.submittedBy?.id !== me.id && !hasRole(me, 'reviewer')) {
        throw new HttpError(403, 'forbidden', 'Only its submitter and reviewers can see an entry here');
      }
      return detail;
    },
  );

  fastify.patch(
    '/:id',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Edit your own entry while it is pending',
        params: idParams,
        body: evidenceChanges,
        response: { 200: evidenceDetail, ...workspaceErrors },
      },
    },
    async (request) => {
      evidenceWorkspace.edit(request.params.id, request.body, signedIn(request));
      return detailOr404(request.params.id);
    },
  );

  fastify.post(
    '/:id/review',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Publish or reject a pending entry (never your own)',
        params: idParams,
        body: reviewInput,
        response: { 200: evidenceDetail, ...workspaceErrors },
      },
    },
    async (request) => {
      const { decision, note } = request.body;
      evidenceWorkspace.review(request.params.id, decision, note, signedIn(request));
      return detailOr404(request.params.id);
    },
  );

  fastify.post(
    '/:id/correct',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Correct a published entry (never your own); the note and date are shown publicly',
        params: idParams,
        body: correctionInput,
        response: { 200: evidenceDetail, ...workspaceErrors },
      },
    },
    async (request) => {
      const { note, ...changes } = request.body;
      evidenceWorkspace.correct(request.params.id, changes, note, signedIn(request));
      return detailOr404(request.params.id);
    },
  );

  fastify.post(
    '/:id/retract',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Retract a published entry: it stops counting and stays listed publicly as retracted, with the reason',
        params: idParams,
        body: retractionInput,
        response: { 200: evidenceDetail, ...workspaceErrors },
      },
    },
    async (request) => {
      evidenceWorkspace.retract(request.params.id, request.body.reason, signedIn(request));
      return detailOr404(request.params.id);
    },
  );
};

export default routes;
