import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { standards, type Standard } from '../../db/schema/index.js';
import type { PublicStandard } from '../schemas/standards.js';

function toPublic({ id: _id, ...rest }: Standard): PublicStandard {
  return rest;
}

export class StandardRepository {
  constructor(private readonly db: Db) {}

  list(): PublicStandard[] {
    return this.db.select().from(standards).orderBy(asc(standards.number)).all().map(toPublic);
  }

  bySlug(slug: string): PublicStandard | undefined {
    const row = this.db.select().from(standards).where(eq(standards.slug, slug)).get();
    return row && toPublic(row);
  }

  /** Ids, slugs, numbers and titles in order: what scoring and joins need. */
  refs(): Array<Pick<Standard, 'id' | 'slug' | 'number' | 'title'>> {
    return this.db
      .select({ id: standards.id, slug: standards.slug, number: standards.number, title: standards.title })
      .from(standards)
      .orderBy(asc(standards.number))
      .all();
  }
}
