import { text } from 'drizzle-orm/pg-core';
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
