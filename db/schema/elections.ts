import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns.js';
import { subjects } from './subjects.js';

export const elections = sqliteTable('elections', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  electionDate: text('election_date').notNull(),
  registrationDeadline: text('registration_deadline'),
  infoUrl: text('info_url'),
  /**
   * The outcome, as an admin writes it once it is known (e.g. "Avery Placeholder won with 52%").
   * Null before then; once set, the election page shows it and stops urging registration.
   */
  results: text('results'),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Which subjects stand in which election, in ballot order. */
export const electionCandidates = sqliteTable(
  'election_candidates',
  {
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.subjectId] })],
);

export type Election = typeof elections.$inferSelect;
