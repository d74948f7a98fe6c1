import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, timestamp, updatedAt } from './columns.js';
import { standards } from './standards.js';
import { subjects } from './subjects.js';
import { users } from './users.js';

import { changeKinds, changeStatuses, evidenceKinds, evidenceStatuses } from '../values.js';

export {
  changeKinds,
  changeStatuses,
  evidenceKinds,
  evidenceStatuses,
  type ChangeKind,
  type ChangeStatus,
  type EvidenceKind,
  type EvidenceStatus,
} from '../values.js';

export const evidence = pgTable(
  'evidence',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'restrict' }),
    standardId: integer('standard_id')
      .notNull()
      .references(() => standards.id, { onDelete: 'restrict' }),
    /** -2 works strongly against the standard .. +2 strongly advances it. */
    rating: integer('rating').notNull(),
    kind: text('kind', { enum: evidenceKinds }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** The day it happened (YYYY-MM-DD): `asOf` cuts off on this. */
    occurredOn: text('occurred_on').notNull(),
    status: text('status', { enum: evidenceStatuses }).notNull().default('pending'),
    submittedBy: integer('submitted_by').references(() => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at'),
    publishedAt: timestamp('published_at'),
    retractedAt: timestamp('retracted_at'),
    retractionReason: text('retraction_reason'),
    /** Set when a reviewer corrects a published entry; shown publicly with the note. */
    correctedAt: timestamp('corrected_at'),
    correctionNote: text('correction_note'),
    demo: boolean('demo').notNull().default(false),
    /**
     * Grows by one with every change to the entry. A review names the revision it read, so a
     * change made while the reviewer was reading is never decided on unseen.
     */
    revision: integer('revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The scorecard reads one subject's counted evidence. The index covers every column that
    // read needs, so SQLite never visits the table: a 1,000-entry scorecard stays under 2 ms.
    index('evidence_scoring_idx').on(t.subjectId, t.status, t.occurredOn, t.standardId, t.rating, t.kind, t.updatedAt),
    // The standard page reads one standard's evidence.
    index('evidence_standard_status_idx').on(t.standardId, t.status, t.occurredOn),
    index('evidence_status_created_idx').on(t.status, t.createdAt),
    index('evidence_submitted_by_idx').on(t.submittedBy),
  ],
);

export const evidenceSources = pgTable(
  'evidence_sources',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    url: text('url').notNull(),
    title: text('title').notNull(),
    publisher: text('publisher'),
    archiveUrl: text('archive_url'),
  },
  (t) => [index('evidence_sources_evidence_idx').on(t.evidenceId, t.position)],
);

/** Every change to an entry: who, when, what changed (field -> [before, after]). */
export const evidenceRevisions = pgTable(
  'evidence_revisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_revisions_evidence_idx').on(t.evidenceId, t.createdAt)],
);

/**
 * A proposed correction or retraction of published evidence. Nothing public changes until a
 * second reviewer, neither the proposer nor the entry's submitter, approves it.
 */
export const evidenceChanges = pgTable(
  'evidence_changes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: changeKinds }).notNull(),
    status: text('status', { enum: changeStatuses }).notNull().default('pending'),
    /** The fields a correction sets (as typed: slugs, sources); empty for a retraction. */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    /** The correction's public note, or the retraction's public reason. */
    note: text('note').notNull(),
    /** The entry's revision the proposal was made against: approval refuses a moved entry. */
    baseRevision: integer('base_revision').notNull(),
    proposedBy: integer('proposed_by').references(() => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_changes_status_idx').on(t.status, t.id), index('evidence_changes_evidence_idx').on(t.evidenceId)],
);

export type Evidence = typeof evidence.$inferSelect;
export type EvidenceChangeRow = typeof evidenceChanges.$inferSelect;
export type EvidenceSource = typeof evidenceSources.$inferSelect;
