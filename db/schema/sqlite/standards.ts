import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp, updatedAt } from './columns.js';

/** The coalition's ten standards. `number` and `slug` are stable; the text is editable. */
export const standards = sqliteTable('standards', {
  id: integer('id').primaryKey(),
  number: integer('number').notNull().unique(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  /** What power the DA holds over this standard, in plain words. */
  daPower: text('da_power').notNull(),
  /** Examples of what evidence counts, as a JSON array of strings. */
  indicators: text('indicators', { mode: 'json' }).$type<string[]>().notNull(),
  /**
   * When an admin last changed the English text (null: as seeded). A translation saved before
   * it "needs update" (standard_translations.text_edited_at).
   */
  textEditedAt: timestamp('text_edited_at'),
  updatedAt: updatedAt(),
});

export type Standard = typeof standards.$inferSelect;
