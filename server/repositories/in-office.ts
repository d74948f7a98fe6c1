import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { subjects, type Subject } from '../../db/schema/index.js';
import { HttpError } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';

/**
 * Who is the District Attorney today: one person at a time, marked by an admin (issue 14),
 * whatever their `role` says. The home page shows that person, or says nobody is marked.
 * As in removal.ts, the transaction stays synchronous inside an async method (better-sqlite3).
 */
export class InOfficeRepository {
  constructor(private readonly db: Db) {}

  /** The person marked in office, if any (never an archived one: archiving clears the mark). */
  async current(): Promise<Subject | null> {
    const [row] = await this.db.select().from(subjects).where(eq(subjects.inOffice, true)).limit(1);
    return row ?? null;
  }

  /** Marks `slug` as the District Attorney today, unmarking whoever was; one audit row. */
  async mark(slug: string, actor: Actor): Promise<Subject> {
    return this.db.transaction((tx) => {
      const before = tx.select().from(subjects).where(eq(subjects.slug, slug)).get();
      if (!before) throw new HttpError(404, 'not-found', `No person with slug "${slug}"`);
      if (before.archivedAt) throw new HttpError(409, 'archived', `${before.name} is archived: restore them before marking them in office`);
      const previous = tx.select().from(subjects).where(eq(subjects.inOffice, true)).get() ?? null;
      // Unmark first: the partial unique index allows one person in office at any moment.
      tx.update(subjects)
        .set({ inOffice: false, updatedAt: nowIso() })
        .where(and(eq(subjects.inOffice, true), ne(subjects.id, before.id)))
        .run();
      const after = tx.update(subjects).set({ inOffice: true, updatedAt: nowIso() }).where(eq(subjects.id, before.id)).returning().get();
      recordAudit(tx, {
        actor,
        action: 'subject.in-office',
        entityType: 'subject',
        entityId: before.id,
        before: { inOffice: previous?.slug ?? null },
        after: { inOffice: after.slug },
      });
      return after;
    });
  }

  /** Nobody is marked: the home page then says so. */
  async clear(actor: Actor): Promise<void> {
    this.db.transaction((tx) => {
      const previous = tx.select().from(subjects).where(eq(subjects.inOffice, true)).get();
      if (!previous) return;
      tx.update(subjects).set({ inOffice: false, updatedAt: nowIso() }).where(eq(subjects.id, previous.id)).run();
      recordAudit(tx, {
        actor,
        action: 'subject.in-office',
        entityType: 'subject',
        entityId: previous.id,
        before: { inOffice: previous.slug },
        after: { inOffice: null },
      });
    });
  }
}
