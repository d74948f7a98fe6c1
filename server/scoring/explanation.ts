import { computeScorecard, KIND_WEIGHTS, MIN_COVERAGE, points } from './method.js';

/**
 * The method in plain words, served with its constants at GET /api/methodology. The worked
 * example is computed with the method itself, so the text can never drift from the code.
 */
export function workedExample() {
  const entries = [
    { standard: 'example', rating: 2, kind: 'action' as const, status: 'published', occurredOn: '2000-01-01' },
    { standard: 'example', rating: -1, kind: 'statement' as const, status: 'published', occurredOn: '2000-01-01' },
  ];
  const [result] = computeScorecard([{ slug: 'example', number: 1, title: 'Example' }], entries).standards;
  const terms = entries.map((e) => `${KIND_WEIGHTS[e.kind]} × ${points(e.rating)}`).join(' + ');
  const weights = entries.map((e) => KIND_WEIGHTS[e.kind]).reduce((a, b) => a + b, 0);
  return {
    entries: entries.map(({ rating, kind }) => ({ rating, kind, points: points(rating), weight: KIND_WEIGHTS[kind] })),
    calculation: `(${terms}) / ${weights} = ${result.score}`,
    score: result.score!,
    grade: result.grade!,
  };
}

export const METHOD_STEPS: string[] = [
  'Only evidence that a reviewer has published counts. Pending, rejected and retracted entries never count.',
  'Each rating from -2 to +2 is worth points: 50 + 25 × rating, so -2, -1, 0, +1 and +2 are worth 0, 25, 50, 75 and 100 points.',
  'Each kind of evidence has a weight: an official action and published outcome data count 1, a statement or pledge counts 0.5, because a record counts more than words.',
  'A person’s score on a standard is the weighted average of the points of their evidence on that standard. With no evidence the score is empty ("not enough evidence"), never zero.',
  'Grades come from the score rounded to a whole number, halves up: A is 80 or more, B 60 or more, C 40 or more, D 20 or more, F below 20. A neutral record is a C.',
  `Coverage is how many of the ten standards have a score. The overall score is the plain average of the standard scores, rounded, but only when at least ${MIN_COVERAGE} standards have a score; otherwise there is no overall grade yet.`,
  'A scorecard can be computed as of any past day from the evidence that happened on or before it; the history and trend charts are drawn that way.',
];

export const REVIEW_PROCESS: string[] = [
  'Volunteers log each piece of evidence with the date it happened and at least one source anyone can check.',
  'A reviewer, never the person who submitted it, checks the sources and publishes or rejects the entry.',
  'Published evidence never silently disappears: a correction is dated and shown, and a retracted entry stays listed with the reason, no longer counted.',
];
