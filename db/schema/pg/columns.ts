import { customType, text } from 'drizzle-orm/pg-core';
import { nowIso } from '../columns.js';

/**
 * Timestamps stay ISO 8601 text in UTC on PostgreSQL too (not `timestamptz`): the same
 * repository code then reads and writes the same strings on both engines, and they sort as
 * text the same way.
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

/**
 * Bytes, as a Buffer on both engines (SQLite's `blob({ mode: 'buffer' })`): drizzle 0.45 has no
 * `bytea` builder, and node-postgres already reads bytea as a Buffer and writes a Buffer as one.
 */
export const bytes = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});
