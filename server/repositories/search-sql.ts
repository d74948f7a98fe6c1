import { sql, type SQL } from 'drizzle-orm';
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
 * PostgreSQL reads `evidence_search` (migrations/pg/0002_evidence_search.sql): a row per entry
 * with an 'english' and a 'spanish' tsvector, kept in step by triggers; an entry matches when
 * the words match in either language. SQLite's FTS5 half joins this module when the finder
 * lands beside it.
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
