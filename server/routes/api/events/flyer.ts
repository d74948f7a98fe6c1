import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { errorResponse, idParams, workspaceErrors } from '../../../schemas/common.js';
import { publicEvent } from '../../../schemas/events.js';
import { FLYER_TYPES, FlyerRepository } from '../../../repositories/flyers.js';
import { MAX_FLYER_BYTES, MAX_FLYER_MEGABYTES } from '../../../../core/flyers.js';
import { cleanPdf, UnusablePdf } from '../../../flyer-pdf.js';
import { loadSharp } from '../../../lazy-modules.js';

export interface FlyerOptions {
  /**
   * Where flyers were stored before they moved into the database: `flyers/` beside the
   * database file. Read once at start-up, to import any flyer not yet in the database.
   */
  flyersDir: string;
}

/** A flyer's public name: `<event id>-<uuid>.<type>`, made up by the server. */
const FLYER_NAME = /^[a-z0-9-]+\.(png|jpg|webp|pdf)$/;
/** Flyers change only by getting a new name, so a day of caching is safe. */
const FLYER_CACHE_CONTROL = 'public, max-age=86400';

/** Autoload would put this file under /api/events; it serves /media/flyers/ too, so it names full paths. */
export const prefixOverride = '';

export type FlyerType = keyof typeof FLYER_TYPES;

/** The flyer's type from the file's first bytes; what the uploader's browser claims is not trusted. */
export function flyerType(bytes: Buffer): FlyerType | null {
  // Many coalitions make flyers as PDF (issue 14): stored without its metadata (flyer-pdf.ts), served as a download.
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

/** A flyer is read on phones and printed: larger photos are scaled down to fit this box. */
export const MAX_FLYER_SIDE = 2000;

/**
 * The upload decoded and encoded again in its own format: what is stored is pixels only,
 * without EXIF (a phone photo's GPS position, camera serial), XMP, ICC comments or anything
 * appended after the image; the photo is turned upright first and scaled to fit
 * MAX_FLYER_SIDE. libvips works in its own threads, off the event loop.
 */
export async function reencodeFlyer(bytes: Buffer, type: Exclude<FlyerType, 'pdf'>): Promise<Buffer> {
  const sharp = await loadSharp();
  const image = sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' })
    .rotate()
    .resize({ width: MAX_FLYER_SIDE, height: MAX_FLYER_SIDE, fit: 'inside', withoutEnlargement: true });
  if (type === 'png') return image.png({ compressionLevel: 9 }).toBuffer();
  if (type === 'webp') return image.webp({ quality: 85 }).toBuffer();
  return image.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
}

/** What an admin reads when a flyer is too large: the limit, in the words the upload form uses. */
export const FLYER_TOO_LARGE = `The flyer is larger than ${MAX_FLYER_MEGABYTES} MB, the most a flyer may be. Make it smaller (export the PDF for the web, or save the image at a lower size) and upload it again.`;

const badFlyer = (message: string) => new HttpError(400, 'validation', `body.flyer: ${message}`, [{ field: 'body.flyer', message }]);

/**
 * Flyers stored on disk by an earlier version (flyers/ beside the database) are copied into the
 * database once, at start-up, for every event that names one the database does not hold yet.
 * The files are left where they are (a backup may still want them); nothing reads them after.
 */
export async function importFlyersFromDisk(repository: FlyerRepository, flyersDir: string): Promise<number> {
  const found = [];
  for (const { eventId, name } of await repository.missing()) {
    const path = join(resolve(flyersDir), name);
    const type = FLYER_NAME.exec(name)?.[1] as keyof typeof FLYER_TYPES | undefined;
    if (!type || !existsSync(path)) continue;
    found.push({ eventId, name, contentType: FLYER_TYPES[type], bytes: readFileSync(path) });
  }
  if (found.length) await repository.importAll(found);
  return found.length;
}

/**
 * Event flyers: admins upload one PNG, JPEG or WebP image, or a PDF, per event (multipart field
 * `flyer`, at most 2 MB), written again without its metadata (images by sharp, PDFs by
 * pdf-lib: an encrypted or unreadable PDF is refused); it is stored in the database under a
 * name the server makes up and served from /media/flyers/ by any instance, with its own
 * content type, `nosniff` and a CSP that runs nothing (a PDF as a download).
 */
const routes: FastifyPluginAsyncZod<FlyerOptions> = async (fastify, options) => {
  const { admin, events } = fastify.repositories;
  const flyers = new FlyerRepository(fastify.db);
  if (!fastify.db.$client.readonly) {
    const imported = await importFlyersFromDisk(flyers, options.flyersDir);
    if (imported) fastify.log.info({ imported }, 'Copied flyers from the flyers folder into the database');
  }
  // Registered here, so only this route parses multipart bodies.
  await fastify.register(multipart, { limits: { fileSize: MAX_FLYER_BYTES, files: 1, fields: 0, parts: 1 } });

  fastify.get(
    '/media/flyers/:name',
    { schema: { hide: true, params: z.object({ name: z.string().max(200) }) } },
    async (request, reply) => {
      const { name } = request.params;
      const flyer = FLYER_NAME.test(name) ? await flyers.byName(name) : undefined;
      if (!flyer) throw new HttpError(404, 'not-found', 'No such flyer');
      reply
        .header('content-type', flyer.contentType)
        .header('etag', flyer.etag)
        .header('cache-control', FLYER_CACHE_CONTROL)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox");
      // A PDF is saved, not opened here: a sandboxed page cannot show one, and a PDF can carry script.
      if (flyer.contentType === FLYER_TYPES.pdf) reply.header('content-disposition', 'attachment; filename="flyer.pdf"');
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === flyer.etag)) return reply.code(304).send();
      return reply.send(flyer.bytes);
    },
  );

  fastify.post(
    '/api/events/:id/flyer',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary:
          'Upload an event’s flyer: multipart/form-data with one PNG, JPEG, WebP or PDF file named `flyer`, at most 2 MB (admins), stored without its metadata; 413 `too-large` above that, 400 for an encrypted or unreadable PDF',
        params: idParams,
        response: { 200: publicEvent, ...workspaceErrors, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported-media-type', 'Send the flyer as multipart/form-data');
      const part = await request.file();
      if (!part || part.fieldname !== 'flyer') throw badFlyer('is missing');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'too-large', FLYER_TOO_LARGE);
        throw err;
      }
      const type = flyerType(bytes);
      if (!type) throw badFlyer('must be a PNG, JPEG or WebP image, or a PDF');
      if (!(await events.list({ includeArchived: true })).some((e) => e.id === request.params.id))
        throw new HttpError(404, 'not-found', `No event with id ${request.params.id}`);
      let clean: Buffer;
      try {
        clean = type === 'pdf' ? await cleanPdf(bytes) : await reencodeFlyer(bytes, type);
      } catch (err) {
        if (err instanceof UnusablePdf) throw badFlyer(err.message);
        if (type === 'pdf') throw err;
        throw badFlyer('could not be read as an image');
      }
      const name = `${request.params.id}-${randomUUID()}.${type}`;
      await admin.setEventFlyer(request.params.id, { name, contentType: FLYER_TYPES[type], bytes: clean }, actor);
      return (await events.list({ includeArchived: true })).find((e) => e.id === request.params.id)!;
    },
  );

  fastify.delete(
    '/api/events/:id/flyer',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Remove an event’s flyer (admins)',
        params: idParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      await admin.setEventFlyer(request.params.id, null, signedIn(request));
      return reply.code(204).send(null);
    },
  );
};

export default routes;
