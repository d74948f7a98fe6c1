import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, timestamp, updatedAt } from './columns.js';
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
    /** File name under the data folder's flyers/ directory. */
    flyerPath: text('flyer_path'),
    demo: boolean('demo').notNull().default(false),
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

export type Event = typeof events.$inferSelect;
