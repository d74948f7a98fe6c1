import { createSelectSchema, createUpdateSchema } from 'drizzle-zod';
import type { z } from 'zod';
import { siteSettings } from '../../db/schema/index.js';
import { text } from './common.js';

/** The site's identity as the public API serves it (`GET /api/site`). */
export const siteIdentity = createSelectSchema(siteSettings).pick({ coalitionName: true });

/** What an admin sends to rename the coalition (`PATCH /api/site`). */
export const siteIdentityPatch = createUpdateSchema(siteSettings, { coalitionName: () => text(120) })
  .pick({ coalitionName: true })
  .required()
  .strict();

export type SiteIdentityResponse = z.infer<typeof siteIdentity>;
