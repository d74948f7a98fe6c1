import { sql, type SQL } from 'drizzle-orm';
import { isPostgres } from '../../db/engine.js';
import { evidence } from '../../db/schema/index.js';

/**
 * The only engine-specific SQL of evidence search, one small object per engine, so the finder
 * (server/repositories/evidence-search.ts) is plain drizzle around it:
 *
 * - `query`: a person's words as the engine's query text, or null when nothing searchable was
 *   typed. Nothing typed is ever read as query syntax, every word must appear, and each is
 *   prefix-matched, so "polic" finds "police" and "policy".
 * - `matches`: entries whose title, summary or a source's title match.
 * - `rank`: best match first when ordered ascending.
 *
 * Each engine keeps an `evidence_search` table in step with entries and their sources by
 * triggers: SQLite an FTS5 table (migrations/0006_evidence_search.sql, porter stemming,
 * diacritics removed), PostgreSQL a row per entry with an 'english' and a 'spanish' tsvector
 * (migrations/pg/0002_evidence_search.sql, accents folded); there an entry matches when the
 * words match in either language.
 */
export interface SearchSql {
  query(q: string | undefined): string | null;
  matches(query: string): SQL;
  rank(query: string): SQL;
}

/**
 * The words of a search, lowercased and without accents (as the index folds them: search_fold()
 * in the migration), split on anything that is not a letter or a digit.
 */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export const sqliteSearch: SearchSql = {
  query(q) {
    // Each word quoted, so nothing typed is read as FTS5 syntax (`AND`, `NEAR`, `col:`, `*`, quotes).
    const words = (q ?? '')
      .split(/\s+/)
      .map((word) => word.replaceAll('"', ''))
      .filter((word) => /[\p{L}\p{N}]/u.test(word));
    return words.length ? words.map((word) => `"${word}"*`).join(' ') : null;
  },
  matches(query) {
    return sql`${evidence.id} in (select rowid from evidence_search where evidence_search match ${query})`;
  },
  rank(query) {
    // FTS5's bm25 rank is lower for a better match.
    return sql`(select rank from evidence_search where evidence_search match ${query} and rowid = ${evidence.id})`;
  },
};

export const postgresSearch: SearchSql = {
  query(q) {
    const words = searchWords(q);
    // Only letters and digits are left, so this is always a valid tsquery: word:* & word:*.
    return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
  },
  matches(query) {
    return sql`${evidence.id} in (select evidence_id from evidence_search where english @@ to_tsquery('english', ${query}) or spanish @@ to_tsquery('spanish', ${query}))`;
  },
  rank(query) {
    // ts_rank grows with a better match; negated, so ascending order puts the best first, as FTS5's rank does.
    return sql`(select -greatest(ts_rank(english, to_tsquery('english', ${query})), ts_rank(spanish, to_tsquery('spanish', ${query}))) from evidence_search where evidence_id = ${evidence.id})`;
  },
};

/** The search SQL of the engine `db` (the app's database, or a unit of work on it) runs on. */
export function searchSqlFor(db: object): SearchSql {
  return isPostgres(db) ? postgresSearch : sqliteSearch;
}
