import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../../../errors.js';
import { nextTurn, readCsvTable, readXlsxTable, UnreadableSpreadsheet, writeXlsxTable } from '../../../import/tables.js';
import { signedIn } from '../../../plugins/auth.js';
import { hasRole } from '../../../repositories/users.js';
import { errorResponse, idParams, paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';
import {
  correctionInput,
  evidenceChanges,
  evidenceDetail,
  evidenceInput,
  evidenceListQuery,
  personRef,
  retractionInput,
  reviewInput,
  workspaceEvidence,
} from '../../../schemas/evidence-workspace.js';
import { z } from 'zod';
import { answerLanguage, langQuery } from '../../../i18n/language.js';
import { evidencePath } from '../../../../core/evidence-links.js';
import { PUBLIC_CACHE_CONTROL } from '../../../plugins/caching.js';
import { publicEvidenceDetail } from '../../../schemas/evidence.js';
import { proposalAnswer } from '../../../schemas/evidence-changes.js';
import {
  fileProblem,
  importInput,
  importQuery,
  importReport,
  importTemplate,
  importTemplateTable,
  importLimitError,
  importVocabulary,
  parseImport,
} from '../../../schemas/evidence-import.js';
import { ImportLimitReached } from '../../../repositories/import-quota.js';
import { today } from '../../../../core/calendar.js';

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

/** Rows matched against stored entries between two turns of the event loop. */
const IMPORT_ROWS_PER_TURN = 10;

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { evidenceWorkspace, evidenceSearch, proposedChanges, importQuota } = fastify.repositories;
  const { notifications } = fastify;
  /** Tells the other reviewers a proposed change awaits them; never fails the request that made it. */
  const announceProposal = async (request: FastifyRequest, entryId: number) => {
    try {
      const proposer = signedIn(request);
      await notifications.proposedChangeAwaitsSecondReviewer({
        title: (await evidenceWorkspace.detail(entryId))?.title ?? `#${entryId}`,
        proposedBy: { id: proposer.id, displayName: proposer.displayName },
        path: '/workspace/review/changes',
      });
    } catch (err) {
      request.log.error({ err }, 'could not queue the proposed-change email');
    }
  };
  const detailOr404 = async (id: number) => {
    const detail = await evidenceWorkspace.detail(id);
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
    async (request, reply) => {
      const created = await evidenceWorkspace.create(request.body, signedIn(request));
      // Reviewers may be due their "entries await your review" digest.
      fastify.mail.kick();
      return reply.code(201).send(created);
    },
  );

  fastify.post(
    '/import',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary:
          'Bulk import from a spreadsheet (CSV text or a base64 .xlsx file, at most 500 rows): every row validated and reported; with dryRun=false the valid rows become pending entries in one transaction. Each account imports at most 2,000 rows a calendar day: past that, 429 `import-limit` with how many are left',
        querystring: importQuery,
        body: importInput,
        response: { 200: importReport, ...workspaceErrors, 413: errorResponse, 429: importLimitError },
      },
    },
    async (request, reply) => {
      const { csv, xlsx } = request.body;
      // Both steps yield the event loop as they go (issue 17): public reads keep being answered.
      const parsed = await parseImport(
        await readImportTable(csv, xlsx),
        await importVocabulary(fastify.repositories),
        xlsx ? 'body.xlsx' : 'body.csv',
      );
      const dryRun = request.query.dryRun === 'true';
      const matches = new Map<number, Awaited<ReturnType<typeof evidenceWorkspace.matchImport>>>();
      // A query per row is over in microseconds, but 500 of them back to back would hold the
      // event loop for half a second: give other requests a turn every few rows.
      for (const [i, row] of parsed.entries()) {
        if (row.input !== null) matches.set(row.line, await evidenceWorkspace.matchImport(row.input));
        if (i % IMPORT_ROWS_PER_TURN === IMPORT_ROWS_PER_TURN - 1) await nextTurn();
      }
      const valid = parsed.filter((row) => row.input !== null);
      // Re-importing the same file creates nothing twice: rows that became entries before are skipped.
      const fresh = valid.filter((row) => matches.get(row.line)!.alreadyImported === null);
      const me = signedIn(request);
      const day = today();
      let created: Awaited<ReturnType<typeof evidenceWorkspace.createMany>> = [];
      if (!dryRun && fresh.length > 0) {
        try {
          // The day's limit is counted with the entries, in their unit of work (issue 14).
          created = await importQuota.spend(me.id, day, fresh.length, (tx) =>
            evidenceWorkspace.createMany(
              fresh.map((row) => row.input!),
              me,
              tx,
            ),
          );
        } catch (err) {
          if (!(err instanceof ImportLimitReached)) throw err;
          return reply.code(429).send({ error: err.code, message: err.message, ...err.allowance });
        }
      }
      const allowance = await importQuota.allowance(me.id, day);
      const ids = new Map(fresh.map((row, i) => [row.line, created[i]?.id ?? null]));
      return {
        dryRun,
        allowance: { ...allowance, enough: dryRun ? fresh.length <= allowance.left : true },
        valid: valid.length,
        invalid: parsed.length - valid.length,
        created: created.length,
        skipped: valid.length - fresh.length,
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
          alreadyImported: matches.get(line)?.alreadyImported ?? null,
          duplicates: matches.get(line)?.duplicates ?? [],
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
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="evidence-import-template.csv"')
        .send(await importTemplate()),
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
        summary:
          'Evidence in any status, filtered, searched and ordered, e.g. the review queue with ?status=pending (volunteers see only their own)',
        querystring: pagingQuery.extend(evidenceListQuery.shape),
        response: { 200: paged(workspaceEvidence), ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      const { page, pageSize, mine, notMine, ...filter } = request.query;
      const submittedBy = mine === 'true' || !hasRole(me, 'reviewer') ? me.id : undefined;
      const notSubmittedBy = notMine === 'true' ? me.id : undefined;
      return await evidenceSearch.list({ ...filter, submittedBy, notSubmittedBy }, { page, pageSize });
    },
  );

  fastify.get(
    '/submitters',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Everyone who has submitted evidence, by name, with how many entries (for the "submitted by" filter; reviewers)',
        response: { 200: z.array(personRef.unwrap().extend({ entries: z.number().int() })), ...workspaceErrors },
      },
    },
    async () => await evidenceSearch.submitters(),
  );

  fastify.get(
    '/:id',
    {
      schema: {
        tags: ['public', 'workspace'],
        summary:
          'One entry: its submitter and reviewers get it with every revision; anyone else gets a published or retracted entry with its public history and replies (404 otherwise), its title and summary in Spanish with `lang=es` where written',
        params: idParams,
        querystring: z.object({ lang: langQuery }),
        response: { 200: z.union([evidenceDetail, publicEvidenceDetail]), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const me = request.account;
      const id = request.params.id;
      const detail = me ? await evidenceWorkspace.detail(id) : undefined;
      if (detail && me && (detail.submittedBy?.id === me.id || hasRole(me, 'reviewer'))) return detail;
      // Pending, rejected and withdrawn entries do not exist for anyone else.
      const found = await fastify.repositories.evidence.findPublic(id);
      if (!found) throw new HttpError(404, 'not-found', `No evidence with id ${id}`);
      if (!me) reply.header('cache-control', PUBLIC_CACHE_CONTROL);
      const [entry] = await fastify.repositories.translations.localizeEvidence([found], answerLanguage(request, reply));
      return {
        ...entry,
        url: fastify.publicUrl(evidencePath(entry.id)),
        history: await fastify.repositories.evidence.publicHistory(id),
        replies: await fastify.repositories.replies.publishedFor({ evidenceId: id }),
      };
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
      await evidenceWorkspace.edit(request.params.id, request.body, signedIn(request));
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
      const { decision, note, revision } = request.body;
      await evidenceWorkspace.review(request.params.id, decision, note, revision, signedIn(request));
      // After the commit, and never able to fail the review: the volunteer's email is a courtesy.
      try {
        await fastify.notifications.entryReviewed(request.params.id);
      } catch (err) {
        request.log.error({ err }, 'could not queue the review email');
      }
      return detailOr404(request.params.id);
    },
  );

  fastify.post(
    '/:id/withdraw',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Withdraw your own pending entry: it is kept, never reviewed and never public',
        params: idParams,
        response: { 200: evidenceDetail, ...workspaceErrors },
      },
    },
    async (request) => {
      await evidenceWorkspace.withdraw(request.params.id, signedIn(request));
      return detailOr404(request.params.id);
    },
  );

  fastify.post(
    '/:id/correct',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Propose a correction of a published entry (never your own): nothing public changes until a second reviewer approves it',
        params: idParams,
        body: correctionInput,
        response: { 202: proposalAnswer, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const { note, ...fields } = request.body;
      const change = await proposedChanges.propose(request.params.id, 'correction', fields, note, signedIn(request));
      await announceProposal(request, request.params.id);
      return reply.code(202).send({ change });
    },
  );

  fastify.post(
    '/:id/retract',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary:
          'Propose retracting a published entry: once a second reviewer approves, it stops counting and stays listed publicly with the reason',
        params: idParams,
        body: retractionInput,
        response: { 202: proposalAnswer, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const change = await proposedChanges.propose(request.params.id, 'retraction', {}, request.body.reason, signedIn(request));
      await announceProposal(request, request.params.id);
      return reply.code(202).send({ change });
    },
  );
};

export default routes;
