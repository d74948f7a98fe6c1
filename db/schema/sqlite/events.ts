import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp, updatedAt } from './columns.js';
import { subjects } from './subjects.js';

/** A candidate forum or other public event. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at').notNull(),
    place: text('place').notNull(),
    description: text('description'),
    url: text('url'),
    /** File name under the data folder's flyers/ directory. */
    flyerPath: text('flyer_path'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('events_starts_at_idx').on(t.startsAt)],
);

export const eventSubjects = sqliteTable(
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
