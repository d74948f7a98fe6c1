import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';

import { subjectRoles } from '../values.js';

export { subjectRoles, type SubjectRole } from '../values.js';

/** A person scored: the incumbent DA, a candidate or a former DA. */
export const subjects = pgTable('subjects', {
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
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Subject = typeof subjects.$inferSelect;
