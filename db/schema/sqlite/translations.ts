import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp, updatedAt } from './columns.js';
import { elections } from './elections.js';
import { events } from './events.js';
import { evidence } from './evidence.js';
import { standards } from './standards.js';
import { subjects } from './subjects.js';

/*
 * One design for every translated text: English lives on the record itself, and each other
 * language is one row in `<aggregate>_translations`, keyed by the record and the language,
 * with one nullable column per translatable field. A missing row or a null field falls back
 * to English field by field (server/i18n/language.ts pickText), and the page marks that
 * English with lang="en". The English rows, their indexes and the scoring query stay as they
 * are, and a third language is rows, not columns.
 */

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

/** A person's office and short bio in another language. */
export const subjectTranslations = sqliteTable(
  'subject_translations',
  {
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    office: text('office'),
    bio: text('bio'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.subjectId, t.lang] })],
);

/** An election's name in another language. */
export const electionTranslations = sqliteTable(
  'election_translations',
  {
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    name: text('name'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.lang] })],
);

/** An event's title and description in another language. */
export const eventTranslations = sqliteTable(
  'event_translations',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title'),
    description: text('description'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.lang] })],
);

/**
 * An entry's title and summary in another language. Written in the same transaction as the
 * entry's revision, so a reviewer decides on both languages as they were read.
 */
export const evidenceTranslations = sqliteTable(
  'evidence_translations',
  {
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title'),
    summary: text('summary'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.lang] })],
);

/** The methodology's plain-language text, one row per language, editable by admins. */
export const methodologyTexts = sqliteTable('methodology_texts', {
  lang: text('lang').primaryKey(),
  steps: text('steps', { mode: 'json' }).$type<string[]>().notNull(),
  review: text('review', { mode: 'json' }).$type<string[]>().notNull(),
  updatedAt: updatedAt(),
});
