import { counts, gradeFor, roundScore, standardScore, type Grade, type Kind } from '../../core/scoring/method.js';

export interface GradePreview {
  before: { score: number; grade: Grade } | null;
  after: { score: number; grade: Grade } | null;
}

type Rated = { rating: number; kind: Kind; status: string; occurredOn: string };

const graded = (score: number | null) => (score === null ? null : { score: roundScore(score), grade: gradeFor(roundScore(score)) });

/**
 * A person's grade on one standard now, and what it would be if `candidate` were published:
 * the public method's own functions on the public evidence, so the queue never disagrees
 * with the scorecard.
 */
export function previewGrade(publicEvidence: readonly Rated[], candidate: Pick<Rated, 'rating' | 'kind'>): GradePreview {
  const counted = publicEvidence.filter((e) => counts(e));
  return { before: graded(standardScore(counted)), after: graded(standardScore([...counted, candidate])) };
}
