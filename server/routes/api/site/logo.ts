import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_LOGO_BYTES, MAX_LOGO_MEGABYTES, MAX_LOGO_SIDE } from '../../../../core/site-logo.js';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { errorResponse, workspaceErrors } from '../../../schemas/common.js';
import { siteIdentity } from '../../../schemas/site.js';
import type { LogoImage } from '../../../repositories/site.js';
import { flyerType } from '../events/flyer.js';
import { loadSharp } from '../../../lazy-modules.js';

/** Autoload would put this file under /api/site; it serves /site/logo.png too, so it names full paths. */
export const prefixOverride = '';

/** The address carries the logo's version, so a versioned request may be kept for a year. */
const VERSIONED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** An address without the current version (an old page, a typed URL) is checked again soon. */
const UNVERSIONED_CACHE_CONTROL = 'public, max-age=300';

/** What an admin reads when the logo is too large: the limit, in the words the upload form uses. */
export const LOGO_TOO_LARGE = `The logo is larger than ${MAX_LOGO_MEGABYTES} MB, the most a logo may be. Save it at a smaller size (${MAX_LOGO_SIDE} pixels wide is plenty) and upload it again.`;

const badLogo = (message: string) => new HttpError(400, 'validation', `body.logo: ${message}`, [{ field: 'body.logo', message }]);

/**
 * The upload decoded and drawn again as a PNG the server made: pixels only (no EXIF, XMP, ICC
 * comments or anything appended), turned upright, scaled to fit MAX_LOGO_SIDE. PNG whatever came
 * in, so a logo keeps its transparency and the header, share images and print need one type.
 * `failOn: 'error'` makes a truncated or corrupt file a refusal rather than a half-drawn logo.
 */
export async function reencodeLogo(bytes: Buffer): Promise<LogoImage> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' })
    .rotate()
    .resize({ width: MAX_LOGO_SIDE, height: MAX_LOGO_SIDE, fit: 'inside', withoutEnlargement: true })
    .png({ compressionLevel: 9 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/**
 * The coalition's logo: admins upload one PNG, JPEG or WebP image (multipart field `logo`, at
 * most 1 MB) or remove it; anyone reads it at /site/logo.png. SVG is refused (see
 * core/site-logo.ts). Stored in the database, so every instance serves it.
 */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { site } = fastify.repositories;
  // Registered here, so only this file's routes parse multipart bodies.
  await fastify.register(multipart, { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 0, parts: 1 } });

  fastify.get(
    '/site/logo.png',
    {
      schema: {
        tags: ['public'],
        summary: 'The coalition’s logo (PNG, at most 512 pixels on its long side); 404 when none is set',
        querystring: z.object({ v: z.string().max(100).optional() }),
      },
    },
    async (request, reply) => {
      const logo = await site.logo();
      if (!logo) throw new HttpError(404, 'not-found', 'No logo is set');
      const current = request.query.v === logo.etag.replaceAll('"', '');
      reply
        .type('image/png')
        .header('etag', logo.etag)
        .header('cache-control', current ? VERSIONED_CACHE_CONTROL : UNVERSIONED_CACHE_CONTROL)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox");
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === logo.etag)) return reply.code(304).send();
      return reply.send(logo.png);
    },
  );

  fastify.post(
    '/api/site/logo',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary:
          'Upload the coalition’s logo: multipart/form-data with one PNG, JPEG or WebP file named `logo`, at most 1 MB (admins); 413 `too-large` above that',
        response: { 200: siteIdentity, ...workspaceErrors, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported-media-type', 'Send the logo as multipart/form-data');
      let part;
      try {
        part = await request.file();
      } catch {
        throw badLogo('is missing');
      }
      if (!part || part.fieldname !== 'logo') throw badLogo('is missing');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'too-large', LOGO_TOO_LARGE);
        throw badLogo('could not be read');
      }
      // The type from the file's first bytes; what the browser claims is not trusted. A PDF is a flyer, not a logo.
      const type = flyerType(bytes);
      if (!type || type === 'pdf') throw badLogo('must be a PNG, JPEG or WebP image');
      let image: LogoImage;
      try {
        image = await reencodeLogo(bytes);
      } catch {
        throw badLogo('could not be read as an image');
      }
      return await site.setLogo(image, actor);
    },
  );

  fastify.delete(
    '/api/site/logo',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Remove the coalition’s logo (admins)',
        response: { 200: siteIdentity, ...workspaceErrors },
      },
    },
    async (request) => await site.setLogo(null, signedIn(request)),
  );
};

export default routes;
