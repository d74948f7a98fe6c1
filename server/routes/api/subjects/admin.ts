import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../../../plugins/auth.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { subjectInput, subjectPatch } from '../../../schemas/admin.js';
import { slugParams, workspaceErrors } from '../../../schemas/common.js';
import { REPLY_LINK_DAYS } from '../../../repositories/replies.js';
import { replyLink, replyLinkCreated, replyLinkInput, replyLinkParams } from '../../../schemas/replies.js';
import { z } from 'zod';
import { publicSubject } from '../../../schemas/subjects.js';

/** Admins add people to score and edit them; the slug is fixed once created. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin, replies } = fastify.repositories;

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
      return reply.code(201).send(toPublicSubject(created));
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
      return toPublicSubject(updated);
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
