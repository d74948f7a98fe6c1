import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamp, updatedAt } from './columns.js';
import { elections } from './elections.js';
import { events } from './events.js';
import { evidence } from './evidence.js';
import { standards } from './standards.js';
import { subjects } from './subjects.js';

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

/** A person's office and short bio in another language. */
export const subjectTranslations = pgTable(
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
export const electionTranslations = pgTable(
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
export const eventTranslations = pgTable(
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
export const evidenceTranslations = pgTable(
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
export const methodologyTexts = pgTable('methodology_texts', {
  lang: text('lang').primaryKey(),
  steps: jsonb('steps').$type<string[]>().notNull(),
  review: jsonb('review').$type<string[]>().notNull(),
  updatedAt: updatedAt(),
});
