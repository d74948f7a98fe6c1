import {
  and,
  asc,
  count,
  desc,
  type AnyColumn,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { evidence, standards, subjects, users } from '../../db/schema/index.js';
import { HttpError } from '../errors.js';
import type { EvidenceListQuery, EvidenceSort, WorkspaceEvidence } from '../schemas/evidence-workspace.js';
import type { Page, Paging } from './audit.js';
import type { EvidenceWorkspaceRepository } from './evidence-workspace.js';

/**
 * Finding any entry (issue 14): the workspace's evidence list with its filters, full-text
 * search and ordering. The search itself is the three functions at the top (`searchQuery`,
 * `matchesSearch`, `searchRank`), the only SQLite-specific SQL here: they read the FTS5
 * table `evidence_search` (migration 0006, kept in step with entries and their sources by
 * triggers). A PostgreSQL build swaps those three for a tsvector column and `ts_rank`; the
 * rest is plain drizzle.
 */

/**
 * A person's search words as an FTS5 query: each word quoted, so nothing typed is read as
 * FTS5 syntax (`AND`, `NEAR`, `col:`, `*`, quotes), and prefix-matched, so "polic" finds
 * "police" and "policy"; every word must appear. Null when nothing searchable was typed.
 */
export function searchQuery(q: string | undefined): string | null {
  const words = (q ?? '')
    .split(/\s+/)
    .map((word) => word.replaceAll('"', ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  return words.length ? words.map((word) => `"${word}"*`).join(' ') : null;
}

/** Entries whose title, summary or a source title match (SQLite FTS5 only). */
export function matchesSearch(query: string): SQL {
  return sql`${evidence.id} in (select rowid from evidence_search where evidence_search match ${query})`;
}

/** Best match first when ordered ascending: FTS5's bm25 rank is lower for a better match (SQLite only). */
export function searchRank(query: string): SQL {
  return sql`(select rank from evidence_search where evidence_search match ${query} and rowid = ${evidence.id})`;
}

export type EvidenceFinderFilter = Omit<EvidenceListQuery, 'mine' | 'notMine'> & {
  /** Only entries this user submitted (volunteers; `mine=true`). */
  submittedBy?: number;
  /** Leave out this user's entries (`notMine=true`). */
  notSubmittedBy?: number;
};

/** Ascending is the natural first order for words and numbers; dates and activity start with the newest. */
const ASCENDING_FIRST: ReadonlySet<EvidenceSort> = new Set(['title', 'person', 'standard', 'status', 'relevance']);

export class EvidenceSearchRepository {
  constructor(
    private readonly db: Db,
    private readonly workspace: EvidenceWorkspaceRepository,
  ) {}

  /** One page of entries matching every filter given, in the order asked for. */
  async list(filter: EvidenceFinderFilter, paging: Paging): Promise<Page<WorkspaceEvidence>> {
    const query = searchQuery(filter.q);
    const sort: EvidenceSort = filter.sort ?? (query ? 'relevance' : 'submitted');
    if (sort === 'relevance' && !query) throw badQuery('sort', 'relevance needs words to search for (q)');
    if (filter.after !== undefined && sort !== 'submitted') throw badQuery('after', 'only works with sort=submitted');
    const ascending = filter.order
      ? filter.order === 'asc'
      : sort === 'submitted'
        ? filter.status === 'pending'
        : ASCENDING_FIRST.has(sort);

    const where = and(
      filter.status === undefined ? undefined : eq(evidence.status, filter.status),
      filter.subject === undefined ? undefined : eq(evidence.subjectId, await this.idOf('subject', filter.subject)),
      filter.standard === undefined ? undefined : eq(evidence.standardId, await this.idOf('standard', filter.standard)),
      filter.submitter === undefined ? undefined : eq(evidence.submittedBy, filter.submitter),
      filter.submittedBy === undefined ? undefined : eq(evidence.submittedBy, filter.submittedBy),
      // An entry with no submitter (the command line, demo data) is nobody's own.
      filter.notSubmittedBy === undefined ? undefined : or(isNull(evidence.submittedBy), ne(evidence.submittedBy, filter.notSubmittedBy)),
      filter.from === undefined ? undefined : gte(evidence.occurredOn, filter.from),
      filter.to === undefined ? undefined : lte(evidence.occurredOn, filter.to),
      query === null ? undefined : matchesSearch(query),
      filter.duplicates === undefined
        ? undefined
        : filter.duplicates === 'true'
          ? inArray(evidence.id, [...(await this.workspace.idsWithDuplicates())])
          : notInArray(evidence.id, [...(await this.workspace.idsWithDuplicates())]),
    );
    const cursor = filter.after === undefined ? undefined : ascending ? gt(evidence.id, filter.after) : lt(evidence.id, filter.after);

    const direction = ascending ? asc : desc;
    const key: Record<EvidenceSort, SQL | AnyColumn> = {
      submitted: evidence.id,
      occurred: evidence.occurredOn,
      updated: evidence.updatedAt,
      title: sql`lower(${evidence.title})`,
      person: sql`lower(${subjects.name})`,
      standard: standards.number,
      status: evidence.status,
      relevance: query ? searchRank(query) : evidence.id,
    };
    const rows = await this.db
      .select({ id: evidence.id })
      .from(evidence)
      .innerJoin(subjects, eq(subjects.id, evidence.subjectId))
      .innerJoin(standards, eq(standards.id, evidence.standardId))
      .where(and(where, cursor))
      // The id breaks ties, so a page never repeats or skips an entry between two reads.
      .orderBy(direction(key[sort]), direction(evidence.id))
      .limit(paging.pageSize)
      .offset(filter.after === undefined ? (paging.page - 1) * paging.pageSize : 0);
    const [{ total }] = await this.db.select({ total: count() }).from(evidence).where(where);
    return { items: await this.workspace.byIds(rows.map((r) => r.id)), ...paging, total };
  }

  /** Everyone who has submitted an entry, by name, for the finder's "submitted by" filter. */
  async submitters(): Promise<Array<{ id: number; displayName: string; entries: number }>> {
    return await this.db
      .select({ id: users.id, displayName: users.displayName, entries: count() })
      .from(evidence)
      .innerJoin(users, eq(users.id, evidence.submittedBy))
      .where(ne(evidence.status, 'withdrawn'))
      .groupBy(users.id)
      .orderBy(asc(users.displayName), asc(users.id));
  }

  /** A slug to its id; an unknown one is a 400 naming the query parameter. */
  private async idOf(field: 'subject' | 'standard', slug: string): Promise<number> {
    const table = field === 'subject' ? subjects : standards;
    const [row] = await this.db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).limit(1);
    if (!row) throw badQuery(field, `no ${field} with slug "${slug}"`);
    return row.id;
  }
}

function badQuery(field: string, message: string) {
  return new HttpError(400, 'validation', `querystring.${field}: ${message}`, [{ field: `querystring.${field}`, message }]);
}
