import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { signedIn } from '../plugins/auth.js';
import type { RemovalKind } from '../repositories/removal.js';
import { idParams, slugParams, workspaceErrors } from '../schemas/common.js';

/**
 * `POST …/archive` and `POST …/restore` for one kind of record (issue 14): people, elections and
 * events archive and restore the same way, so their admin route files register these two here.
 * Each answers the record as its admin screen shows it (`view`).
 */
export function archiveRoutes(
  fastify: FastifyInstance,
  options: {
    kind: RemovalKind;
    /** The record's public shape: the answer is validated and serialized against it. */
    response: z.ZodTypeAny;
    summaries: { archive: string; restore: string };
    view: (key: string | number) => Promise<unknown>;
  },
): void {
  // Events are named by id, people and elections by slug.
  const byId = options.kind === 'event';
  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    fastify.post(
      byId ? `/:id/${verb}` : `/:slug/${verb}`,
      {
        config: { minRole: 'admin' },
        schema: {
          tags: ['workspace'],
          summary: options.summaries[verb],
          params: byId ? idParams : slugParams,
          response: { 200: options.response, ...workspaceErrors },
        },
      },
      async (request) => {
        const params = request.params as { id?: number; slug?: string };
        const key = byId ? params.id! : params.slug!;
        await fastify.repositories.removal.setArchived(options.kind, key, archived, signedIn(request));
        return options.view(key);
      },
    );
  }
}
