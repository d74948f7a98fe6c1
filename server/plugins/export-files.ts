import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ensurePrivateDir, writePrivateFile } from '../../db/private-files.js';
import { accepts } from './caching.js';

const gzipAsync = promisify(gzip);

/** One export as served: how to build its bytes, and the headers it carries. */
export interface ExportFile {
  /** A file-name-safe name, e.g. `evidence.csv`. */
  name: string;
  contentType: string;
  disposition: string;
  /** The whole file; called at most once per data version. */
  build(): string | Promise<string>;
}

interface Built {
  version: number;
  etag: string;
  plain: { path: string; size: number };
  gzip: { path: string; size: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Serves an export from its file on disk, built once per data version (plugins/export-files.ts). */
    sendExport(request: FastifyRequest, reply: FastifyReply, file: ExportFile): Promise<FastifyReply>;
  }
}

export interface ExportFilesOptions {
  /** The database file; exports live in `cache/` beside it. */
  databasePath: string;
}

/**
 * Exports are the largest public answers (every public entry with its sources), so they are
 * built once per data version, written to `cache/` beside the database (0700, files 0600)
 * with a gzip copy made once in the thread pool, and then streamed from disk with a strong
 * ETag: a crowd of downloads costs file reads, not queries, serialization and compression.
 * Requests that arrive while a version is being built wait for that one build.
 */
export default fp<ExportFilesOptions>(
  async (fastify, opts) => {
    const dir =
      opts.databasePath === ':memory:' ? mkdtempSync(join(tmpdir(), 'scorecard-cache-')) : join(dirname(opts.databasePath), 'cache');
    ensurePrivateDir(dir);
    // Files from an earlier run may belong to data that has changed since: start empty.
    for (const stale of readdirSync(dir)) rmSync(join(dir, stale), { force: true, recursive: true });

    const built = new Map<string, Built>();
    const building = new Map<string, { version: number; done: Promise<Built> }>();

    async function build(file: ExportFile, version: number): Promise<Built> {
      const body = Buffer.from(await file.build());
      const zipped = await gzipAsync(body, { level: 9 });
      const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
      const stem = join(dir, `${file.name}.${version}.${randomBytes(6).toString('hex')}`);
      // Written under a temporary name and renamed, so a reader never sees half a file.
      writePrivateFile(`${stem}.tmp`, body);
      renameSync(`${stem}.tmp`, stem);
      writePrivateFile(`${stem}.gz.tmp`, zipped);
      renameSync(`${stem}.gz.tmp`, `${stem}.gz`);
      return { version, etag: `"${tag}"`, plain: { path: stem, size: body.length }, gzip: { path: `${stem}.gz`, size: zipped.length } };
    }

    async function current(file: ExportFile): Promise<Built> {
      const version = fastify.dataVersion.value;
      const ready = built.get(file.name);
      if (ready?.version === version) return ready;
      const pending = building.get(file.name);
      if (pending?.version === version) return pending.done;
      const done = build(file, version).then((next) => {
        const previous = built.get(file.name);
        built.set(file.name, next);
        // A stream already open keeps reading an unlinked file; new requests get the new one.
        if (previous) for (const old of [previous.plain.path, previous.gzip.path]) rmSync(old, { force: true });
        return next;
      });
      building.set(file.name, { version, done });
      try {
        return await done;
      } finally {
        if (building.get(file.name)?.done === done) building.delete(file.name);
      }
    }

    fastify.decorate('sendExport', async (request: FastifyRequest, reply: FastifyReply, file: ExportFile) => {
      const ready = await current(file);
      reply
        .type(file.contentType)
        .header('content-disposition', file.disposition)
        .header('etag', ready.etag)
        .header('vary', 'Accept-Encoding');
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === ready.etag || t.trim() === '*')) {
        return reply.code(304).send();
      }
      const zipped = accepts(request.headers['accept-encoding'], 'gzip');
      const form = zipped ? ready.gzip : ready.plain;
      if (zipped) reply.header('content-encoding', 'gzip');
      reply.header('content-length', form.size);
      // Opened now, in this turn: a newer version's build may unlink the file right after.
      return reply.send(createReadStream(form.path, { fd: openSync(form.path, 'r') }));
    });

    fastify.addHook('onClose', async () => {
      for (const b of built.values()) for (const path of [b.plain.path, b.gzip.path]) rmSync(path, { force: true });
      if (opts.databasePath === ':memory:') rmSync(dir, { recursive: true, force: true });
    });
  },
  { name: 'export-files', dependencies: ['database'] },
);
