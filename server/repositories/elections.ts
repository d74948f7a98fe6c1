import { asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { electionCandidates, elections, subjects, type Election, type Subject } from '../../db/schema/index.js';

export type ElectionWithCandidates = Omit<Election, 'id' | 'createdAt'> & { candidates: Subject[] };

export class ElectionRepository {
  constructor(private readonly db: Db) {}

  private withCandidates(rows: Election[]): ElectionWithCandidates[] {
    if (rows.length === 0) return [];
    const links = this.db
      .select({ electionId: electionCandidates.electionId, subject: subjects })
      .from(electionCandidates)
      .innerJoin(subjects, eq(subjects.id, electionCandidates.subjectId))
      .where(
        inArray(
          electionCandidates.electionId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(electionCandidates.position), asc(subjects.name))
      .all();
    return rows.map(({ id, createdAt: _c, ...rest }) => ({
      ...rest,
      candidates: links.filter((l) => l.electionId === id).map((l) => l.subject),
    }));
  }

  /** Newest election first; archived ones (issue 14) only with `includeArchived`. */
  list({ includeArchived = false } = {}): ElectionWithCandidates[] {
    return this.withCandidates(
      this.db
        .select()
        .from(elections)
        .where(includeArchived ? undefined : isNull(elections.archivedAt))
        .orderBy(desc(elections.electionDate))
        .all(),
    );
  }

  bySlug(slug: string): ElectionWithCandidates | undefined {
    return this.withCandidates(this.db.select().from(elections).where(eq(elections.slug, slug)).all())[0];
  }
}
