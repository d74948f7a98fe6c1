import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamp, updatedAt } from './columns.js';
import { standards } from './standards.js';

/**
 * The standards' voter text in languages other than English (English lives on the standard
 * itself). Every field is optional: the API falls back to English field by field.
 */
export const standardTranslations = pgTable(
  'standard_translations',
  {
    standardId: integer('standard_id')
      .notNull()
      .references(() => standards.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title'),
    summary: text('summary'),
    daPower: text('da_power'),
    indicators: jsonb('indicators').$type<string[]>(),
    /** When an admin last saved this language's text (null: as seeded); compared with the English's. */
    textEditedAt: timestamp('text_edited_at'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.standardId, t.lang] })],
);

/** The methodology's plain-language text, one row per language, editable by admins. */
export const methodologyTexts = pgTable('methodology_texts', {
  lang: text('lang').primaryKey(),
  steps: jsonb('steps').$type<string[]>().notNull(),
  review: jsonb('review').$type<string[]>().notNull(),
  updatedAt: updatedAt(),
});
