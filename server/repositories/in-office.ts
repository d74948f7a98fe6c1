import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { subjects, type Subject } from '../../db/schema/index.js';
import { HttpError } from '../errors.js';
import { inTransaction, recordAudit, type Actor } from './audit.js';

/**
 * Who is the District Attorney today: one person at a time, marked by an admin (issue 14),
 * whatever their `role` says. The home page shows that person, or says nobody is marked.
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
    return inTransaction(this.db, async (tx) => {
      const [before] = await tx.select().from(subjects).where(eq(subjects.slug, slug)).limit(1);
      if (!before) throw new HttpError(404, 'not-found', `No person with slug "${slug}"`);
      if (before.archivedAt) throw new HttpError(409, 'archived', `${before.name} is archived: restore them before marking them in office`);
      const [previous] = await tx.select().from(subjects).where(eq(subjects.inOffice, true)).limit(1);
      // Unmark first: the partial unique index allows one person in office at any moment.
      await tx
        .update(subjects)
        .set({ inOffice: false, updatedAt: nowIso() })
        .where(and(eq(subjects.inOffice, true), ne(subjects.id, before.id)));
      const [after] = await tx.update(subjects).set({ inOffice: true, updatedAt: nowIso() }).where(eq(subjects.id, before.id)).returning();
      await recordAudit(tx, {
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
    await inTransaction(this.db, async (tx) => {
      const [previous] = await tx.select().from(subjects).where(eq(subjects.inOffice, true)).limit(1);
      if (!previous) return;
      await tx.update(subjects).set({ inOffice: false, updatedAt: nowIso() }).where(eq(subjects.id, previous.id));
      await recordAudit(tx, {
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
