import { createSelectSchema, createUpdateSchema } from 'drizzle-zod';
import { z } from 'zod';
import { siteSettings } from '../../db/schema/index.js';
import { text } from './common.js';

/** The logo as the API points at it: a versioned address on this site, and its size in pixels. */
export const siteLogo = z.object({ url: z.string(), width: z.number().int(), height: z.number().int() });

/** The site's identity as the public API serves it (`GET /api/site`). */
export const siteIdentity = createSelectSchema(siteSettings).pick({ coalitionName: true }).extend({ logo: siteLogo.nullable() });

/** What an admin sends to rename the coalition (`PATCH /api/site`). */
export const siteIdentityPatch = createUpdateSchema(siteSettings, { coalitionName: () => text(120) })
  .pick({ coalitionName: true })
  .required()
  .strict();

export type SiteIdentityResponse = z.infer<typeof siteIdentity>;
