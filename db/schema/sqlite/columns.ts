import { text } from 'drizzle-orm/sqlite-core';
import { nowIso } from '../columns.js';

/**
 * Timestamps are stored as ISO 8601 text in UTC: they sort correctly as text, read well in
 * the database shell and go out through the API unchanged.
 */
export const timestamp = (name: string) => text(name);

export { nowIso };

export const createdAt = () => timestamp('created_at').notNull().$defaultFn(nowIso);
export const updatedAt = () => timestamp('updated_at').notNull().$defaultFn(nowIso);

/**
 * When an admin archived the record: kept for the record because something published depends
 * on it, hidden from public lists, its own URL still answering with an "archived" note.
 */
export const archivedAt = () => timestamp('archived_at');
