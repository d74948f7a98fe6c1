import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { bytes, updatedAt } from './columns.js';

/**
 * The site's identity, one row (id 1), editable by admins: the coalition's name, shown on
 * every widget and badge, and its logo, shown in the page header, on share images and in print.
 * Without a row the app uses `DEFAULT_COALITION_NAME` (server/repositories/site.ts) and no logo.
 * The logo lives here, not on disk, so every instance serves it and a deploy keeps it; it is
 * always a PNG the server re-encoded itself (server/routes/api/site/logo.ts).
 */
export const siteSettings = pgTable('site_settings', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  coalitionName: text('coalition_name').notNull(),
  logoPng: bytes('logo_png'),
  /** A strong ETag of the logo's bytes, quoted; also the version in the logo's address. */
  logoEtag: text('logo_etag'),
  logoWidth: integer('logo_width'),
  logoHeight: integer('logo_height'),
  updatedAt: updatedAt(),
});
