import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, updatedAt } from './columns.js';

import { subjectRoles } from '../values.js';

export { subjectRoles, type SubjectRole } from '../values.js';

/** A person scored: the incumbent DA, a candidate or a former DA. */
export const subjects = pgTable(
  'subjects',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: subjectRoles }).notNull(),
    office: text('office').notNull(),
    bio: text('bio'),
    photoUrl: text('photo_url'),
    website: text('website'),
    termStart: text('term_start'),
    termEnd: text('term_end'),
    /** True for the fictional demo people: shown with a "demo data" label everywhere. */
    demo: boolean('demo').notNull().default(false),
    /**
     * The District Attorney today, as an admin marked them: what the home page shows. Separate
     * from `role`, which says how the person relates to the office; at most one person at a time.
     */
    inOffice: boolean('in_office').notNull().default(false),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // At most one person in office: a partial unique index, so the database itself refuses a second.
  (t) => [
    uniqueIndex('subjects_one_in_office')
      .on(t.inOffice)
      .where(sql`${t.inOffice}`),
  ],
);

export type Subject = typeof subjects.$inferSelect;
