/**
 * How each candidate in an election compares with the others, standard by standard, counted
 * for the one-line summary under their name ("Leads on 4 standards, trails on 3; not enough
 * evidence on 2"). Scores are compared as shown (rounded whole numbers), so the sentence never
 * contradicts the table next to it.
 */
export interface Standing {
  /** Standards where this candidate's score is higher than every other candidate's. */
  leads: number;
  /** Standards where another candidate scores higher. */
  trails: number;
  /** Standards where this candidate shares the highest score with another. */
  ties: number;
  /** Standards where only this candidate has enough evidence to be scored. */
  only: number;
  /** Standards where this candidate has no score (not enough evidence). */
  noEvidence: number;
}

/** `scores[c][s]`: candidate c's score on standard s (null: not enough evidence); one Standing per candidate. */
export function electionStandings(scores: ReadonlyArray<ReadonlyArray<number | null>>): Standing[] {
  return scores.map((mine, c) => {
    const standing: Standing = { leads: 0, trails: 0, ties: 0, only: 0, noEvidence: 0 };
    mine.forEach((score, s) => {
      if (score === null) {
        standing.noEvidence++;
        return;
      }
      const others = scores
        .filter((_, o) => o !== c)
        .map((row) => row[s])
        .filter((x): x is number => x !== null);
      if (others.length === 0) standing.only++;
      else if (others.some((x) => x > score)) standing.trails++;
      else if (others.some((x) => x === score)) standing.ties++;
      else standing.leads++;
    });
    return standing;
  });
}
