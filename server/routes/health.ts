import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isWritable } from '../../db/connection.js';
import type { PgDb } from '../../db/pg/connection.js';
import { errorResponse } from '../schemas/common.js';

/** Less free space than this on the database's disk counts as full: SQLite needs room to grow the WAL. */
export const MIN_FREE_BYTES = 1024 * 1024;

const health = z.object({ status: z.enum(['ok', 'read-only', 'storage-full']), database: z.enum(['ok', 'read-only', 'storage-full']) });

/**
 * For monitoring: 200 `ok` only when the database can take writes. A database opened
 * read-only (or whose file stopped being writable, e.g. restored as root) answers 503
 * `read-only`, and a full disk (or SQLite's own page limit reached) 507 `storage-full`, the
 * statuses writes get from the error handler, so an alert fires before volunteers notice.
 */
const routes: FastifyPluginAsyncZod<{ databasePath: string }> = async (fastify, { databasePath }) => {
  // On PostgreSQL the database is not a file here: it answers, or the request fails.
  const onPostgres = fastify.dbEngine === 'postgres';
  const onDisk = databasePath !== ':memory:';
  const pageLimit = onPostgres
    ? null
    : fastify.db.$client.prepare('select page_count >= max_page_count from pragma_page_count(), pragma_max_page_count()').pluck();

  function state(): 'ok' | 'read-only' | 'storage-full' {
    if (!pageLimit) return 'ok';
    if (fastify.db.$client.readonly || (onDisk && !isWritable(databasePath))) return 'read-only';
    if (pageLimit.get() === 1) return 'storage-full';
    if (onDisk) {
      const disk = statfsSync(dirname(databasePath));
      if (disk.bavail * disk.bsize < MIN_FREE_BYTES) return 'storage-full';
    }
    return 'ok';
  }

  fastify.get(
    '/healthz',
    {
      schema: {
        hide: true,
        // A 503 may also be the overload answer ({error, message}, plugins/pressure.ts), which a
        // `health` schema alone could not serialize: it would become a 500.
        response: { 200: health, 503: z.union([health, errorResponse]), 507: health },
      },
    },
    async (_request, reply) => {
      if (onPostgres) await (fastify.db as unknown as PgDb).execute(sql`select 1`);
      else fastify.db.get(sql`select 1`);
      const status = state();
      reply.header('cache-control', 'no-store');
      return reply.code(status === 'ok' ? 200 : status === 'read-only' ? 503 : 507).send({ status, database: status });
    },
  );
};

export default routes;
