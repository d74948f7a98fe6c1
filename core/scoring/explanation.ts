import { computeScorecard, KIND_WEIGHTS, points } from './method.js';

/**
 * The worked example served at GET /api/methodology, computed with the method itself so the
 * published numbers can never drift from the code. (The plain-language steps are stored text,
 * seeded from db/seed/methodology.ts and editable by admins.)
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
