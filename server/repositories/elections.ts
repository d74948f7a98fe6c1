import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { electionCandidates, elections, subjects, type Election, type Subject } from '../../db/schema/index.js';

export type ElectionWithCandidates = Omit<Election, 'id' | 'createdAt'> & { candidates: Subject[] };

export class ElectionRepository {
  constructor(private readonly db: Db) {}

  private async withCandidates(rows: Election[]): Promise<ElectionWithCandidates[]> {
    if (rows.length === 0) return [];
    const links = await this.db
      .select({ electionId: electionCandidates.electionId, subject: subjects })
      .from(electionCandidates)
      .innerJoin(subjects, eq(subjects.id, electionCandidates.subjectId))
      .where(
        inArray(
          electionCandidates.electionId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(electionCandidates.position), asc(subjects.name));
    return rows.map(({ id, createdAt: _c, ...rest }) => ({
      ...rest,
      candidates: links.filter((l) => l.electionId === id).map((l) => l.subject),
    }));
  }

  /** Newest election first. */
  async list(): Promise<ElectionWithCandidates[]> {
    return this.withCandidates(await this.db.select().from(elections).orderBy(desc(elections.electionDate)));
  }

  async bySlug(slug: string): Promise<ElectionWithCandidates | undefined> {
    return (await this.withCandidates(await this.db.select().from(elections).where(eq(elections.slug, slug))))[0];
  }
}
