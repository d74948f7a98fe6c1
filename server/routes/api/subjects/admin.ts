import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { archiveRoutes } from '../../archive-routes.js';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { subjectInput, subjectPatch } from '../../../schemas/admin.js';
import { slugParams, workspaceErrors } from '../../../schemas/common.js';
import { REPLY_LINK_DAYS } from '../../../repositories/replies.js';
import { replyLink, replyLinkCreated, replyLinkInput, replyLinkParams } from '../../../schemas/replies.js';
import { z } from 'zod';
import { publicSubject } from '../../../schemas/subjects.js';
import { removalPlan } from '../../../schemas/removal.js';

/** Admins add people to score and edit them; the slug is fixed once created. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin, replies, translations, removal, inOffice, subjects } = fastify.repositories;
  /** The person as stored, with the Spanish text the admin just wrote. */
  const withTranslations = async (row: Parameters<typeof toPublicSubject>[0]) =>
    (await translations.localizeSubjects([toPublicSubject(row)], 'en'))[0];
  const publicView = async (slug: string) => withTranslations((await subjects.rowBySlug(slug))!);

  fastify.post(
    '/',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Add a person to score (admins)',
        body: subjectInput,
        response: { 201: publicSubject, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const created = await admin.createSubject(request.body, signedIn(request));
      return reply.code(201).send(await withTranslations(created));
    },
  );

  fastify.patch(
    '/:slug',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Edit a person (admins); the slug cannot change',
        params: slugParams,
        body: subjectPatch,
        response: { 200: publicSubject, ...workspaceErrors },
      },
    },
    async (request) => {
      const updated = await admin.updateSubject(request.params.slug, request.body, signedIn(request));
      return withTranslations(updated);
    },
  );

  fastify.get(
    '/:slug/removal',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'What deleting this person would do, or why they can only be archived (admins)',
        params: slugParams,
        response: { 200: removalPlan, ...workspaceErrors },
      },
    },
    async (request) => removal.subjectPlan(request.params.slug),
  );

  fastify.delete(
    '/:slug',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary:
          'Delete a person nothing published depends on, with their unpublished entries (admins); 409 `in-use` when published evidence, replies or an election depend on them: archive them instead',
        params: slugParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      await removal.deleteSubject(request.params.slug, signedIn(request));
      return reply.code(204).send(null);
    },
  );

  archiveRoutes(fastify, {
    kind: 'subject',
    response: publicSubject,
    summaries: {
      archive: 'Archive a person (admins): hidden from public lists, their page still answers with an “archived” note',
      restore: 'Restore an archived person to the public lists (admins)',
    },
    view: (key) => publicView(key as string),
  });

  fastify.post(
    '/:slug/in-office',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Mark this person as the District Attorney today, unmarking whoever was (admins); the home page shows them',
        params: slugParams,
        response: { 200: publicSubject, ...workspaceErrors },
      },
    },
    async (request) => toPublicSubject(await inOffice.mark(request.params.slug, signedIn(request))),
  );

  fastify.delete(
    '/:slug/in-office',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Unmark this person as the District Attorney today (admins); the home page then says nobody is marked',
        params: slugParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const current = await inOffice.current();
      if (!(await subjects.rowBySlug(request.params.slug)))
        throw new HttpError(404, 'not-found', `No person with slug "${request.params.slug}"`);
      if (current?.slug === request.params.slug) await inOffice.clear(signedIn(request));
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/:slug/reply-links',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Create a link that lets the person’s office reply publicly (admins); shown once, send it by any channel',
        params: slugParams,
        body: replyLinkInput.optional(),
        response: { 201: replyLinkCreated, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const link = await replies.createLink(request.params.slug, request.body?.days ?? REPLY_LINK_DAYS, signedIn(request));
      return reply.code(201).send({ id: link.id, expiresAt: link.expiresAt, url: fastify.publicUrl(`/reply/${link.token}`) });
    },
  );

  fastify.get(
    '/:slug/reply-links',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'The reply links sent for a person, newest first (admins)',
        params: slugParams,
        response: { 200: z.array(replyLink), ...workspaceErrors },
      },
    },
    async (request) => await replies.listLinks(request.params.slug),
  );

  fastify.delete(
    '/:slug/reply-links/:id',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Revoke a reply link (admins); replies already sent stay',
        params: replyLinkParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      await replies.revokeLink(request.params.slug, request.params.id, signedIn(request));
      return reply.code(204).send(null);
    },
  );
};

export default routes;
