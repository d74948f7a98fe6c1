import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamp, updatedAt } from './columns.js';

/** The coalition's ten standards. `number` and `slug` are stable; the text is editable. */
export const standards = pgTable('standards', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  number: integer('number').notNull().unique(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  /** What power the DA holds over this standard, in plain words. */
  daPower: text('da_power').notNull(),
  /** Examples of what evidence counts, as a JSON array of strings. */
  indicators: jsonb('indicators').$type<string[]>().notNull(),
  /**
   * When an admin last changed the English text (null: as seeded). A translation saved before
   * it "needs update" (standard_translations.text_edited_at).
   */
  textEditedAt: timestamp('text_edited_at'),
  updatedAt: updatedAt(),
});

export type Standard = typeof standards.$inferSelect;
