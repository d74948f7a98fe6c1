import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { subjects, type Subject } from '../../db/schema/index.js';
import type { PublicSubject } from '../schemas/subjects.js';

const ROLE_ORDER = { incumbent: 0, candidate: 1, former: 2 } as const;

export function toPublicSubject({ id: _id, createdAt: _c, ...rest }: Subject): PublicSubject {
  return rest;
}

export class SubjectRepository {
  constructor(private readonly db: Db) {}

  /** Every subject's row: the incumbent first, then candidates, then former DAs; by name within each. */
  async rows(): Promise<Subject[]> {
    return (await this.db.select().from(subjects).orderBy(asc(subjects.name))).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  }

  /** The same list, as the public sees it. */
  async list(): Promise<PublicSubject[]> {
    return (await this.rows()).map(toPublicSubject);
  }

  async rowBySlug(slug: string): Promise<Subject | undefined> {
    return (await this.db.select().from(subjects).where(eq(subjects.slug, slug)).limit(1))[0];
  }
}
