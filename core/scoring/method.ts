/**
 * The scoring method, version 1, exactly as the coalition publishes it (the /methodology page
 * explains it to voters). Pure functions and constants only: no I/O and no server imports, because the
 * client reuses this module for "Your priorities" and GET /api/methodology serves the
 * constants, so neither the UI nor the widget ever hard-codes them.
 */

export const METHODOLOGY_VERSION = 1;

export const RATINGS = [-2, -1, 0, 1, 2] as const;
export type Rating = (typeof RATINGS)[number];

export const KINDS = ['action', 'data', 'statement'] as const;
export type Kind = (typeof KINDS)[number];

/** points = BASE_POINTS + POINTS_PER_RATING × rating: -2..+2 becomes 0, 25, 50, 75, 100. */
export const BASE_POINTS = 50;
export const POINTS_PER_RATING = 25;

/** A record counts more than words. */
export const KIND_WEIGHTS: Readonly<Record<Kind, number>> = { action: 1, data: 1, statement: 0.5 };

export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];

/** Lowest rounded score for each grade, best first. F is everything below D. */
export const GRADE_THRESHOLDS: ReadonlyArray<{ grade: Grade; min: number }> = [
  { grade: 'A', min: 80 },
  { grade: 'B', min: 60 },
  { grade: 'C', min: 40 },
  { grade: 'D', min: 20 },
  { grade: 'F', min: 0 },
];

/** An overall score needs at least this many of the ten standards to have a score. */
export const MIN_COVERAGE = 5;

export const INSUFFICIENT_COVERAGE = 'insufficient-coverage' as const;
/** Only with voter priorities: every scored standard was weighted 0. */
export const NO_WEIGHT = 'no-weight' as const;

/** Only published evidence counts; pending, rejected and retracted never do. */
export const COUNTED_STATUS = 'published';

export interface ScoredEvidence {
  standard: string;
  rating: number;
  kind: Kind;
  status: string;
  /** YYYY-MM-DD */
  occurredOn: string;
}

export interface StandardRef {
  slug: string;
  number: number;
  title: string;
}

export interface StandardScore {
  slug: string;
  number: number;
  title: string;
  score: number | null;
  grade: Grade | null;
  evidenceCount: number;
}

export interface OverallScore {
  score: number | null;
  grade: Grade | null;
  coverage: number;
  reason: typeof INSUFFICIENT_COVERAGE | typeof NO_WEIGHT | null;
}

export interface ComputedScorecard {
  overall: OverallScore;
  standards: StandardScore[];
  evidenceCount: number;
}

/** Voter weights per standard slug for "Your priorities"; missing slugs weigh 1. */
export type StandardWeights = Readonly<Record<string, number>>;

export function points(rating: number): number {
  return BASE_POINTS + POINTS_PER_RATING * rating;
}

/**
 * Whole-number rounding, halves up. Scores are sums of quarters and halves divided by sums of
 * halves, so binary floating point can land a hair under an exact .5 (79.4999999…);
 * trimming to 9 decimals first keeps 79.5 an 80.
 */
export function roundScore(score: number): number {
  return Math.floor(Number(score.toFixed(9)) + 0.5);
}

export function gradeFor(roundedScore: number): Grade {
  for (const { grade, min } of GRADE_THRESHOLDS) if (roundedScore >= min) return grade;
  return 'F';
}

/** True when the entry counts for a scorecard as of `asOf` (YYYY-MM-DD, inclusive). */
export function counts(entry: Pick<ScoredEvidence, 'status' | 'occurredOn'>, asOf?: string | null): boolean {
  return entry.status === COUNTED_STATUS && (!asOf || entry.occurredOn <= asOf);
}

/** The weighted mean of the points of the entries, unrounded; null with no entries. */
export function standardScore(entries: ReadonlyArray<Pick<ScoredEvidence, 'rating' | 'kind'>>): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const entry of entries) {
    const weight = KIND_WEIGHTS[entry.kind];
    weighted += weight * points(entry.rating);
    totalWeight += weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}

/**
 * The overall score from unrounded standard scores: their mean (weighted by the voter's
 * priorities when given), rounded, but only when coverage reaches MIN_COVERAGE.
 * A standard weighted 0 drops out of the mean; coverage still counts every scored standard,
 * so a voter's weighting never hides how thin the evidence is.
 */
export function overallScore(
  scores: ReadonlyArray<{ slug: string; score: number | null }>,
  weights?: StandardWeights | null,
): OverallScore {
  const scored = scores.filter((s): s is { slug: string; score: number } => s.score !== null);
  const coverage = scored.length;
  if (coverage < MIN_COVERAGE) return { score: null, grade: null, coverage, reason: INSUFFICIENT_COVERAGE };
  let weighted = 0;
  let totalWeight = 0;
  for (const { slug, score } of scored) {
    const weight = weights?.[slug] ?? 1;
    weighted += weight * score;
    totalWeight += weight;
  }
  if (totalWeight <= 0) return { score: null, grade: null, coverage, reason: NO_WEIGHT };
  const score = roundScore(weighted / totalWeight);
  return { score, grade: gradeFor(score), coverage, reason: null };
}

/**
 * A whole scorecard: every standard in the given order (always all of them), each with its
 * rounded score and grade, and the overall score. `asOf` keeps only evidence that happened on
 * or before that day, which is how history and trend charts are drawn.
 */
export function computeScorecard(
  standardList: ReadonlyArray<StandardRef>,
  evidenceList: ReadonlyArray<ScoredEvidence>,
  options: { asOf?: string | null; weights?: StandardWeights | null } = {},
): ComputedScorecard {
  const bySlug = countedByStandard(evidenceList, options.asOf);
  const unrounded = unroundedScores(standardList, bySlug);
  const standardsOut = standardList.map((standard, i) => {
    const raw = unrounded[i].score;
    const score = raw === null ? null : roundScore(raw);
    return {
      slug: standard.slug,
      number: standard.number,
      title: standard.title,
      score,
      grade: score === null ? null : gradeFor(score),
      evidenceCount: bySlug.get(standard.slug)?.length ?? 0,
    };
  });
  let evidenceCount = 0;
  for (const list of bySlug.values()) evidenceCount += list.length;
  return { overall: overallScore(unrounded, options.weights), standards: standardsOut, evidenceCount };
}

/**
 * Each standard's unrounded score as of `asOf`: all the overall score reads, under any weighting
 * (`overallScore(standardScores(…), weights)` equals `computeScorecard(…, { weights }).overall`).
 * Pages hand these to the browser instead of every entry, so a long record does not make the
 * page heavier.
 */
export function standardScores(
  standardList: ReadonlyArray<Pick<StandardRef, 'slug'>>,
  evidenceList: ReadonlyArray<ScoredEvidence>,
  asOf?: string | null,
): Array<{ slug: string; score: number | null }> {
  return unroundedScores(standardList, countedByStandard(evidenceList, asOf));
}

/** The entries that count as of `asOf`, by standard slug. */
function countedByStandard(evidenceList: ReadonlyArray<ScoredEvidence>, asOf?: string | null): Map<string, ScoredEvidence[]> {
  const bySlug = new Map<string, ScoredEvidence[]>();
  for (const entry of evidenceList) {
    if (!counts(entry, asOf)) continue;
    const list = bySlug.get(entry.standard);
    if (list) list.push(entry);
    else bySlug.set(entry.standard, [entry]);
  }
  return bySlug;
}

function unroundedScores(standardList: ReadonlyArray<Pick<StandardRef, 'slug'>>, bySlug: Map<string, ScoredEvidence[]>) {
  return standardList.map((standard) => ({ slug: standard.slug, score: standardScore(bySlug.get(standard.slug) ?? []) }));
}

/** The method as data, served at GET /api/methodology. */
export function describeMethod() {
  return {
    version: METHODOLOGY_VERSION,
    countedStatus: COUNTED_STATUS,
    ratings: [...RATINGS],
    points: { base: BASE_POINTS, perRating: POINTS_PER_RATING, byRating: RATINGS.map((r) => ({ rating: r, points: points(r) })) },
    kindWeights: { ...KIND_WEIGHTS },
    grades: GRADE_THRESHOLDS.map((g) => ({ ...g })),
    rounding: 'half-up' as const,
    minCoverage: MIN_COVERAGE,
    insufficientCoverageReason: INSUFFICIENT_COVERAGE,
  };
}

/**
 * How much one entry moves its standard's score away from neutral (50): its kind's weight
 * times its distance from a 0 rating. The "why" shown to voters is the entry that weighs most.
 */
export function entryWeight(entry: Pick<ScoredEvidence, 'rating' | 'kind'>): number {
  return KIND_WEIGHTS[entry.kind] * Math.abs(entry.rating);
}

/**
 * The counted entry that weighs most in a standard's score (see entryWeight), the most recent
 * on ties; null when none counts. Pass one standard's entries: the standard is not checked.
 */
export function weightiestEntry<T extends Pick<ScoredEvidence, 'rating' | 'kind' | 'status' | 'occurredOn'>>(
  entries: ReadonlyArray<T>,
  asOf?: string | null,
): T | null {
  let best: T | null = null;
  for (const entry of entries) {
    if (!counts(entry, asOf)) continue;
    if (
      best === null ||
      entryWeight(entry) > entryWeight(best) ||
      (entryWeight(entry) === entryWeight(best) && entry.occurredOn > best.occurredOn)
    ) {
      best = entry;
    }
  }
  return best;
}
