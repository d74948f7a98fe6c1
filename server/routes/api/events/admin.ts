import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../plugins/auth.js';
import { eventInput, eventPatch } from '../../../schemas/admin.js';
import { idParams, workspaceErrors } from '../../../schemas/common.js';
import { publicEvent } from '../../../schemas/events.js';
import { removeFlyer } from './flyer.js';

export interface EventsAdminOptions {
  /** Where flyers live (see flyer.ts): deleting an event deletes its flyer file too. */
  flyersDir: string;
}

/** Admins announce candidate forums and other events. */
const routes: FastifyPluginAsyncZod<EventsAdminOptions> = async (fastify, { flyersDir }) => {
  const { admin, events } = fastify.repositories;
  const publicView = async (id: number) => (await events.list()).find((e) => e.id === id)!;

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
      removeFlyer(flyersDir, await admin.deleteEvent(request.params.id, signedIn(request)));
      return reply.code(204).send(null);
    },
  );
};

export default routes;
