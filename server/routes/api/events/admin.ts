import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { archiveRoutes } from '../../archive-routes.js';
import { z } from 'zod';
import { signedIn } from '../../../plugins/auth.js';
import { eventInput, eventPatch } from '../../../schemas/admin.js';
import { idParams, workspaceErrors } from '../../../schemas/common.js';
import { publicEvent } from '../../../schemas/events.js';
import { removalPlan } from '../../../schemas/removal.js';

/** Admins announce candidate forums and other events. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin, events, removal } = fastify.repositories;
  /** The event as stored (archived ones too), with the Spanish text the admin just wrote. */
  const publicView = async (id: number) =>
    (
      await fastify.repositories.translations.localizeEvents(
        [(await events.list({ includeArchived: true })).find((e) => e.id === id)!],
        'en',
      )
    )[0];

  fastify.post(
    '/',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Announce an event (admins)',
        body: eventInput,
        response: { 201: publicEvent, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const created = await admin.createEvent(request.body, signedIn(request));
      return reply.code(201).send(await publicView(created.id));
    },
  );

  fastify.patch(
    '/:id',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Edit an event; `subjects` replaces the list (admins)',
        params: idParams,
        body: eventPatch,
        response: { 200: publicEvent, ...workspaceErrors },
      },
    },
    async (request) => {
      await admin.updateEvent(request.params.id, request.body, signedIn(request));
      return await publicView(request.params.id);
    },
  );

  fastify.delete(
    '/:id',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Remove a cancelled event (admins)',
        params: idParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      await admin.deleteEvent(request.params.id, signedIn(request));
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/:id/removal',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'What deleting this event would do (admins)',
        params: idParams,
        response: { 200: removalPlan, ...workspaceErrors },
      },
    },
    async (request) => removal.eventPlan(request.params.id),
  );

  archiveRoutes(fastify, {
    kind: 'event',
    response: publicEvent,
    summaries: {
      archive: 'Archive an event (admins): hidden from the public list, kept for the record',
      restore: 'Restore an archived event to the public list (admins)',
    },
    view: (key) => publicView(key as number),
  });
};

export default routes;
