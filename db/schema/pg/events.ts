import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { archivedAt, bytes, createdAt, timestamp, updatedAt } from './columns.js';
import { subjects } from './subjects.js';

/** A candidate forum or other public event. */
export const events = pgTable(
  'events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at').notNull(),
    place: text('place').notNull(),
    description: text('description'),
    url: text('url'),
    /** The flyer's name: it is served at /media/flyers/<name> from event_flyers. */
    flyerPath: text('flyer_path'),
    demo: boolean('demo').notNull().default(false),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('events_starts_at_idx').on(t.startsAt)],
);

export const eventSubjects = pgTable(
  'event_subjects',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.subjectId] })],
);

/**
 * Event flyers, stored in the database rather than on the server's disk, so every instance
 * serves them and a deploy that wipes the disk keeps them. One row per stored image, named as in
 * `events.flyer_path`; it goes with its event (cascade), and a replaced one is deleted with the
 * change that replaced it.
 */
export const eventFlyers = pgTable(
  'event_flyers',
  {
    name: text('name').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    /** A strong ETag of the bytes, quoted. */
    etag: text('etag').notNull(),
    bytes: bytes('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('event_flyers_event_idx').on(t.eventId)],
);

export type Event = typeof events.$inferSelect;
