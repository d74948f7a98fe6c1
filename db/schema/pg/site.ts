import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.js';

/**
 * The site's identity, one row (id 1), editable by admins: the coalition's name, shown on
 * every widget and badge. Without a row the app uses `DEFAULT_COALITION_NAME`
 * (server/repositories/site.ts). A logo may join it later.
 */
export const siteSettings = pgTable('site_settings', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  coalitionName: text('coalition_name').notNull(),
  updatedAt: updatedAt(),
});
