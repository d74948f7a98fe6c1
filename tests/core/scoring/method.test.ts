import { describe, expect, it } from 'vitest';
import {
  computeScorecard,
  gradeFor,
  overallScore,
  points,
  roundScore,
  standardScore,
  standardScores,
  entryWeight,
  weightiestEntry,
  type ScoredEvidence,
} from '../../../core/scoring/method.js';
import { STANDARD_SEEDS } from '../../../db/seed/standards.js';
import { workedExample } from '../../../core/scoring/explanation.js';

const TEN = STANDARD_SEEDS.map(({ slug, number, title }) => ({ slug, number, title }));

function entry(
  standard: string,
  rating: number,
  kind: ScoredEvidence['kind'] = 'action',
  extra: Partial<ScoredEvidence> = {},
): ScoredEvidence {
  return { standard, rating, kind, status: 'published', occurredOn: '2025-01-01', ...extra };
}

describe('points', () => {
  it('turns -2..+2 into 0, 25, 50, 75, 100', () => {
    expect([-2, -1, 0, 1, 2].map(points)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('standard score', () => {
  it('gives the worked example: an action at +2 and a statement at -1 are 75, a B', () => {
    const card = computeScorecard(TEN, [entry('equity', 2, 'action'), entry('equity', -1, 'statement')]);
    expect(card.standards[0]).toMatchObject({ slug: 'equity', score: 75, grade: 'B', evidenceCount: 2 });
    expect(workedExample()).toMatchObject({ score: 75, grade: 'B' });
  });

  it('weighs a statement half as much as an action or data', () => {
    // action +2 (100) and statement -2 (0): (100 + 0.5*0) / 1.5 = 66.67
    expect(standardScore([entry('x', 2, 'action'), entry('x', -2, 'statement')])).toBeCloseTo(66.667, 2);
    // with equal weights it would be 50
    expect(standardScore([entry('x', 2, 'data'), entry('x', -2, 'action')])).toBe(50);
  });

  it('is null, not 0, with no evidence', () => {
    expect(standardScore([])).toBeNull();
    const card = computeScorecard(TEN, []);
    expect(card.standards.every((s) => s.score === null && s.grade === null && s.evidenceCount === 0)).toBe(true);
  });
});

describe('rounding and grades', () => {
  it('rounds halves up: 79.5 is 80 and an A, 79.4 is 79 and a B', () => {
    expect(roundScore(79.5)).toBe(80);
    expect(gradeFor(roundScore(79.5))).toBe('A');
    expect(roundScore(79.4)).toBe(79);
    expect(gradeFor(roundScore(79.4))).toBe('B');
  });

  it('keeps an exact half that floating point lands just under', () => {
    expect(roundScore(79.49999999999999)).toBe(80);
  });

  it.each([
    [100, 'A'],
    [80, 'A'],
    [79, 'B'],
    [60, 'B'],
    [59, 'C'],
    [40, 'C'],
    [39, 'D'],
    [20, 'D'],
    [19, 'F'],
    [0, 'F'],
  ] as const)('%i is %s', (score, grade) => {
    expect(gradeFor(score)).toBe(grade);
  });

  it.each([
    [59.5, 'B'],
    [59.4, 'C'],
    [39.5, 'C'],
    [39.4, 'D'],
    [19.5, 'D'],
    [19.4, 'F'],
  ] as const)('unrounded %d grades %s', (score, grade) => {
    expect(gradeFor(roundScore(score))).toBe(grade);
  });

  it('grades a neutral record C', () => {
    const card = computeScorecard(TEN, [entry('kids', 0)]);
    expect(card.standards[2]).toMatchObject({ score: 50, grade: 'C' });
  });

  it('rounds a real 79.5 from evidence to an A', () => {
    // Two standards: unrounded scores 75 and 84 would average 79.5; check through overallScore.
    const overall = overallScore([75, 84, 79.5, 79.5, 79.5].map((score, i) => ({ slug: `s${i}`, score })));
    expect(overall).toMatchObject({ score: 80, grade: 'A', coverage: 5 });
  });
});

describe('what counts', () => {
  it('never counts pending, rejected or retracted evidence', () => {
    const card = computeScorecard(TEN, [
      entry('health', 2, 'action', { status: 'pending' }),
      entry('health', 2, 'action', { status: 'rejected' }),
      entry('health', 2, 'action', { status: 'retracted' }),
      entry('health', -2, 'action'),
    ]);
    expect(card.standards[1]).toMatchObject({ score: 0, grade: 'F', evidenceCount: 1 });
    expect(card.evidenceCount).toBe(1);
  });

  it('cuts off at asOf, including the day itself', () => {
    const list = [
      entry('pretrial', 2, 'action', { occurredOn: '2024-01-01' }),
      entry('pretrial', -2, 'action', { occurredOn: '2024-06-01' }),
    ];
    expect(computeScorecard(TEN, list, { asOf: '2023-12-31' }).standards[4].score).toBeNull();
    expect(computeScorecard(TEN, list, { asOf: '2024-01-01' }).standards[4].score).toBe(100);
    expect(computeScorecard(TEN, list, { asOf: '2024-05-31' }).standards[4].score).toBe(100);
    expect(computeScorecard(TEN, list, { asOf: '2024-06-01' }).standards[4].score).toBe(50);
    expect(computeScorecard(TEN, list).standards[4].score).toBe(50);
  });
});

describe('overall score and coverage', () => {
  it('is null with reason "insufficient-coverage" below 5 standards', () => {
    const card = computeScorecard(
      TEN,
      ['equity', 'health', 'kids', 'bias'].map((s) => entry(s, 2)),
    );
    expect(card.overall).toEqual({ score: null, grade: null, coverage: 4, reason: 'insufficient-coverage' });
  });

  it('is the plain mean of unrounded standard scores at 5 or more', () => {
    // equity: action +2 & statement -1 = 75 exactly; health: statement +1 & action 0 = (37.5+50)/1.5 = 58.33
    const list = [
      entry('equity', 2, 'action'),
      entry('equity', -1, 'statement'),
      entry('health', 1, 'statement'),
      entry('health', 0, 'action'),
      entry('kids', 2),
      entry('pretrial', -2),
      entry('bias', 1),
    ];
    const card = computeScorecard(TEN, list);
    const expected = Math.floor((75 + 175 / 3 + 100 + 0 + 75) / 5 + 0.5);
    expect(card.overall).toEqual({ score: expected, grade: gradeFor(expected), coverage: 5, reason: null });
    expect(card.standards.map((s) => s.slug)).toEqual(TEN.map((s) => s.slug));
  });

  it('applies voter weights when given, and drops standards weighted 0', () => {
    const scores = ['a', 'b', 'c', 'd', 'e'].map((slug, i) => ({ slug, score: i === 0 ? 100 : 0 }));
    expect(overallScore(scores).score).toBe(20);
    expect(overallScore(scores, { a: 3 }).score).toBe(43); // 300 / 7 = 42.86
    expect(overallScore(scores, { b: 0, c: 0, d: 0, e: 0 }).score).toBe(100);
    expect(overallScore(scores, { a: 0, b: 0, c: 0, d: 0, e: 0 })).toMatchObject({ score: null, reason: 'no-weight' });
  });
});

describe('standard scores, what the browser regrades with', () => {
  it('give the same overall score as the whole scorecard under any weighting and day', () => {
    // A deterministic spread of entries: every rating, kind and status, over two years.
    const entries: ScoredEvidence[] = [];
    for (let i = 0; i < 400; i++) {
      entries.push(
        entry(TEN[(i * 3) % 7].slug, (i % 5) - 2, (['action', 'data', 'statement'] as const)[i % 3], {
          status: i % 11 === 0 ? 'retracted' : 'published',
          occurredOn: `202${4 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
        }),
      );
    }
    const weightings = [undefined, { [TEN[0].slug]: 3, [TEN[1].slug]: 0 }, Object.fromEntries(TEN.map((s, i) => [s.slug, i % 4]))];
    for (const asOf of [null, '2024-06-30', '2025-12-31']) {
      const scores = standardScores(TEN, entries, asOf);
      expect(scores.map((s) => s.slug)).toEqual(TEN.map((s) => s.slug));
      // Standards 8 to 10 have no entries: no score, so the coverage is 7 at most.
      expect(scores.slice(7).every((s) => s.score === null)).toBe(true);
      for (const weights of weightings) {
        expect(overallScore(scores, weights)).toEqual(computeScorecard(TEN, entries, { asOf, weights }).overall);
      }
    }
  });
});

describe('the entry that weighs most in a standard', () => {
  it('is the one with the largest kind weight × distance from neutral', () => {
    const statement = entry('x', -2, 'statement', { occurredOn: '2025-05-01' }); // 0.5 × 2 = 1
    const action = entry('x', 2, 'action', { occurredOn: '2024-01-01' }); // 1 × 2 = 2
    const neutral = entry('x', 0, 'data', { occurredOn: '2025-06-01' }); // 0
    expect(weightiestEntry([statement, action, neutral])).toBe(action);
    expect(entryWeight(statement)).toBe(1);
    expect(entryWeight(neutral)).toBe(0);
  });

  it('is the most recent on ties, whichever way it points', () => {
    const older = entry('x', 2, 'action', { occurredOn: '2024-01-01' });
    const newer = entry('x', -2, 'data', { occurredOn: '2025-01-01' });
    expect(weightiestEntry([older, newer])).toBe(newer);
    expect(weightiestEntry([newer, older])).toBe(newer);
  });

  it('counts only published entries (as of a day when given) and is null without any', () => {
    const retracted = entry('x', 2, 'action', { status: 'retracted' });
    const later = entry('x', 2, 'action', { occurredOn: '2026-01-01' });
    const earlier = entry('x', 1, 'action', { occurredOn: '2024-01-01' });
    expect(weightiestEntry([retracted])).toBeNull();
    expect(weightiestEntry([])).toBeNull();
    expect(weightiestEntry([retracted, later, earlier])).toBe(later);
    expect(weightiestEntry([later, earlier], '2025-01-01')).toBe(earlier);
  });
});
