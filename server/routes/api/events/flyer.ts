import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import multipart from '@fastify/multipart';
import sharp from 'sharp';
import { ensurePrivateDir, writePrivateFile } from '../../../../db/private-files.js';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { errorResponse, idParams, workspaceErrors } from '../../../schemas/common.js';
import { publicEvent } from '../../../schemas/events.js';

export interface FlyerOptions {
  /** Where flyer images are stored: `flyers/` beside the database file. */
  flyersDir: string;
}

/** Autoload would put this file under /api/events; it serves /media/flyers/ too, so it names full paths. */
export const prefixOverride = '';

export const MAX_FLYER_BYTES = 2 * 1024 * 1024;

/** The image type from the file's first bytes; what the uploader's browser claims is not trusted. */
export function flyerType(bytes: Buffer): 'png' | 'jpg' | 'webp' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

/** A flyer is read on phones and printed: larger photos are scaled down to fit this box. */
export const MAX_FLYER_SIDE = 2000;

/** Deletes a flyer file by its stored name (a no-op for none or one already gone). */
export function removeFlyer(flyersDir: string, file: string | null): void {
  if (file && /^[a-z0-9-]+\.(png|jpg|webp)$/.test(file)) rmSync(join(resolve(flyersDir), file), { force: true });
}

/**
 * The upload decoded and encoded again in its own format: what is stored is pixels only,
 * without EXIF (a phone photo's GPS position, camera serial), XMP, ICC comments or anything
 * appended after the image; the photo is turned upright first and scaled to fit
 * MAX_FLYER_SIDE. libvips works in its own threads, off the event loop.
 */
export async function reencodeFlyer(bytes: Buffer, type: 'png' | 'jpg' | 'webp'): Promise<Buffer> {
  const image = sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' })
    .rotate()
    .resize({ width: MAX_FLYER_SIDE, height: MAX_FLYER_SIDE, fit: 'inside', withoutEnlargement: true });
  if (type === 'png') return image.png({ compressionLevel: 9 }).toBuffer();
  if (type === 'webp') return image.webp({ quality: 85 }).toBuffer();
  return image.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
}

const badFlyer = (message: string) => new HttpError(400, 'validation', `body.flyer: ${message}`, [{ field: 'body.flyer', message }]);

/**
 * Event flyers: admins upload one PNG, JPEG or WebP image per event (multipart field
 * `flyer`, at most 2 MB); it is stored under a name the server makes up and served from
 * /media/flyers/ with the image's own content type, `nosniff` and a CSP that runs nothing.
 */
const routes: FastifyPluginAsyncZod<FlyerOptions> = async (fastify, options) => {
  // @fastify/static needs an absolute root, whatever the caller passed.
  const flyersDir = resolve(options.flyersDir);
  const { admin, events } = fastify.repositories;
  ensurePrivateDir(flyersDir);
  // Registered here, so only this route parses multipart bodies.
  await fastify.register(multipart, { limits: { fileSize: MAX_FLYER_BYTES, files: 1, fields: 0, parts: 1 } });
  await fastify.register(fastifyStatic, {
    root: flyersDir,
    prefix: '/media/flyers/',
    decorateReply: false,
    index: false,
    allowedPath: (path) => /^\/?[a-z0-9-]+\.(png|jpg|webp)$/.test(path),
    maxAge: '1d',
    setHeaders: (res) => {
      res.header('x-content-type-options', 'nosniff');
      res.header('content-security-policy', "default-src 'none'; sandbox");
    },
  });

  const remove = (file: string | null) => removeFlyer(flyersDir, file);

  fastify.post(
    '/api/events/:id/flyer',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Upload an event’s flyer: multipart/form-data with one PNG, JPEG or WebP file named `flyer`, at most 2 MB (admins)',
        params: idParams,
        response: { 200: publicEvent, ...workspaceErrors, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported-media-type', 'Send the flyer as multipart/form-data');
      const part = await request.file();
      if (!part || part.fieldname !== 'flyer') throw badFlyer('is missing');
      const bytes = await part.toBuffer();
      const type = flyerType(bytes);
      if (!type) throw badFlyer('must be a PNG, JPEG or WebP image');
      if (!(await events.list()).some((e) => e.id === request.params.id))
        throw new HttpError(404, 'not-found', `No event with id ${request.params.id}`);
      let clean: Buffer;
      try {
        clean = await reencodeFlyer(bytes, type);
      } catch {
        throw badFlyer('could not be read as an image');
      }
      const file = `${request.params.id}-${randomUUID()}.${type}`;
      writePrivateFile(join(flyersDir, file), clean);
      remove(await admin.setEventFlyer(request.params.id, file, actor));
      return (await events.list()).find((e) => e.id === request.params.id)!;
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
      remove(await admin.setEventFlyer(request.params.id, null, signedIn(request)));
      return reply.code(204).send(null);
    },
  );
};

export default routes;
