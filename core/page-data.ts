import type { OverallScore, StandardRef } from './scoring/method.js';

/**
 * What the server hands the browser components in the page's JSON data block. The client
 * imports these as types only; the values are built by the page routes.
 */

/**
 * What the browser needs to regrade one person under a voter's weighting: each standard's
 * unrounded score as of the page's day (core/scoring/method.ts standardScores), not the entries
 * themselves, so the page's size does not grow with the record.
 */
export interface SubjectScoringInput {
  slug: string;
  name: string;
  scores: Array<{ slug: string; score: number | null }>;
  /** The scorecard as published (equal weights), for "reset". */
  official: OverallScore;
}

export interface PrioritiesPageData {
  /** The day the scorecards are computed for. */
  asOf: string;
  standards: Array<StandardRef & { short: string }>;
  subjects: SubjectScoringInput[];
}

export interface PersonPageData extends PrioritiesPageData {
  page: 'person';
  radar: Array<{ slug: string; short: string; score: number | null }>;
  /** The earliest day any public evidence happened, for the trend chart's range. */
  firstEvidenceOn: string | null;
}

export interface ElectionPageData extends PrioritiesPageData {
  page: 'election';
  bars: Array<{ name: string; scores: Array<number | null> }>;
}
