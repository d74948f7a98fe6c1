import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp, updatedAt } from './columns.js';
import { standards } from './standards.js';

/**
 * The standards' voter text in languages other than English (English lives on the standard
 * itself). Every field is optional: the API falls back to English field by field.
 */
export const standardTranslations = sqliteTable(
  'standard_translations',
  {
    standardId: integer('standard_id')
      .notNull()
      .references(() => standards.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title'),
    summary: text('summary'),
    daPower: text('da_power'),
    indicators: text('indicators', { mode: 'json' }).$type<string[]>(),
    /** When an admin last saved this language's text (null: as seeded); compared with the English's. */
    textEditedAt: timestamp('text_edited_at'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.standardId, t.lang] })],
);

/** The methodology's plain-language text, one row per language, editable by admins. */
export const methodologyTexts = sqliteTable('methodology_texts', {
  lang: text('lang').primaryKey(),
  steps: text('steps', { mode: 'json' }).$type<string[]>().notNull(),
  review: text('review', { mode: 'json' }).$type<string[]>().notNull(),
  updatedAt: updatedAt(),
});
